// The language server's pure parts: LSP framing (split and joined chunks, multi-byte
// bodies, bad frames skipped), key ranges in a buffer, findings → diagnostics (any finding
// with values in the buffer's file, policy findings included), and which chart a values
// file belongs to.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { chartForDocument } from '../../editor/chart-for-document.ts';
import { findingDiagnostics, keyRange } from '../../editor/finding-diagnostics.ts';
import { type RpcMessage, readMessages, writeMessage } from '../../editor/json-rpc.ts';
import type { Finding } from '../../validator/finding.ts';
import { guardKeys } from '../../validator/render/guard-message.ts';

describe('LSP framing', () => {
  it('reads messages across chunk boundaries, counts bytes not characters, and skips bad frames', () => {
    const input = new PassThrough();
    const got: RpcMessage[] = [];
    const bad: string[] = [];
    readMessages(
      input,
      (m) => got.push(m),
      (r) => bad.push(r),
    );
    const out = new PassThrough();
    writeMessage(out, { jsonrpc: '2.0', method: 'a', params: { text: 'größe: 10Gi — ✓' } });
    writeMessage(out, { jsonrpc: '2.0', id: 1, method: 'b' });
    const bytes = Buffer.concat([out.read() as Buffer, Buffer.from('X-Other: 1\r\n\r\n'), Buffer.from('Content-Length: 3\r\n\r\n{x}')]);
    for (let i = 0; i < bytes.length; i += 7) input.write(bytes.subarray(i, i + 7));
    writeMessage(input, { jsonrpc: '2.0', method: 'c' });
    expect(got.map((m) => m.method)).toEqual(['a', 'b', 'c']);
    expect(got[0]?.params).toEqual({ text: 'größe: 10Gi — ✓' });
    expect(bad).toHaveLength(2);
  });
});

describe('keyRange: the key (or item) at a 1-based position, 0-based', () => {
  const text = 'storageClass:\n  reclaimPolicy: Delete # why\n  "quoted.key": 1\nlist:\n  - a.example\n  - host: x\n';
  it.each([
    [1, 1, [0, 0, 12]],
    [2, 3, [1, 2, 15]],
    [3, 3, [2, 2, 14]],
    [5, 5, [4, 4, 13]],
    [6, 5, [5, 4, 8]],
  ])('line %i column %i → %j', (line, column, [l, start, end]) => {
    expect(keyRange(text, line, column)).toEqual({ start: { line: l, character: start }, end: { line: l, character: end } });
  });
});

describe('findingDiagnostics', () => {
  const buffer = '/tmp/x/values.yaml';
  const text = 'podDisruptionBudget:\n  enabled: false\n';
  const policy: Finding = {
    ruleId: 'pdb-protects-statefulset',
    severity: 'warning',
    message: 'no PodDisruptionBudget protects the StatefulSet',
    resource: { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'bv' },
    values: [
      { file: buffer, line: 2, column: 3, path: 'podDisruptionBudget.enabled' },
      { file: '/chart/values.yaml', line: 40, column: 3, path: 'replicas' },
    ],
  };
  it('a policy finding with a values location in the buffer is a diagnostic at that key; others elsewhere are not shown', () => {
    expect(findingDiagnostics([policy], text, buffer, '/work/values/prod.yaml')).toEqual([
      {
        range: { start: { line: 1, character: 2 }, end: { line: 1, character: 9 } },
        severity: 2,
        source: 'bvchart',
        code: 'pdb-protects-statefulset',
        message: 'no PodDisruptionBudget protects the StatefulSet (StatefulSet bv)',
      },
    ]);
    expect(findingDiagnostics([{ ...policy, values: [] }], text, buffer, 'x')).toEqual([]);
    expect(findingDiagnostics([{ ...policy, suppressed: { reason: 'r', by: 'config' } }], text, buffer, 'x')).toEqual([]);
  });
  it('a failed render no key of the buffer explains is on the first line, naming the file the user sees', () => {
    const failed: Finding = { ruleId: 'render-failed', severity: 'error', message: `helm template failed: ${buffer}: boom` };
    const [d] = findingDiagnostics([failed], text, buffer, '/work/values/prod.yaml');
    expect(d?.range.start).toEqual({ line: 0, character: 0 });
    expect(d?.message).toBe('helm template failed: /work/values/prod.yaml: boom');
  });
});

describe('guardKeys: the key forms a guard message carries', () => {
  it.each([
    ['replicas, quorum.writeQuorum: 2 pods, but ...', ['replicas', 'quorum.writeQuorum']],
    ['networkPolicy.cloudApiCIDRs[1]: 10.1.2.3/8 has address bits set', ['networkPolicy.cloudApiCIDRs[1]']],
    ['VALUES VALIDATION:\nredis: architecture\n    Invalid\nredis: tls.enabled\n    TLS\nredis: architecture\n  again', ['architecture', 'tls.enabled']],
    ['A valid .Values.auth.password entry required!', ['auth.password']],
    ['something failed without a key', []],
  ])('%j → %j', (message, keys) => {
    expect(guardKeys(message)).toEqual(keys);
  });
});

describe('chartForDocument', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bv-lsp-chart-'));
  for (const dir of ['chart', 'charts/a', 'charts/a/ci', 'values', 'elsewhere/deep']) fs.mkdirSync(path.join(root, dir), { recursive: true });
  fs.writeFileSync(path.join(root, 'chart', 'Chart.yaml'), 'name: c\n');
  fs.writeFileSync(path.join(root, 'charts', 'a', 'Chart.yaml'), 'name: a\n');
  it.each([
    ['the nearest ancestor with a Chart.yaml', 'charts/a/ci/x.yaml', '', {}, 'charts/a'],
    ["a chart/ folder beside the file's folder (values/ beside chart/)", 'values/x.yaml', '', {}, 'chart'],
    ['the modeline points into a chart', 'values/x.yaml', '# yaml-language-server: $schema=../charts/a/values.schema.json\n', {}, 'charts/a'],
    ['the client names it', 'values/x.yaml', '', { chart: 'charts/a' }, 'charts/a'],
    ['the workspace root’s chart/', 'elsewhere/deep/x.yaml', '', {}, 'chart'],
  ])('%s', (_why, file, text, options, expected) => {
    expect(chartForDocument(path.join(root, file), text, { root, ...options })).toBe(path.join(root, expected));
  });
  it('no chart anywhere: undefined', () => {
    const lone = fs.mkdtempSync(path.join(os.tmpdir(), 'bv-lsp-none-'));
    expect(chartForDocument(path.join(lone, 'x.yaml'), '', { root: lone })).toBeUndefined();
  });
});
