// bvchart's language server: diagnostics only, beside yaml-language-server (which gives
// completion and hover from the chart's schema). Over stdio with LSP's framing
// (json-rpc.ts); every YAML document the client opens is validated as a values file of its
// chart (validate-buffer.ts) on open, on save and after edits settle (validation-queue.ts),
// and the findings located in it are published at their keys.
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { isObject } from '../core/is-object.ts';
import { RPC_ERRORS, type RpcId, type RpcMessage, readMessages, writeMessage } from './json-rpc.ts';
import type { LspDiagnostic } from './lsp-types.ts';
import { type ServerSettings, serverSettings } from './server-settings.ts';
import { validateBuffer } from './validate-buffer.ts';
import { type QueuedDocument, ValidationQueue } from './validation-queue.ts';

export interface LanguageServerIO {
  readonly input: Readable;
  readonly output: Writable;
  /** The server's own log (stderr): stdout is the protocol. */
  readonly log: (text: string) => void;
}

/** LSP's text document sync kind Full: every change carries the whole text. */
const SYNC_FULL = 1;

function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

const isYaml = (uri: string, languageId?: string): boolean => languageId === 'yaml' || /\.ya?ml$/i.test(uri);

/** The root the client opened: rootUri, else the first workspace folder, else rootPath. */
function workspaceRoot(params: Record<string, unknown>): string | undefined {
  if (typeof params.rootUri === 'string') return filePath(params.rootUri);
  const [first] = Array.isArray(params.workspaceFolders) ? params.workspaceFolders : [];
  if (isObject(first) && typeof first.uri === 'string') return filePath(first.uri);
  return typeof params.rootPath === 'string' ? params.rootPath : undefined;
}

interface TextDocumentItem {
  readonly uri: string;
  readonly text?: string;
  readonly version?: number;
  readonly languageId?: string;
}

function textDocument(params: unknown): TextDocumentItem | undefined {
  const doc = isObject(params) ? params.textDocument : undefined;
  if (!isObject(doc) || typeof doc.uri !== 'string') return undefined;
  return {
    uri: doc.uri,
    ...(typeof doc.text === 'string' ? { text: doc.text } : {}),
    ...(typeof doc.version === 'number' ? { version: doc.version } : {}),
    ...(typeof doc.languageId === 'string' ? { languageId: doc.languageId } : {}),
  };
}

/** The whole text after a didChange with full sync: the last change's text. */
function changedText(params: unknown): string | undefined {
  const changes = isObject(params) && Array.isArray(params.contentChanges) ? params.contentChanges : [];
  const last: unknown = changes[changes.length - 1];
  return isObject(last) && typeof last.text === 'string' && last.range === undefined ? last.text : undefined;
}

/** Runs the server until the client's `exit` (or the end of input); resolves with the exit code (0 after shutdown). */
export function runLanguageServer(io: LanguageServerIO): Promise<number> {
  let settings: ServerSettings | undefined;
  let shutdown = false;
  const send = (message: Omit<RpcMessage, 'jsonrpc'>) => writeMessage(io.output, { jsonrpc: '2.0', ...message });
  const publish = (uri: string, diagnostics: readonly LspDiagnostic[], version?: number) =>
    send({ method: 'textDocument/publishDiagnostics', params: { uri, ...(version !== undefined ? { version } : {}), diagnostics } });

  const queue = new ValidationQueue<LspDiagnostic[]>(
    (doc: QueuedDocument) => {
      const file = filePath(doc.uri);
      return file && settings ? validateBuffer(file, doc.text, settings) : Promise.resolve([]);
    },
    (doc, diagnostics) => publish(doc.uri, diagnostics, doc.version),
    (doc, error) => {
      io.log(`bvchart lsp: validating ${doc.uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      publish(doc.uri, [
        {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity: 1,
          source: 'bvchart',
          code: 'lsp/internal-error',
          message: `bvchart could not validate this file (a defect in bvchart, please report it): ${error instanceof Error ? error.message : String(error)}`,
        },
      ]);
    },
  );

  const open = (doc: TextDocumentItem | undefined, text: string | undefined, delayMs: number) => {
    if (!doc || text === undefined || !isYaml(doc.uri, doc.languageId)) return;
    const version = doc.version ?? queue.latest(doc.uri)?.version ?? 0;
    queue.update({ uri: doc.uri, text, version }, delayMs);
  };

  const request = (id: RpcId, method: string, params: unknown): void => {
    if (method === 'initialize') {
      const p = isObject(params) ? params : {};
      settings = serverSettings(p.initializationOptions, workspaceRoot(p));
      send({
        id,
        result: {
          capabilities: { textDocumentSync: { openClose: true, change: SYNC_FULL, save: { includeText: true } } },
          serverInfo: { name: 'bvchart' },
        },
      });
    } else if (!settings) {
      send({ id, error: { code: RPC_ERRORS.serverNotInitialized, message: `${method} before initialize` } });
    } else if (method === 'shutdown') {
      shutdown = true;
      void queue.idle().then(() => send({ id, result: null }));
    } else {
      send({ id, error: { code: RPC_ERRORS.methodNotFound, message: `bvchart lsp does not handle ${method}` } });
    }
  };

  const notification = (method: string, params: unknown): void => {
    if (!settings || shutdown) return;
    const doc = textDocument(params);
    switch (method) {
      case 'textDocument/didOpen':
        open(doc, doc?.text, 0);
        break;
      case 'textDocument/didChange':
        open(doc, changedText(params), settings.debounceMs);
        break;
      case 'textDocument/didSave':
        open(doc, doc ? (isObject(params) && typeof params.text === 'string' ? params.text : queue.latest(doc.uri)?.text) : undefined, 0);
        break;
      case 'textDocument/didClose':
        if (doc) {
          queue.close(doc.uri);
          publish(doc.uri, []);
        }
        break;
      default:
        break; // initialized, $/cancelRequest, workspace/didChangeConfiguration...: nothing to do
    }
  };

  return new Promise((resolve) => {
    const finish = (code: number) => {
      void queue.idle().then(() => resolve(code));
    };
    io.input.on('end', () => finish(shutdown ? 0 : 1));
    readMessages(
      io.input,
      (m) => {
        if (m.method === 'exit') finish(shutdown ? 0 : 1);
        else if (typeof m.method === 'string' && m.id !== undefined && m.id !== null) request(m.id, m.method, m.params);
        else if (typeof m.method === 'string') notification(m.method, m.params);
        // else a response to a request of ours: the server sends none.
      },
      (reason) => io.log(`bvchart lsp: ignored ${reason}\n`),
    );
  });
}
