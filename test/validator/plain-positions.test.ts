// Positions of findings in documents the plain decoder reads (decode-plain.ts plainPositions)
// are the full decoder's (the `yaml` syntax tree), for every node of every such document of
// the third-party manifests, our fixtures and our chart's render, and for pointers to nodes
// that are not there (the nearest parent answers). Before, each position asked of such a
// document parsed it again with the full decoder.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toPointer } from '../../core/diagnostic.ts';
import { decodeYamlDocument } from '../../validator/parse/decode-yaml.ts';
import { splitStream } from '../../validator/parse/split-stream.ts';
import { REPO } from '../helpers/project.ts';

const ROOTS = [path.join(REPO, '..', 'shared', 'third-party', 'manifests'), path.join(REPO, 'test', 'fixtures', 'manifests')];
const SNAPSHOT = path.join(REPO, 'test', 'chart', '__snapshots__', 'default-render.yaml');

function manifests(): string[] {
  const files = ROOTS.flatMap((root) =>
    (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => /\.(ya?ml|json)$/.test(f)).map((f) => path.join(root, f)),
  );
  return [...files.filter((f) => fs.statSync(f).isFile()), SNAPSHOT];
}

/** Every node's pointer, and for each map and list a child that is not there. */
function pointers(value: unknown, segments: (string | number)[] = [], out: string[] = []): string[] {
  out.push(toPointer(segments));
  if (Array.isArray(value)) {
    value.forEach((item, i) => pointers(item, [...segments, i], out));
    out.push(toPointer([...segments, value.length]));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) pointers(item, [...segments, key], out);
    out.push(toPointer([...segments, 'not-there', 'deeper']));
  } else {
    out.push(toPointer([...segments, 'inside-a-scalar']));
  }
  return out;
}

describe('positions in documents the plain decoder reads', () => {
  it('are the full decoder’s for every node of every real document it reads', () => {
    let documents = 0;
    let compared = 0;
    for (const file of manifests()) {
      for (const chunk of splitStream(fs.readFileSync(file, 'utf8'))) {
        if (chunk.kind !== 'document') continue;
        const plain = decodeYamlDocument(chunk.text, { lineOffset: chunk.startLine - 1, parser: 'plain' });
        if (!plain.ok) continue;
        const full = decodeYamlDocument(chunk.text, { lineOffset: chunk.startLine - 1, parser: 'full' });
        expect(full.ok).toBe(true);
        if (!full.ok) continue;
        documents++;
        const all = pointers(plain.value);
        // Large documents (CRDs) are sampled, about 300 pointers each; the others node by node.
        const step = Math.max(1, Math.floor(all.length / 300));
        for (let i = 0; i < all.length; i += step) {
          const pointer = all[i] ?? '';
          expect(plain.positionOf(pointer), `${path.relative(REPO, file)}:${chunk.startLine} ${pointer}`).toEqual(full.positionOf(pointer));
          compared++;
        }
      }
    }
    expect(documents).toBeGreaterThan(600);
    expect(compared).toBeGreaterThan(40_000);
  });

  it.each([
    ['a flow list', 'a:\n  b: [1, 2]\n', '/a/b/1'],
    ['a flow map', 'a: {b: 1, c: 2}\n', '/a/c'],
    ['a list item on the next line', 'a:\n-\n  b: 1\n- c\n', '/a/0/b'],
    ['a block scalar item', 'a:\n- |\n  x\n- y\n', '/a/0'],
    ['an escaped key', 'a/b:\n  c~d: 1\n', '/a~1b/c~0d'],
    ['a list at the root', '- a: 1\n- b: 2\n', '/1/b'],
    ['a quoted key', '"a b": 1\n\'c\': 2\n', '/c'],
    ['comments and a marker first', '# x\n---\n\n# y\nkind: K\nspec:\n  # z\n  v: 1\n', '/spec/v'],
  ])('%s: the full decoder’s answer', (_name, text, pointer) => {
    const plain = decodeYamlDocument(text, { lineOffset: 2, parser: 'plain' });
    const full = decodeYamlDocument(text, { lineOffset: 2, parser: 'full' });
    expect(plain.ok && full.ok).toBe(true);
    if (plain.ok && full.ok) {
      expect(plain.positionOf(pointer)).toEqual(full.positionOf(pointer));
      expect(plain.positionOf(pointer)).toBeDefined();
    }
  });
});
