// The bad values files under values/invalid/, one mistake per file. Each file says what it
// must be rejected for in its header:
//
//   # yaml-language-server: $schema=../../chart/values.schema.json
//   # expect: ingress.hosts[0].host
//   # Why the value is wrong, for the reader.
//
// The expected line is where that key sits in the file, found here from the YAML itself
// (independently of the validator's own position lookup).
import fs from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { REPO } from '../helpers/project.ts';

export const INVALID_VALUES_DIR = path.join(REPO, 'values', 'invalid');
export const INVALID_MODELINE = '# yaml-language-server: $schema=../../chart/values.schema.json';

export interface InvalidValuesCase {
  /** File name, e.g. `bad-cron.yaml`. */
  readonly name: string;
  readonly file: string;
  readonly text: string;
  /** The key path the file must be rejected for, as our validator spells it (`a.b[0].c`). */
  readonly keyPath: string;
  /** The same as a JSON Pointer (`/a/b/0/c`), as Helm's validator reports locations. */
  readonly pointer: string;
  /** 1-based line of the offending key (or list item) in the file. */
  readonly line: number;
}

/** `a.b[0].c` → ['a', 'b', 0, 'c']. */
export function keyPathSegments(keyPath: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of keyPath.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) throw new Error(`not a key path: ${keyPath}`);
    if (match[1]) out.push(match[1]);
    for (const index of (match[2] ?? '').matchAll(/\[(\d+)\]/g)) out.push(Number(index[1]));
  }
  return out;
}

function toPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** 1-based line and column of the key (or list item) at `keyPath` in YAML `text`. */
export function positionOfKeyPath(text: string, keyPath: string): { line: number; column: number } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  let node: unknown = doc.contents;
  let offset: number | undefined;
  for (const segment of keyPathSegments(keyPath)) {
    if (typeof segment === 'number' && isSeq(node)) {
      const item = node.items[segment] as Node | undefined;
      offset = item?.range?.[0];
      node = item;
    } else if (typeof segment === 'string' && isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === segment);
      offset = pair && isScalar(pair.key) ? pair.key.range?.[0] : undefined;
      node = pair?.value;
    } else {
      offset = undefined;
    }
    if (offset === undefined) throw new Error(`${keyPath} is not in the file (segment ${String(segment)})`);
  }
  if (offset === undefined) throw new Error('empty key path');
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

export function loadInvalidValuesCases(): InvalidValuesCase[] {
  return fs
    .readdirSync(INVALID_VALUES_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((name) => {
      const file = path.join(INVALID_VALUES_DIR, name);
      const text = fs.readFileSync(file, 'utf8');
      const expects = [...text.matchAll(/^# expect: (\S+)\s*$/gm)].map((m) => m[1] ?? '');
      if (expects.length !== 1) throw new Error(`${name}: needs exactly one "# expect: <keyPath>" header line`);
      const keyPath = expects[0] ?? '';
      return { name, file, text, keyPath, pointer: toPointer(keyPathSegments(keyPath)), line: positionOfKeyPath(text, keyPath).line };
    });
}
