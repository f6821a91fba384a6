// One fixture folder per schema case (test/fixtures/schema-cases/<case>/): the values
// schema, and expected.txt with the exact diagnostics the generator prints (empty: valid).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../core/format-diagnostic.ts';
import { buildChartFiles } from '../../generator/generate.ts';
import { REPO } from '../helpers/project.ts';

const CASES = path.join(REPO, 'test', 'fixtures', 'schema-cases');
// A one-template chart that reads the cases' only value, so cases test the schema alone.
const TEMPLATES = path.join(REPO, 'test', 'fixtures', 'minimal-templates');
const names = fs.readdirSync(CASES).sort();

function rootFor(caseName: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `bvchart-case-${caseName}-`));
  fs.mkdirSync(path.join(root, 'schema'));
  for (const file of ['chart.yaml', 'CHANGELOG.yaml']) fs.copyFileSync(path.join(REPO, 'schema', file), path.join(root, 'schema', file));
  fs.copyFileSync(path.join(CASES, caseName, 'values.schema.yaml'), path.join(root, 'schema', 'values.schema.yaml'));
  return root;
}

describe.each(names)('schema case %s', (caseName) => {
  const expected = fs.readFileSync(path.join(CASES, caseName, 'expected.txt'), 'utf8').trim();

  it(expected === '' ? 'generates files' : 'fails with the expected diagnostics', async () => {
    const built = await buildChartFiles(rootFor(caseName), TEMPLATES);
    expect(formatDiagnostics(built.diagnostics)).toBe(expected);
    if (expected === '') expect(built.files?.length).toBeGreaterThan(0);
    else expect(built.files).toBeUndefined();
  });
});

it('has at least one valid case and one case per authoring rule', () => {
  expect(names).toContain('valid');
  const all = names.map((n) => fs.readFileSync(path.join(CASES, n, 'expected.txt'), 'utf8')).join('\n');
  for (const code of [
    'schema/meta',
    'schema/known-keywords',
    'schema/local-refs-only',
    'schema/property-has-type',
    'schema/property-has-description',
    'schema/leaf-has-default',
    'schema/default-matches-schema',
    'schema/objects-closed',
    'schema/no-required-with-default',
    'schema/root-allows-global',
    'schema/camel-case-keys',
    'schema/env-settings',
    'schema/kubernetes-ref',
    'consistency/dead-value',
    'consistency/undeclared-value',
    'yaml/syntax',
    'yaml/duplicate-key',
    'yaml/alias-limit',
  ]) {
    expect(all, code).toContain(`[${code}]`);
  }
});
