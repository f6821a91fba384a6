// A small typed JSON-RPC client for a language server spoken to over stdio (LSP base
// protocol: `Content-Length` framing, UTF-8 JSON bodies). Enough of LSP to drive
// yaml-language-server from tests: initialize, open documents, completion, hover, pushed
// diagnostics, and the server-to-client requests it makes (`workspace/configuration`,
// capability registration). Every request has a timeout, and `stop` always kills the process.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import type { LspPosition, LspRange } from '../../editor/lsp-types.ts';

// ---- the LSP shapes these tests read (a subset of the protocol) ----

// Positions and ranges are the ones our own server speaks (editor/lsp-types.ts). Diagnostics
// are read from other servers too (yaml-language-server), so their shape here is looser.
export type { LspPosition, LspRange } from '../../editor/lsp-types.ts';

export interface LspDiagnostic {
  readonly range: LspRange;
  readonly message: string;
  readonly severity?: number;
  readonly source?: string;
  readonly code?: string | number;
}

export interface MarkupContent {
  readonly kind: 'plaintext' | 'markdown';
  readonly value: string;
}

export interface LspCompletionItem {
  readonly label: string;
  readonly kind?: number;
  readonly detail?: string;
  readonly documentation?: string | MarkupContent;
  readonly insertText?: string;
  readonly textEdit?: { readonly newText: string; readonly range?: LspRange };
}

export interface LspCompletionList {
  readonly isIncomplete: boolean;
  readonly items: readonly LspCompletionItem[];
}

export interface LspHover {
  readonly contents: MarkupContent | string | readonly (string | { language: string; value: string })[];
  readonly range?: LspRange;
}

interface PublishDiagnosticsParams {
  readonly uri: string;
  readonly version?: number;
  readonly diagnostics: readonly LspDiagnostic[];
}

interface ConfigurationItem {
  readonly section?: string;
  readonly scopeUri?: string;
}

// ---- JSON-RPC messages ----

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

interface RpcError {
  readonly code: number;
  readonly message: string;
  readonly data?: unknown;
}

interface IncomingMessage {
  readonly jsonrpc: '2.0';
  readonly id?: number | string | null;
  readonly method?: string;
  readonly params?: unknown;
  readonly result?: unknown;
  readonly error?: RpcError;
}

interface Pending {
  readonly method: string;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

export interface LspClientOptions {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  /** Folder opened as the workspace (rootUri and the one workspace folder). */
  readonly rootDir: string;
  /**
   * Settings by section, served to `workspace/configuration`; e.g. `{ yaml: {...}, http: {...} }`.
   * A section `a.b` is looked up as settings.a.b; a missing one is answered with null.
   */
  readonly settings: Readonly<Record<string, JsonValue>>;
  /** Upper bound for every request, including initialize (default 10 s). */
  readonly requestTimeoutMs?: number;
  /** Sent as initialize's initializationOptions. */
  readonly initializationOptions?: JsonValue;
  /**
   * After initialized, wait for the server's configuration pull with a codeLens request
   * (yaml-language-server's barrier; default true). Servers without codeLens set false.
   */
  readonly configurationBarrier?: boolean;
}

export const fileUri = (file: string): string => pathToFileURL(file).href;

/** The text of a hover or completion documentation, whatever form the server chose. */
export function markupText(value: LspHover['contents'] | LspCompletionItem['documentation'] | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((v: string | { value: string }) => (typeof v === 'string' ? v : v.value)).join('\n');
  return (value as MarkupContent).value;
}

const HEADER_SEPARATOR = '\r\n\r\n';

export class LspClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly options: LspClientOptions;
  private readonly timeoutMs: number;
  private buffer: Buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly diagnosticWaiters = new Map<string, ((d: readonly LspDiagnostic[]) => void)[]>();
  private readonly versions = new Map<string, number>();
  private stderrText = '';
  private exited = false;
  private readonly exitPromise: Promise<void>;
  /** Methods of the server-to-client requests received, in order (for assertions). */
  readonly serverRequests: string[] = [];

  private constructor(options: LspClientOptions) {
    this.options = options;
    this.timeoutMs = options.requestTimeoutMs ?? 10_000;
    this.child = spawn(options.command, [...options.args], { cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    // Safety net: never outlive the test process, even if stop() is not reached.
    const killOnExit = () => this.child.kill('SIGKILL');
    process.once('exit', killOnExit);
    this.exitPromise = new Promise((resolve) => {
      this.child.on('exit', () => {
        this.exited = true;
        process.removeListener('exit', killOnExit);
        for (const [id, p] of this.pending) {
          clearTimeout(p.timer);
          p.reject(new Error(`language server exited during ${p.method}: ${this.stderrText.slice(-2000)}`));
          this.pending.delete(id);
        }
        resolve();
      });
    });
    this.child.on('error', (e) => {
      this.stderrText += `spawn error: ${e.message}\n`;
    });
    this.child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => {
      this.stderrText = (this.stderrText + chunk.toString('utf8')).slice(-20_000);
    });
    this.child.stdin.on('error', () => undefined);
  }

  /**
   * Starts the server and completes the handshake: initialize, initialized, then waits until
   * the server has pulled and applied its configuration (so documents opened next are
   * validated with these settings, never with the server's defaults).
   */
  static async start(options: LspClientOptions): Promise<LspClient> {
    const client = new LspClient(options);
    try {
      const rootUri = fileUri(options.rootDir);
      await client.request('initialize', {
        processId: process.pid,
        clientInfo: { name: 'bvchart-tests' },
        locale: 'en',
        rootUri,
        workspaceFolders: [{ uri: rootUri, name: 'workspace' }],
        ...(options.initializationOptions !== undefined ? { initializationOptions: options.initializationOptions } : {}),
        capabilities: {
          workspace: { configuration: true, workspaceFolders: true },
          textDocument: {
            synchronization: { didSave: false },
            completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
            hover: { contentFormat: ['markdown', 'plaintext'] },
            publishDiagnostics: { relatedInformation: false },
          },
        },
      });
      client.notify('initialized', {});
      // yaml-language-server's codeLens handler awaits its configuration pull: a barrier.
      if (options.configurationBarrier !== false) {
        await client.request('textDocument/codeLens', { textDocument: { uri: `${rootUri}/__barrier__.yaml` } });
      }
      return client;
    } catch (error) {
      await client.stop();
      throw error;
    }
  }

  get stderr(): string {
    return this.stderrText;
  }

  request<R>(method: string, params: unknown, timeoutMs = this.timeoutMs): Promise<R> {
    if (this.exited) return Promise.reject(new Error(`language server has exited; cannot send ${method}`));
    const id = this.nextId++;
    return new Promise<R>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} timed out after ${timeoutMs} ms; server stderr: ${this.stderrText.slice(-2000)}`));
      }, timeoutMs);
      this.pending.set(id, { method, resolve: (v) => resolve(v as R), reject, timer });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /**
   * Opens (or re-opens with new text) a document and resolves with the diagnostics the server
   * publishes for it next.
   */
  async open(uri: string, text: string, timeoutMs = this.timeoutMs): Promise<readonly LspDiagnostic[]> {
    const diagnostics = this.nextDiagnostics(uri, timeoutMs);
    const previous = this.versions.get(uri);
    const version = (previous ?? 0) + 1;
    this.versions.set(uri, version);
    // Re-opening replaces the whole text (didClose would publish an empty list first).
    if (previous === undefined) this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
    else this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return diagnostics;
  }

  /** Saves a document (didSave with its text) and resolves with the diagnostics published next. */
  save(uri: string, text: string, timeoutMs = this.timeoutMs): Promise<readonly LspDiagnostic[]> {
    const diagnostics = this.nextDiagnostics(uri, timeoutMs);
    this.notify('textDocument/didSave', { textDocument: { uri }, text });
    return diagnostics;
  }

  /** Closes a document and resolves with the diagnostics published next (a server clears them). */
  close(uri: string, timeoutMs = this.timeoutMs): Promise<readonly LspDiagnostic[]> {
    const diagnostics = this.nextDiagnostics(uri, timeoutMs);
    this.versions.delete(uri);
    this.notify('textDocument/didClose', { textDocument: { uri } });
    return diagnostics;
  }

  completion(uri: string, position: LspPosition): Promise<LspCompletionList> {
    return this.request<LspCompletionList | readonly LspCompletionItem[] | null>('textDocument/completion', {
      textDocument: { uri },
      position,
    }).then((r) => (r === null ? { isIncomplete: false, items: [] } : Array.isArray(r) ? { isIncomplete: false, items: r } : (r as LspCompletionList)));
  }

  hover(uri: string, position: LspPosition): Promise<LspHover | null> {
    return this.request<LspHover | null>('textDocument/hover', { textDocument: { uri }, position });
  }

  /** shutdown + exit, bounded; the process is killed whatever happens. Safe to call twice. */
  async stop(): Promise<void> {
    if (!this.exited) {
      try {
        await this.request('shutdown', null, 2_000);
        this.notify('exit', null);
      } catch {
        // fall through to the kill
      }
      const killTimer = setTimeout(() => this.child.kill('SIGKILL'), 1_000);
      await Promise.race([this.exitPromise, new Promise((r) => setTimeout(r, 3_000))]);
      clearTimeout(killTimer);
      if (!this.exited) this.child.kill('SIGKILL');
    }
    for (const p of this.pending.values()) clearTimeout(p.timer);
    this.pending.clear();
  }

  // ---- internals ----

  private nextDiagnostics(uri: string, timeoutMs: number): Promise<readonly LspDiagnostic[]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const list = this.diagnosticWaiters.get(uri) ?? [];
        this.diagnosticWaiters.set(
          uri,
          list.filter((w) => w !== waiter),
        );
        reject(new Error(`no diagnostics published for ${uri} within ${timeoutMs} ms; server stderr: ${this.stderrText.slice(-2000)}`));
      }, timeoutMs);
      const waiter = (d: readonly LspDiagnostic[]) => {
        clearTimeout(timer);
        resolve(d);
      };
      this.diagnosticWaiters.set(uri, [...(this.diagnosticWaiters.get(uri) ?? []), waiter]);
    });
  }

  private send(message: object): void {
    if (this.exited) return;
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}${HEADER_SEPARATOR}`, 'ascii'), body]));
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf(HEADER_SEPARATOR);
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const match = /Content-Length: *(\d+)/i.exec(header);
      if (!match?.[1]) {
        // Unrecoverable framing error: fail every waiting request and end the server.
        this.stderrText += `malformed LSP header from the server: ${JSON.stringify(header)}\n`;
        this.child.kill('SIGKILL');
        return;
      }
      const length = Number(match[1]);
      const start = headerEnd + HEADER_SEPARATOR.length;
      if (this.buffer.length < start + length) return;
      const body = this.buffer.subarray(start, start + length).toString('utf8');
      this.buffer = this.buffer.subarray(start + length);
      this.dispatch(JSON.parse(body) as IncomingMessage);
    }
  }

  private dispatch(message: IncomingMessage): void {
    if (message.method !== undefined && message.id !== undefined && message.id !== null) {
      this.answerServerRequest(message.id, message.method, message.params);
    } else if (message.method !== undefined) {
      if (message.method === 'textDocument/publishDiagnostics') {
        const params = message.params as PublishDiagnosticsParams;
        const waiters = this.diagnosticWaiters.get(params.uri) ?? [];
        this.diagnosticWaiters.delete(params.uri);
        for (const w of waiters) w(params.diagnostics);
      }
    } else if (typeof message.id === 'number') {
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.pending.delete(message.id);
      clearTimeout(pending.timer);
      if (message.error) pending.reject(new Error(`${pending.method} failed: ${message.error.code} ${message.error.message}`));
      else pending.resolve(message.result ?? null);
    }
  }

  private answerServerRequest(id: number | string, method: string, params: unknown): void {
    this.serverRequests.push(method);
    switch (method) {
      case 'workspace/configuration': {
        const items = (params as { items: readonly ConfigurationItem[] }).items;
        this.send({ jsonrpc: '2.0', id, result: items.map((item) => this.setting(item.section)) });
        return;
      }
      case 'client/registerCapability':
      case 'client/unregisterCapability':
      case 'window/workDoneProgress/create':
      case 'workspace/codeLens/refresh':
        this.send({ jsonrpc: '2.0', id, result: null });
        return;
      default:
        this.send({ jsonrpc: '2.0', id, error: { code: -32601, message: `method not handled by the test client: ${method}` } });
    }
  }

  private setting(section: string | undefined): JsonValue {
    if (section === undefined) return this.options.settings as JsonValue;
    const direct = this.options.settings[section];
    if (direct !== undefined) return direct;
    let current: JsonValue | undefined = this.options.settings as JsonValue;
    for (const key of section.split('.')) {
      if (typeof current !== 'object' || current === null || Array.isArray(current)) return null;
      current = current[key];
    }
    return current ?? null;
  }
}
