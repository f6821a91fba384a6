// The full decoder: the `yaml` package's syntax tree (every scalar kept as text, nothing
// resolved by the library), walked with go-yaml v2's decoding rules (decode.go) and
// sigs.k8s.io/yaml's key conversion:
//   - plain untagged scalars resolve as YAML 1.1 (go-yaml-scalars.ts); quoted and block
//     scalars are strings; explicit tags must fit the text;
//   - `<<` merges a map or a list of maps into the map being decoded, in document order, so
//     a later key overwrites an earlier one (go-yaml v2, unlike YAML 1.2 libraries);
//   - duplicate keys keep the last value and are listed (YAMLToJSONStrict refuses them);
//   - map keys become strings; null, list, map and uint64 keys are errors;
//   - alias expansion is bounded by go-yaml's ratio of aliased to decoded nodes;
//   - only the chunk's first YAML document counts (go-yaml's Unmarshal reads one).
import type { Document, Node, Pair } from 'yaml';
import type { SourcePosition } from '../../core/diagnostic.ts';
import { fromPointer } from '../../core/diagnostic.ts';
import { yaml } from '../../core/load-on-demand.ts';
import type { DecodeError, DecodeResult, DuplicateKey } from './decode-yaml.ts';
import { type GoScalar, MERGE_TAG, resolveScalar, ScalarError, scalarKey, scalarValue } from './go-yaml-scalars.ts';

/** Characters go-yaml's reader refuses ("control characters are not allowed"). */
const NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;

/** `\/` inside a double-quoted string: YAML 1.2 has it, go-yaml v2 (YAML 1.1) refuses it. */
export const UNKNOWN_ESCAPE = /(?:^|[\s,[{:])"(?:[^"\\]|\\[^/])*\\\//;

/** A `\u` or `\U` escape of a surrogate code point (after an even run of backslashes). */
const SURROGATE_ESCAPE = /(?:^|[^\\])(?:\\\\)*\\(?:u|U0000)[dD][89a-fA-F]/;

class DecodeFailure extends Error {
  constructor(readonly error: DecodeError) {
    super(error.message);
  }
}

/** go-yaml's allowedAliasRatio: small documents may be mostly aliases, large ones not. */
function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= 400_000) return 0.99;
  if (decodeCount >= 4_000_000) return 0.1;
  return 0.99 - (0.89 * (decodeCount - 400_000)) / 3_600_000;
}

type JsonObject = Record<string, unknown>;

function setKey(target: JsonObject, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

class GoDecoder {
  private decodeCount = 0;
  private aliasCount = 0;
  private aliasDepth = 0;
  private readonly active = new Set<Node>();
  readonly duplicates: DuplicateKey[] = [];

  constructor(
    private readonly doc: Document,
    private readonly position: (offset: number) => SourcePosition,
    private readonly text: string,
  ) {}

  private fail(code: DecodeError['code'], message: string, node: Node | null | undefined): never {
    const offset = node?.range?.[0];
    throw new DecodeFailure({ code, message, ...(offset !== undefined ? { position: this.position(offset) } : {}) });
  }

  private count(): void {
    this.decodeCount += 1;
    if (this.aliasDepth > 0) this.aliasCount += 1;
    if (this.aliasCount > 100 && this.decodeCount > 1000 && this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)) {
      throw new DecodeFailure({ code: 'aliasing', message: 'document contains excessive aliasing' });
    }
  }

  /** Follows an alias with go-yaml's bookkeeping; `use` decodes the target. */
  private viaAlias<T>(node: Node, use: (target: Node) => T): T {
    if (!yaml().isAlias(node)) return use(node);
    this.count();
    const target = node.resolve(this.doc) as Node | undefined;
    if (!target) this.fail('syntax', `unknown anchor '${node.source}' referenced`, node);
    if (this.active.has(node)) this.fail('aliasing', `anchor '${node.source}' value contains itself`, node);
    this.active.add(node);
    this.aliasDepth += 1;
    try {
      return use(target);
    } finally {
      this.aliasDepth -= 1;
      this.active.delete(node);
    }
  }

  scalar(node: Node): GoScalar {
    if (!yaml().isScalar(node)) throw new Error('not a scalar');
    const text = String(node.value);
    const plain = node.type === 'PLAIN';
    const tag = node.tag ?? '';
    if (node.type === 'QUOTE_DOUBLE' && node.range && SURROGATE_ESCAPE.test(this.text.slice(node.range[0], node.range[1]))) {
      // go-yaml: "found invalid Unicode character escape code" (YAML 1.2 parsers pair them).
      this.fail('syntax', 'found invalid Unicode character escape code (a surrogate)', node);
    }
    if (tag === '' && !plain) return { kind: 'str', value: text };
    try {
      return resolveScalar(tag, text);
    } catch (error) {
      if (error instanceof ScalarError) this.fail('invalid-value', error.message, node);
      throw error;
    }
  }

  value(node: Node | null | undefined): unknown {
    if (node === null || node === undefined) {
      this.count();
      return null;
    }
    if (yaml().isAlias(node)) return this.viaAlias(node, (target) => this.value(target));
    this.count();
    if (yaml().isScalar(node)) {
      try {
        return scalarValue(this.scalar(node));
      } catch (error) {
        if (error instanceof ScalarError) this.fail('invalid-value', error.message, node);
        throw error;
      }
    }
    if (yaml().isSeq(node)) return node.items.map((item) => this.value(item as Node | null));
    if (yaml().isMap(node)) {
      const out: JsonObject = {};
      this.mapInto(node, out, new Map());
      return out;
    }
    return null;
  }

  private isMerge(key: unknown): boolean {
    return yaml().isScalar(key) && key.value === '<<' && ((key.type === 'PLAIN' && !key.tag) || key.tag === MERGE_TAG);
  }

  /** Decodes a map's pairs into `out`; `seen` maps Go key identities to their JSON keys. */
  private mapInto(node: Node, out: JsonObject, seen: Map<string, string>): void {
    if (!yaml().isMap(node)) throw new Error('not a map');
    for (const pair of node.items as Pair<Node | null, Node | null>[]) {
      if (this.isMerge(pair.key)) {
        this.merge(pair.value, out, seen);
        continue;
      }
      const key = this.key(pair.key);
      const value = this.value(pair.value);
      if (seen.has(key.identity)) this.duplicates.push({ key: key.json, ...(pair.key?.range ? { position: this.position(pair.key.range[0]) } : {}) });
      seen.set(key.identity, key.json);
      setKey(out, key.json, value);
    }
  }

  private merge(node: Node | null, out: JsonObject, seen: Map<string, string>): void {
    const wantMap = (): never => this.fail('merge', 'map merge requires map or sequence of maps as the value', node);
    if (node === null) wantMap();
    else if (yaml().isMap(node)) {
      this.count();
      this.mapInto(node, out, seen);
    } else if (yaml().isAlias(node)) {
      this.viaAlias(node, (target) => {
        if (!yaml().isMap(target)) wantMap();
        this.count();
        this.mapInto(target, out, seen);
      });
    } else if (yaml().isSeq(node)) {
      this.count();
      // Earlier maps take precedence: decode them last.
      for (const item of [...(node.items as Node[])].reverse()) {
        this.viaAlias(item, (target) => {
          if (!yaml().isMap(target)) wantMap();
          this.count();
          this.mapInto(target, out, seen);
        });
      }
    } else wantMap();
  }

  /** A key: its Go identity (type and value, for duplicates) and its JSON spelling. */
  private key(node: Node | null): { identity: string; json: string } {
    if (node === null) this.fail('invalid-key', 'unsupported map key of type: <nil> (an empty key)', node);
    return this.viaAlias(node, (target) => {
      this.count();
      if (!yaml().isScalar(target)) this.fail('invalid-key', `invalid map key: a ${yaml().isSeq(target) ? 'list' : 'map'} cannot be a key`, node);
      const scalar = this.scalar(target);
      const json = scalarKey(scalar);
      if (json === undefined) {
        this.fail('invalid-key', `unsupported map key of type: ${scalar.kind === 'null' ? '<nil>' : 'uint64'}, key: ${String(target.value)}`, node);
      }
      const identity = `${scalar.kind === 'int' ? 'int' : scalar.kind}:${json}`;
      return { identity, json };
    });
  }
}

/** Where the node at `pointer` starts: its key when it is a map entry, else the nearest parent. */
function locate(
  doc: Document,
  pointer: string,
  keyOf: (node: Node) => string | undefined,
  position: (offset: number) => SourcePosition,
): SourcePosition | undefined {
  let node: unknown = doc.contents;
  let best = (node as Node | null)?.range?.[0];
  for (const segment of fromPointer(pointer)) {
    if (yaml().isAlias(node)) node = node.resolve(doc);
    if (yaml().isMap(node)) {
      const pair = [...(node.items as Pair<Node, Node>[])].reverse().find((p) => p.key !== null && keyOf(p.key) === segment);
      if (!pair) break;
      if (pair.key?.range) best = pair.key.range[0];
      node = pair.value;
    } else if (yaml().isSeq(node)) {
      const item = node.items[Number(segment)] as Node | undefined;
      if (!item) break;
      if (item.range) best = item.range[0];
      node = item;
    } else break;
  }
  return best !== undefined ? position(best) : undefined;
}

export function decodeFull(text: string, lineOffset: number): DecodeResult {
  const lineCounter = new (yaml().LineCounter)();
  const position = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + lineOffset, column: col };
  };
  const bad = NON_PRINTABLE.exec(text);
  if (bad) {
    const code = bad[0].codePointAt(bad[0].length - 1) ?? 0;
    return {
      ok: false,
      error: {
        code: 'encoding',
        message: `control characters are not allowed (U+${code.toString(16).toUpperCase().padStart(4, '0')})`,
        position: position(bad.index),
      },
    };
  }
  const unknownEscape = UNKNOWN_ESCAPE.exec(text);
  if (unknownEscape)
    return {
      ok: false,
      error: { code: 'syntax', message: 'found unknown escape character (\\/ in a double-quoted string)', position: position(unknownEscape.index) },
    };
  const docs = yaml().parseAllDocuments(text, { lineCounter, schema: 'failsafe', version: '1.1', uniqueKeys: false, prettyErrors: false });
  const doc = Array.isArray(docs) ? docs[0] : undefined;
  if (/^%/m.test(text) && !doc?.directives?.docStart) {
    return { ok: false, error: { code: 'syntax', message: 'did not find expected <document start> after a directive', position: position(0) } };
  }
  if (!doc) return { ok: true, value: null, duplicates: [], positionOf: () => undefined };
  const [syntax] = doc.errors;
  if (syntax) return { ok: false, error: { code: 'syntax', message: syntax.message.split('\n')[0] ?? syntax.message, position: position(syntax.pos[0]) } };
  const decoder = new GoDecoder(doc, position, text);
  let value: unknown;
  try {
    value = decoder.value(doc.contents as Node | null);
  } catch (error) {
    if (error instanceof DecodeFailure) return { ok: false, error: error.error };
    throw error;
  }
  const keyOf = (node: Node): string | undefined => {
    if (!yaml().isScalar(node)) return undefined;
    try {
      return scalarKey(decoder.scalar(node));
    } catch {
      return undefined;
    }
  };
  return { ok: true, value, duplicates: decoder.duplicates, positionOf: (pointer) => locate(doc, pointer, keyOf, position) };
}
