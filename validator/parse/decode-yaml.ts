// One YAML document's text → its JSON value, exactly as Kubernetes clients decode it
// (sigs.k8s.io/yaml's YAMLToJSON over go-yaml v2, as Helm v3.22.0 pins it), or a typed
// decode error. Pure: no files, no findings. Three parsers run behind it, each declining what
// it cannot read exactly, and give the same result (test/validator/decode/decode-differential.test.ts
// holds them to the Go decoder):
//   - plain (decode-plain.ts): a hand-written reader for the block YAML manifests use;
//   - fast (decode-fast.ts): js-yaml with go-yaml's scalar rules, for plain documents;
//   - full (decode-full.ts): the `yaml` syntax tree walked with go-yaml's decoding rules,
//     for anything else (anchors, merge keys, tags, most errors); it also gives
//     positions, which the fast path borrows from it only when a finding asks for one.
import type { SourcePosition } from '../../core/diagnostic.ts';
import { decodeFast } from './decode-fast.ts';
import { decodeFull } from './decode-full.ts';
import { decodePlain, linePosition, plainPositions, ROOT } from './decode-plain.ts';

export type DecodeErrorCode =
  /** YAML syntax go-yaml rejects. */
  | 'syntax'
  /** A character go-yaml refuses (control characters, invalid UTF-8). */
  | 'encoding'
  /** A map key sigs.k8s.io/yaml cannot turn into a string (null, a list, a map, a uint64). */
  | 'invalid-key'
  /** A value JSON cannot hold (NaN, infinities) or an explicit tag the text does not fit. */
  | 'invalid-value'
  /** `<<` whose value is not a map or a list of maps. */
  | 'merge'
  /** Alias expansion beyond go-yaml's ratio (billion laughs), or an alias to itself. */
  | 'aliasing';

export interface DecodeError {
  readonly code: DecodeErrorCode;
  readonly message: string;
  readonly position?: SourcePosition;
}

/** A key written twice in one map: YAMLToJSON keeps the last, YAMLToJSONStrict refuses it. */
export interface DuplicateKey {
  readonly key: string;
  readonly position?: SourcePosition;
}

export interface DecodedDocument {
  readonly ok: true;
  /** The JSON value (null for an empty document). */
  readonly value: unknown;
  readonly duplicates: readonly DuplicateKey[];
  /** Where the node at a JSON Pointer starts (its key for a map entry). */
  positionOf(pointer: string): SourcePosition | undefined;
}

export interface FailedDocument {
  readonly ok: false;
  readonly error: DecodeError;
  /** Set when a pinned parser (`plain`, `fast`) declined the document rather than judged it. */
  readonly declined?: true;
}

export type DecodeResult = DecodedDocument | FailedDocument;

export interface DecodeOptions {
  /** Lines before `text` in its file, so positions are the file's. */
  readonly lineOffset?: number;
  /**
   * Which parser runs: `auto` (default) tries plain, then fast, then full. Tests pin one:
   * `plain` and `fast` refuse a document they decline.
   */
  readonly parser?: 'auto' | 'plain' | 'fast' | 'full';
}

/** go-yaml skips a byte order mark at the start of its input (a chunk), nowhere else. */
function withoutLeadingBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Where a plain document's root node starts (what the full parser reports for the pointer ""),
 * read off the text: the first line that is not blank, a comment or a bare `---`. Findings about
 * a whole resource (no schema for its kind, say) ask only this, and a full parse of a large CRD
 * to answer it cost seconds on real corpora. Undefined when that line is unusual (a marker with
 * content, a directive), and the full parser answers.
 */
function rootPosition(text: string, lineOffset: number): SourcePosition | undefined {
  let start = 0;
  for (let line = 1; start <= text.length; line++) {
    const end = text.indexOf('\n', start);
    const raw = text.slice(start, end === -1 ? text.length : end);
    const content = raw.replace(/\r$/, '');
    const column = content.search(/\S/);
    if (column >= 0 && content[column] !== '#' && !/^---[ \t]*(?:#.*)?$/.test(content)) {
      return content.startsWith('---') || content.startsWith('%') || content.startsWith('...') ? undefined : { line: line + lineOffset, column: column + 1 };
    }
    if (end === -1) return undefined;
    start = end + 1;
  }
  return undefined;
}

/**
 * A document decoded by the plain or fast parser, which keep no positions: the root's is read
 * off the text, any other is asked of the full parser once, when a finding needs it.
 */
function withLazyPositions(value: unknown, source: string, lineOffset: number, plain: boolean, duplicates: readonly DuplicateKey[] = []): DecodedDocument {
  let full: DecodeResult | undefined;
  let located: ReturnType<typeof plainPositions> | null | undefined = plain ? undefined : null;
  return {
    ok: true,
    value,
    duplicates,
    positionOf(pointer) {
      if (pointer === '' && full === undefined) {
        const root = rootPosition(source, lineOffset);
        if (root) return root;
      }
      // A document the plain decoder read: it reads it again recording where each node starts.
      if (located === undefined) located = plainPositions(source) ?? null;
      if (located !== null && full === undefined) {
        const at = located(pointer);
        if (at === ROOT) {
          const root = rootPosition(source, lineOffset);
          if (root) return root;
        } else if (at !== undefined) return offsetPosition(source, at, lineOffset);
      }
      full ??= decodeFull(source, lineOffset);
      return full.ok ? full.positionOf(pointer) : undefined;
    },
  };
}

/** Line and column (1-based, lines after `lineOffset`) of an offset into `text`. */
function offsetPosition(text: string, offset: number, lineOffset: number): SourcePosition {
  return shifted(linePosition(text, offset), lineOffset);
}

function shifted(position: { line: number; column: number }, lineOffset: number): SourcePosition {
  return { line: position.line + lineOffset, column: position.column };
}

function declined(parser: string): FailedDocument {
  return { ok: false, declined: true, error: { code: 'syntax', message: `not a plain document (the ${parser} parser declines it)` } };
}

export function decodeYamlDocument(text: string, options: DecodeOptions = {}): DecodeResult {
  const source = withoutLeadingBom(text);
  const lineOffset = options.lineOffset ?? 0;
  const parser = options.parser ?? 'auto';
  if (parser === 'auto' || parser === 'plain') {
    const plain = decodePlain(source);
    if (plain?.ok === false) return { ok: false, error: { code: plain.code, message: plain.message, position: shifted(plain.position, lineOffset) } };
    if (plain !== undefined) {
      const duplicates = plain.duplicates.map((d) => ({ key: d.key, position: shifted(d.position, lineOffset) }));
      return withLazyPositions(plain.value, source, lineOffset, true, duplicates);
    }
    if (parser === 'plain') return declined('plain');
  }
  if (parser === 'auto' || parser === 'fast') {
    const fast = decodeFast(source);
    if (fast !== undefined) return withLazyPositions(fast, source, lineOffset, false);
    if (parser === 'fast') return declined('fast');
  }
  return decodeFull(source, lineOffset);
}
