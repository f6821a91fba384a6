// Cutting a stream keeps line numbers and follows kubectl's YAMLReader; the fast decoder
// (js-yaml) reads every document exactly as the full, position-keeping one does.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeYamlDocument } from '../../validator/parse/decode-yaml.ts';
import { parseManifests } from '../../validator/parse/parse-manifests.ts';
import { splitStream } from '../../validator/parse/split-stream.ts';
import { REPO } from '../helpers/project.ts';

describe('splitStream', () => {
  it.each([
    ['a: 1\n', [[1, 'a: 1\n']]],
    [
      '---\na: 1\n---\nb: 2\n',
      [
        [1, '---\na: 1\n'],
        [4, 'b: 2\n'],
      ],
    ],
    ['a: 1\n...\nb: 2\n', [[1, 'a: 1\n...\nb: 2\n']]],
    [
      '# only\n---\n\n---\nc: |\n  text\n  --- not a marker\n',
      [
        [1, '# only\n'],
        [3, '\n'],
        [5, 'c: |\n  text\n  --- not a marker\n'],
      ],
    ],
    [
      'x: "---"\n---  # comment\ny: 1',
      [
        [1, 'x: "---"\n'],
        [3, 'y: 1'],
      ],
    ],
    [
      'a: 1\n---apiVersion: v1\nkind: X\n',
      [
        [1, 'a: 1\n'],
        [2, 'error: apiVersion: v1'],
        [3, 'kind: X\n'],
      ],
    ],
    [
      'a: 1\n---------\n',
      [
        [1, 'a: 1\n'],
        [2, 'error: ------'],
      ],
    ],
  ] as const)('%j', (text, expected) => {
    expect(splitStream(text).map((c) => (c.kind === 'document' ? [c.startLine, c.text] : [c.lineNumber, `error: ${c.trailing}`]))).toEqual(expected);
  });
});

describe('fast decoder', () => {
  const fixtures = path.join(REPO, 'test', 'fixtures', 'manifests');
  const snapshot = path.join(REPO, 'test', 'chart', '__snapshots__', 'default-render.yaml');
  const files = [...fs.readdirSync(fixtures).map((f) => path.join(fixtures, f)), snapshot];

  it.each(files.map((f) => [path.relative(REPO, f), f]))('%s: same values and positions as the full decoder', (_name, file) => {
    const text = fs.readFileSync(file, 'utf8');
    for (const chunk of splitStream(text)) {
      if (chunk.kind !== 'document') continue;
      const full = decodeYamlDocument(chunk.text, { lineOffset: chunk.startLine - 1, parser: 'full' });
      const fast = decodeYamlDocument(chunk.text, { lineOffset: chunk.startLine - 1, parser: 'fast' });
      if (!fast.ok) continue;
      expect(full.ok, chunk.text.slice(0, 80)).toBe(true);
      if (!full.ok) continue;
      expect(fast.value).toEqual(full.value);
      expect(fast.positionOf('/metadata/name')).toEqual(full.positionOf('/metadata/name'));
      expect(fast.positionOf('')).toEqual(full.positionOf(''));
    }
  });

  // A finding about a whole resource (no schema for its kind) asks where the document starts.
  // The fast decoder reads that off the text instead of parsing the document again with the full
  // parser (a large CRD cost seconds on the third-party corpus); it must give the same place.
  it.each([
    ['a plain map', 'a: 1\n'],
    ['comments and blank lines first', '# c\n\n  # d\nkind: x\n'],
    ['a bare marker', '---\nkind: x\n'],
    ['a marker with a comment', '--- # c\n\nkind: x\n'],
    ['an indented root', '   kind: x\n   b: 1\n'],
    ['CRLF line ends', '# c\r\n\r\nkind: x\r\n'],
    ['a flow map', '\n{a: 1}\n'],
    ['a list', '- a\n- b\n'],
    ['a marker with content', '--- {a: 1}\n'],
    ['a byte order mark', '\uFEFFkind: x\n'],
  ])('puts the root of %s where the full decoder does', (_name, text) => {
    const full = decodeYamlDocument(text, { lineOffset: 4, parser: 'full' });
    const fast = decodeYamlDocument(text, { lineOffset: 4, parser: 'fast' });
    expect(full.ok && fast.ok).toBe(true);
    if (full.ok && fast.ok) expect(fast.positionOf('')).toEqual(full.positionOf(''));
  });

  it('puts the root of every third-party manifest where the full decoder does', () => {
    const roots = [path.join(REPO, '..', 'shared', 'third-party', 'manifests')];
    const files = roots.flatMap((root) =>
      (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => /\.(ya?ml|json)$/.test(f)).map((f) => path.join(root, f)),
    );
    let compared = 0;
    for (const file of files) {
      for (const chunk of splitStream(fs.readFileSync(file, 'utf8'))) {
        if (chunk.kind !== 'document') continue;
        const fast = decodeYamlDocument(chunk.text, { lineOffset: chunk.startLine - 1, parser: 'fast' });
        const full = decodeYamlDocument(chunk.text, { lineOffset: chunk.startLine - 1, parser: 'full' });
        if (!fast.ok || !full.ok) continue;
        expect(fast.positionOf(''), `${file}:${chunk.startLine}`).toEqual(full.positionOf(''));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(300);
  });

  it.each([
    ['anchors and aliases', 'a: &x {b: 1}\nc: *x\n'],
    ['duplicate keys', 'a: 1\na: 2\n'],
    ['a syntax error', 'a: [1, 2\n'],
    ['merge keys', 'a: {<<: {b: 1}}\n'],
    ['tags js-yaml does not know', 'a: !!int "1"\n'],
    ['collection tags', 'a: !!map\n'],
    ['a sequence tag', 'a: !!seq\nb: 1\n'],
    ['a non-specific tag on an empty node', 'a: !\nb: 1\n'],
    ['a non-specific tag on a value', 'a: ! x\n'],
    ['a non-specific tag in a flow map', 'a: {b: ! }\n'],
    ['a null key', 'null: 1\n'],
  ])('hands %s to the full decoder', (_name, text) => {
    expect(decodeYamlDocument(text, { parser: 'fast' }).ok).toBe(false);
  });

  // Our chart's StatefulSet carries a shell script with `[ ! -s "$marker" ]`: the text hints at
  // a tag, but it is inside a block scalar. Handing every such document to the full decoder made
  // decoding our renders four times slower.
  it.each([
    ['a block scalar', 'script: |\n  if [ ! -s "$f" ]; then\n    exit 1\n  fi\nnext: 1\n'],
    ['a folded scalar', 'text: >\n  a ! b\n  !! c\n'],
    ['a quoted string', 'a: "x ! y"\nb: \'! z\'\n'],
  ])("decodes `!` inside %s itself, with the full decoder's value", (_name, text) => {
    const fast = decodeYamlDocument(text, { parser: 'fast' });
    const full = decodeYamlDocument(text, { parser: 'full' });
    expect(fast.ok && full.ok).toBe(true);
    if (fast.ok && full.ok) expect(fast.value).toEqual(full.value);
  });

  it('reads YAML 1.1 as Kubernetes does (yes/on are booleans, timestamps stay text)', () => {
    const parsed = parseManifests({ file: 'f', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {when: 2001-12-14, flag: yes, on: on}\n' });
    expect(parsed.resources[0]?.object.data).toEqual({ when: '2001-12-14', flag: true, true: true });
  });
});

describe('plain decoder', () => {
  const thirdParty = path.join(REPO, '..', 'shared', 'third-party', 'manifests');
  const fixtures = path.join(REPO, 'test', 'fixtures', 'manifests');
  const files = [
    ...[thirdParty, fixtures].flatMap((root) =>
      (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => /\.(ya?ml|json)$/.test(f)).map((f) => path.join(root, f)),
    ),
    path.join(REPO, 'test', 'chart', '__snapshots__', 'default-render.yaml'),
  ];
  let documents = 0;
  let accepted = 0;

  it.each(files.map((f) => [path.relative(path.join(REPO, '..'), f), f]))(
    '%s: declined, or the full decoder’s value, repeated keys or error',
    (_name, file) => {
      for (const chunk of splitStream(fs.readFileSync(file, 'utf8'))) {
        if (chunk.kind !== 'document') continue;
        documents++;
        const plain = decodeYamlDocument(chunk.text, { lineOffset: chunk.startLine - 1, parser: 'plain' });
        if (!plain.ok && plain.declined) continue;
        accepted++;
        const full = decodeYamlDocument(chunk.text, { lineOffset: chunk.startLine - 1, parser: 'full' });
        const where = `${file}:${chunk.startLine}`;
        if (!plain.ok || !full.ok) {
          expect(plain.ok ? plain : plain.error, where).toEqual(full.ok ? full : full.error);
          continue;
        }
        expect(plain.value, where).toStrictEqual(full.value);
        expect(plain.duplicates, where).toEqual(full.duplicates);
        expect(plain.positionOf(''), where).toEqual(full.positionOf(''));
      }
    },
  );

  // Runs after the table above: the plain decoder must carry the real corpus, not only be safe.
  it('reads at least 90% of those documents itself', () => {
    console.log(`plain decoder: read ${accepted} of ${documents} documents (${((100 * accepted) / documents).toFixed(1)}%)`);
    expect(documents).toBeGreaterThan(700);
    expect(accepted / documents).toBeGreaterThanOrEqual(0.9);
  });

  it.each([
    ['an anchor', 'a: &x 1\nb: 2\n'],
    ['an alias', 'a: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a local tag', 'a: !x 1\n'],
    ['a directive', '%YAML 1.1\n---\na: 1\n'],
    ['a document end', 'a: 1\n...\n'],
    ['a marker with content', '--- a: 1\n'],
    ['a second marker', 'a: 1\n---\nb: 2\n'],
    ['a merge key', 'a: 1\n<<: {b: 2}\n'],
    ['an explicit key', '? a\n: 1\n'],
    ['a null key', 'null: 1\n'],
    ['a ~ key', '~: 1\n'],
    ['an empty key', ': 1\n'],
    ['a uint64 key', '18446744073709551615: 1\n'],
    ['keys that become the same string', '1: a\n"1": b\n'],
    ['a tab in indentation', 'a:\n\tb: 1\n'],
    ['a tab after a key', 'a:\t1\n'],
    ['a tab in a plain scalar', 'a: x\ty\n'],
    ['a tab in a quoted scalar', 'a: "x\ty"\n'],
    ['an escaped line break', 'a: "x\\\n  y"\n'],
    ['an unknown escape', 'a: "\\q"\n'],
    ['the escape go-yaml v2 refuses', 'a: "x\\/y"\n'],
    ['a surrogate escape', 'a: "\\uD800"\n'],
    ['a short hex escape', 'a: "\\x4"\n'],
    ['a control character', 'a: x\u0001y\n'],
    ['a NEL', 'a: x\u0085y\n'],
    ['a line separator', 'a: x\u2028y\n'],
    ['a byte order mark inside', 'a: x\uFEFFy\n'],
    ['a lone CR', 'a: 1\rb: 2\n'],
    ['an indentation indicator', 'a: |2\n    x\n'],
    ['an empty block scalar', 'a: |\nb: 1\n'],
    ['a leading blank line more indented than the text', 'a: |\n     \n  x\n'],
    ['text after a block scalar header', 'a: | x\n'],
    ['a scalar document', 'just text\n'],
    ['a flow document', '{a: 1}\n'],
    ['a scalar on the line after its key', 'a:\n  1\n'],
    ['a map value on its key’s line', 'a: b: c\n'],
    ['a list on its key’s line', 'a: - b\n'],
    ['a more indented key', 'a: 1\n  b: 2\n'],
    ['a less indented continuation', 'a:\n  b: 1\n c: 2\n'],
    ['a key after a list at the same indentation as the list', 'a:\n  - 1\n  b: 2\n'],
    ['a multi-line flow collection', 'a: [1,\n  2]\n'],
    ['a nested flow collection', 'a: [[1]]\n'],
    ['a trailing comma', 'a: [1,]\n'],
    ['a lone - in a flow sequence', 'a: [-]\n'],
    ['text after a quoted scalar', 'a: "x" y\n'],
    ['a comment right after a quote', "a: 'x'#c\n"],
    ['a quoted continuation line not indented', "a: 'x\ny'\n"],
    ['a plain continuation with a key', 'a: x\n  b: c\n'],
    ['a value JSON cannot hold', 'a: .nan\n'],
    ['an integer beyond 2^53', 'a: 9007199254740993\n'],
    ['a very long key', `${'k'.repeat(1100)}: 1\n`],
    ['a backquote', 'a: `x`\n'],
  ])('declines %s', (_name, text) => {
    const plain = decodeYamlDocument(text, { parser: 'plain' });
    expect(plain.ok).toBe(false);
    if (!plain.ok) expect(plain.declined).toBe(true);
  });
});
