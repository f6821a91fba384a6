// Hostile and broken input: each case gives a clear finding with file:line:column, never a
// crash, a hang or unbounded memory. (The 50 MB input is in large-input.test.ts, a slow tier.)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderSchemaLocations } from '../../toolchain/kubeconform.ts';
import type { Finding } from '../../validator/finding.ts';
import { validate } from '../../validator/validate.ts';

async function check(text: string | Buffer, name = 'input.yaml'): Promise<readonly Finding[]> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-bad-')), name);
  fs.writeFileSync(file, text);
  const report = await validate({ inputs: [file], kubernetesVersions: ['1.33.0'], schemaLocations: folderSchemaLocations() });
  for (const f of report.findings) expect(f.file, JSON.stringify(f)).toBe(file);
  return report.findings;
}

const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
for (const [i, name] of ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].entries()) {
  const prev = String.fromCharCode('a'.charCodeAt(0) + i);
  laughs.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
}
const BILLION_LAUGHS = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: boom}\ndata:\n${laughs.map((l) => `  ${l}`).join('\n')}\n`;

describe.each([
  ['malformed YAML', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [unclosed\n', 'parse/syntax', 5],
  ['duplicate keys', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n', 'parse/duplicate-key', 5],
  ['alias bomb (billion laughs)', BILLION_LAUGHS, 'parse/alias-limit', 1],
  ['a scalar document', '---\njust a string\n', 'parse/not-an-object', 2],
  ['a list document', '- a\n- b\n', 'parse/not-an-object', 1],
  ['missing apiVersion', 'kind: ConfigMap\nmetadata: {name: x}\n', 'parse/missing-signature', 1],
  ['missing kind', 'apiVersion: v1\nmetadata: {name: x}\n', 'parse/missing-signature', 1],
  ['an unknown kind', 'apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: x}\n', 'schema/error', 1],
  ['binary junk', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0xff, 0xfe]), 'parse/binary', 3],
  ['a bad item inside a List', 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    metadata: {name: x}\n', 'parse/missing-signature', 4],
] as const)('%s', (_name, text, ruleId, line) => {
  it(`→ ${ruleId} at line ${line}`, async () => {
    const findings = await check(text);
    const hit = findings.find((f) => f.ruleId === ruleId);
    expect(hit, JSON.stringify(findings)).toBeDefined();
    expect(hit?.position?.line).toBe(line);
    expect(hit?.position?.column).toBeGreaterThan(0);
    expect(hit?.severity).toBe('error');
  });
});

it('empty input is valid and reports no objects', async () => {
  expect(await check('')).toEqual([]);
  expect(await check('---\n---\n# only a comment\n')).toEqual([]);
});

it('a single document over the size limit is refused with its line', async () => {
  const big = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: huge}\ndata:\n  blob: "${'y'.repeat(9 * 1024 * 1024)}"\n`;
  const findings = await check(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: small}\n---\n${big}`);
  expect(findings).toEqual([expect.objectContaining({ ruleId: 'parse/too-large', position: { line: 4, column: 1 } })]);
});
