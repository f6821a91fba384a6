// Cutting a stream into documents keeps line numbers; the fast parse path (js-yaml, lazy
// positions) reads every document exactly as the position-keeping parser does.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYamlFile } from '../../core/yaml-source.ts';
import { fastDocument } from '../../validator/parse/fast-document.ts';
import { parseManifests, splitDocuments } from '../../validator/parse/parse-manifests.ts';
import { REPO } from '../helpers/project.ts';

describe('splitDocuments', () => {
  it.each([
    ['a: 1\n', [[1, 'a: 1\n']]],
    ['---\na: 1\n---\nb: 2\n', [[1, '---\na: 1'], [3, '---\nb: 2\n']]],
    ['a: 1\n...\nb: 2\n', [[1, 'a: 1'], [3, 'b: 2\n']]],
    ['# only\n---\n\n---\nc: |\n  text\n  --- not a marker\n', [[1, '# only'], [2, '---\n'], [4, '---\nc: |\n  text\n  --- not a marker\n']]],
    ['x: "---"\n---  # comment\ny: 1', [[1, 'x: "---"'], [2, '---  # comment\ny: 1']]],
  ] as const)('%j', (text, expected) => {
    expect(splitDocuments(text).map((c) => [c.startLine, c.text])).toEqual(expected);
  });
});

describe('fast path', () => {
  const fixtures = path.join(REPO, 'test', 'fixtures', 'manifests');
  const snapshot = path.join(REPO, 'test', 'chart', '__snapshots__', 'default-render.yaml');
  const files = [...fs.readdirSync(fixtures).map((f) => path.join(fixtures, f)), snapshot];

  it.each(files.map((f) => [path.relative(REPO, f), f]))('%s: same values and positions as the safe parser', (_name, file) => {
    const text = fs.readFileSync(file, 'utf8');
    for (const chunk of splitDocuments(text)) {
      const safe = parseYamlFile(file, chunk.text, { lineOffset: chunk.startLine - 1 }).documents[0];
      const fast = fastDocument(file, chunk.text, chunk.startLine - 1, 0);
      expect(fast, chunk.text.slice(0, 80)).toBeDefined();
      expect(fast?.value).toEqual(safe?.value);
      expect(fast?.positionOf('/metadata/name')).toEqual(safe?.positionOf('/metadata/name'));
    }
  });

  it.each([
    ['anchors and aliases', 'a: &x {b: 1}\nc: *x\n'],
    ['duplicate keys', 'a: 1\na: 2\n'],
    ['a syntax error', 'a: [1, 2\n'],
  ])('hands %s to the safe parser', (_name, text) => {
    expect(fastDocument('f', text, 0, 0)).toBeUndefined();
  });

  it('keeps YAML 1.2 core types (no timestamps, yes/on stay strings)', () => {
    const parsed = parseManifests({ file: 'f', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {when: 2001-12-14, flag: yes, on: on}\n' });
    expect(parsed.resources[0]?.object.data).toEqual({ when: '2001-12-14', flag: 'yes', on: 'on' });
  });
});

describe('the root position of a fast-path document, found without parsing', () => {
  // Every document of the third-party manifests (written by other projects) under 256 KiB:
  // the fast path's root position equals the position-keeping parser's.
  const root = path.resolve(REPO, '..', 'shared', 'third-party', 'manifests');
  const files = fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(root, f));

  it('matches the full parser on every document of the corpus', () => {
    let compared = 0;
    const differing: string[] = [];
    for (const file of files) {
      for (const chunk of splitDocuments(fs.readFileSync(file, 'utf8'))) {
        if (chunk.text.length > 256 * 1024) continue;
        const fast = fastDocument(file, chunk.text, chunk.startLine - 1, 0);
        const [full] = parseYamlFile(file, chunk.text, { lineOffset: chunk.startLine - 1 }).documents;
        if (!fast || !full || full.value === null || full.value === undefined) continue;
        compared += 1;
        const want = JSON.stringify(full.positionOf(''));
        const got = JSON.stringify(fast.positionOf(''));
        if (want !== got) differing.push(`${file}:${chunk.startLine}: full ${want}, fast ${got}`);
      }
    }
    expect(compared).toBeGreaterThan(500);
    expect(differing).toEqual([]);
  });

  it.each([
    ['# Source: x\napiVersion: v1\n', { line: 2, column: 1 }],
    ['---\n\n  # note\n  kind: A\n', { line: 4, column: 3 }],
    ['--- # c\n- a\n', { line: 2, column: 1 }],
  ])('%j', (text, position) => {
    expect(fastDocument('x.yaml', text, 0, 0)?.positionOf('')).toEqual(position);
    expect(parseYamlFile('x.yaml', text).documents[0]?.positionOf('')).toEqual(position);
  });
});

describe('the fast path reads documents whose text only looks anchored', () => {
  it.each([
    ['Markdown in a description', 'kind: A\ndescription: |\n  see *Note* and &amp;\n', true],
    ['an alias', 'a: &x 1\nb: *x\n', false],
    ['an anchor alone', 'a: &x 1\n', false],
  ])('%s', (_name, text, fast) => {
    expect(fastDocument('x.yaml', text, 0, 0) !== undefined).toBe(fast);
  });
});
