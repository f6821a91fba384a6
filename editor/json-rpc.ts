// JSON-RPC 2.0 over a byte stream with LSP's base protocol: each message is a
// `Content-Length: <bytes>` header block, a blank line, then a UTF-8 JSON body.
import type { Readable, Writable } from 'node:stream';

export type RpcId = number | string;

export interface RpcMessage {
  readonly jsonrpc: '2.0';
  readonly id?: RpcId | null;
  readonly method?: string;
  readonly params?: unknown;
  readonly result?: unknown;
  readonly error?: { readonly code: number; readonly message: string };
}

/** JSON-RPC's and LSP's error codes this server answers with. */
export const RPC_ERRORS = {
  parseError: -32700,
  invalidRequest: -32600,
  methodNotFound: -32601,
  internalError: -32603,
  serverNotInitialized: -32002,
} as const;

const SEPARATOR = Buffer.from('\r\n\r\n', 'ascii');

/** Cuts framed messages out of `input`; a body that is not JSON is reported to `onBadMessage`, the stream goes on. */
export function readMessages(input: Readable, onMessage: (m: RpcMessage) => void, onBadMessage: (reason: string) => void): void {
  let buffer = Buffer.alloc(0);
  input.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const headerEnd = buffer.indexOf(SEPARATOR);
      if (headerEnd < 0) return;
      const header = buffer.subarray(0, headerEnd).toString('ascii');
      const length = /(?:^|\r\n)Content-Length: *(\d+)/i.exec(header)?.[1];
      if (length === undefined) {
        // No length: the frame cannot be found again; drop the header and resynchronise on the next one.
        buffer = buffer.subarray(headerEnd + SEPARATOR.length);
        onBadMessage(`a header block without Content-Length: ${JSON.stringify(header)}`);
        continue;
      }
      const start = headerEnd + SEPARATOR.length;
      if (buffer.length < start + Number(length)) return;
      const body = buffer.subarray(start, start + Number(length)).toString('utf8');
      buffer = buffer.subarray(start + Number(length));
      let message: unknown;
      try {
        message = JSON.parse(body);
      } catch {
        onBadMessage(`a body that is not JSON: ${body.slice(0, 200)}`);
        continue;
      }
      if (typeof message === 'object' && message !== null && !Array.isArray(message)) onMessage(message as RpcMessage);
      else onBadMessage(`a body that is not a JSON-RPC object: ${body.slice(0, 200)}`);
    }
  });
}

export function writeMessage(output: Writable, message: RpcMessage): void {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  output.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
}
