// `bvchart lsp` over stdio, as an editor runs it beside yaml-language-server: each values
// buffer is validated against its chart with real Helm, and findings appear at the key the
// user typed. Render errors (a chart guard's `fail`, Helm's values-schema check) land on
// the key's line with a range covering the key; a valid buffer gets an empty list, a
// malformed one a YAML diagnostic, and rapid edits are debounced to the newest text. The
// chart is found from the buffer's folder (values/ beside chart/), or named by the client
// (Bitnami redis, a chart we did not write, whose guard names its key its own way).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderSchemaLocations, SHARED_SCHEMAS_DIR } from '../../toolchain/kubeconform.ts';
import { fileUri, LspClient, type LspDiagnostic } from '../helpers/lsp-client.ts';
import { REPO } from '../helpers/project.ts';

const BIN = path.join(REPO, 'bin', 'bvchart.js');
const SCHEMAS = [SHARED_SCHEMAS_DIR, folderSchemaLocations()[1] ?? ''];
const BITNAMI_REDIS = path.join(REPO, '..', 'shared', 'third-party', 'charts', 'redis');
/** Unsaved buffers in values/ (never written there): the server writes each to a temporary file. */
const bufferUri = (name: string) => fileUri(path.join(REPO, 'values', `__lsp-buffer-${name}.yaml`));

/** `line:start-end code` (0-based line and characters, as LSP), for tables. */
const where = (d: readonly LspDiagnostic[]) => d.map((x) => `${x.range.start.line}:${x.range.start.character}-${x.range.end.character} ${x.code}`);

async function startServer(initializationOptions: Record<string, string | number | string[]>): Promise<LspClient> {
  return LspClient.start({
    command: process.execPath,
    args: [BIN, 'lsp', '--stdio'],
    cwd: REPO,
    rootDir: REPO,
    settings: {},
    requestTimeoutMs: 60_000,
    configurationBarrier: false,
    initializationOptions: { schemaLocations: SCHEMAS, kubernetesVersion: '1.36.0', ...initializationOptions },
  });
}

describe('bvchart lsp on our chart (found from values/, Helm 4)', { timeout: 120_000 }, () => {
  let server: LspClient;
  beforeAll(async () => {
    server = await startServer({ helm: 4, debounceMs: 300 });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  }, 10_000);

  it.each([
    {
      name: 'guard',
      text: '# The autoscaler maximum below its minimum.\nautoscaling:\n  minReplicas: 5\n  maxReplicas: 4\n',
      expected: ['2:2-13 render-failed', '3:2-13 render-failed'],
      message: 'autoscaling.maxReplicas, autoscaling.minReplicas: the maximum 4 is below the minimum 5',
    },
    {
      name: 'schema',
      text: 'storageClass:\n  reclaimPolicy: Recycle\n',
      expected: ['1:2-15 render-failed'],
      message: "storageClass.reclaimPolicy: value must be one of 'Retain', 'Delete'",
    },
    {
      name: 'schema-list-item',
      text: 'replicas: 0\ningress:\n  enabled: true\n  hosts:\n    - host: Bad_Host\n',
      expected: ['0:0-8 render-failed', '4:6-10 render-failed'],
      message: 'replicas: minimum: got 0, want 1',
    },
    {
      // A policy finding on the rendered StorageClass, located at the key by the attribution
      // engine (validator/locate/): the editor shows it where the user typed Delete.
      name: 'policy',
      text: '# Reclaim volumes on delete.\nstorageClass:\n  reclaimPolicy: Delete\n',
      expected: ['2:2-15 storage-class-retain'],
      message: 'Retain',
    },
    { name: 'valid', text: '# Five pods.\nreplicas: 5\n', expected: [], message: '' },
    { name: 'empty', text: '# Nothing overridden.\n', expected: [], message: '' },
  ])('$name buffer: diagnostics at the key', async ({ name, text, expected, message }) => {
    const diagnostics = await server.open(bufferUri(name), text);
    expect(where(diagnostics)).toEqual(expected);
    for (const d of diagnostics) expect(d).toMatchObject({ severity: 1, source: 'bvchart' });
    if (message) expect(diagnostics[0]?.message).toContain(message);
  });

  it('a malformed buffer gets a YAML diagnostic at its line, and the server keeps serving', async () => {
    const diagnostics = await server.open(bufferUri('malformed'), 'storageClass:\n  reclaimPolicy: [Retain\nreplicas: 3\n');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.code).toMatch(/^yaml\//);
    expect(diagnostics[0]?.range.start.line).toBeGreaterThanOrEqual(1);
    expect(await server.open(bufferUri('malformed'), 'replicas: 3\n')).toEqual([]);
  });

  it('edits in quick succession are validated once, with the newest text', async () => {
    const uri = bufferUri('debounced');
    expect(await server.open(uri, 'replicas: 4\n')).toEqual([]);
    // A broken edit, then its fix within the debounce: the first publication is the fix's.
    server.notify('textDocument/didChange', { textDocument: { uri, version: 10 }, contentChanges: [{ text: 'replicas: 0\n' }] });
    const next = await server.open(uri, 'replicas: 6\n');
    expect(next).toEqual([]);
  });

  it('save re-validates at once; close clears the diagnostics', async () => {
    const uri = bufferUri('saved');
    expect(where(await server.open(uri, 'replicas: 0\n'))).toEqual(['0:0-8 render-failed']);
    expect(await server.save(uri, 'replicas: 3\n')).toEqual([]);
    expect(where(await server.save(uri, '\nreplicas: 0\n'))).toEqual(['1:0-8 render-failed']);
    expect(await server.close(uri)).toEqual([]);
  });
});

describe('bvchart lsp on Bitnami redis (initializationOptions.chart, Helm 3)', { timeout: 120_000 }, () => {
  let server: LspClient;
  beforeAll(async () => {
    server = await startServer({ helm: 3, chart: BITNAMI_REDIS });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  }, 10_000);

  it('its VALUES VALIDATION guard lands on the key it names (`redis: architecture`)', async () => {
    const diagnostics = await server.open(bufferUri('redis'), '# Sentinel needs replication.\narchitecture: cluster\nsentinel:\n  enabled: true\n');
    expect(where(diagnostics)).toEqual(['1:0-12 render-failed']);
    expect(diagnostics[0]?.message).toContain('Invalid architecture selected');
  });

  it('a values file the chart accepts gets an empty list', async () => {
    expect(await server.open(bufferUri('redis-ok'), 'architecture: standalone\n')).toEqual([]);
  });
});

describe('bvchart lsp lifecycle', { timeout: 30_000 }, () => {
  const frame = (m: object) => {
    const body = Buffer.from(JSON.stringify(m), 'utf8');
    return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
  };
  /** Runs the server on raw frames (stdin left open, as editors do) and returns its exit code and answers. */
  async function session(frames: readonly Buffer[]): Promise<{ code: number | string | null; ids: number[]; stderr: string }> {
    const child = spawn(process.execPath, [BIN, 'lsp'], { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
    });
    for (const f of frames) child.stdin.write(f);
    const code = await new Promise<number | string | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve('did not exit');
      }, 10_000);
      child.on('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    const ids = [...out.matchAll(/"id":(\d+)/g)].map((m) => Number(m[1]));
    return { code, ids, stderr };
  }
  const initialize = frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { rootUri: null, capabilities: {} } });

  it('exits 0 on exit after shutdown, with stdin still open; a body that is not JSON is logged and skipped; unknown requests get an error', async () => {
    const r = await session([
      frame({ jsonrpc: '2.0', id: 7, method: 'textDocument/hover', params: {} }),
      initialize,
      Buffer.from('Content-Length: 5\r\n\r\n{bad}', 'ascii'),
      frame({ jsonrpc: '2.0', id: 2, method: 'textDocument/hover', params: {} }),
      frame({ jsonrpc: '2.0', id: 3, method: 'shutdown' }),
      frame({ jsonrpc: '2.0', method: 'exit' }),
    ]);
    expect(r).toMatchObject({ code: 0, ids: [7, 1, 2, 3] });
    expect(r.stderr).toContain('ignored a body that is not JSON');
  });

  it('exits 1 on exit without shutdown (LSP)', async () => {
    expect((await session([initialize, frame({ jsonrpc: '2.0', method: 'exit' })])).code).toBe(1);
  });
});
