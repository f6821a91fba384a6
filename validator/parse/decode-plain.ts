// The plain decoder: a hand-written, single-pass reader (character codes, no syntax tree) for
// the block-style YAML that real manifests are written in, giving the document's JSON value
// exactly as go-yaml v2 + sigs.k8s.io/yaml do, or `undefined` for anything outside that
// subset or anything it is not sure of (the fast and full decoders then decide). It reads:
//   - block maps and block sequences (`- key: v` maps in items, `key:\n- a` sequences at their
//     key's indentation), comments, blank lines, a leading `---` line, CRLF line ends;
//   - plain scalars on one line with go-yaml's resolution (go-yaml-scalars.ts), single- and
//     double-quoted scalars on one line (go-yaml's escapes), block scalars `|` `>` with their
//     chomping (libyaml's scan_block_scalar, ported), one-line flow collections of scalars;
//   - keys turned into strings as sigs.k8s.io/yaml does (`on` → "true", `1` → "1");
//   - a key written twice when both are strings to go-yaml (the last value kept, each repeat
//     listed for the strict verdict), and a flow collection as a flow map's key (`{{x}}`, an
//     unrendered template), which go-yaml refuses as "invalid map key" once the document parses:
//     these were the only documents of the third-party corpus that needed the full decoder, and
//     loading and warming it cost a tenth of a run.
// It declines: anchors, aliases, tags, directives, `...`, explicit and merge keys, null keys,
// other duplicate keys, tabs outside block scalar text, multi-line plain or quoted scalars,
// explicit indentation indicators, characters go-yaml refuses, values JSON cannot hold,
// integers beyond 2^53, and any layout it does not know.
import { UNKNOWN_ESCAPE } from './decode-full.ts';
import { resolveScalar, scalarKey } from './go-yaml-scalars.ts';

/** Characters go-yaml refuses or reads otherwise (controls, NEL, LS/PS breaks, surrogates, BOM). */
const REFUSED = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u2028\u2029\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/;

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const DOT = 0x2e;
const SQUOTE = 0x27;
const DQUOTE = 0x22;
const BACKSLASH = 0x5c;
const PIPE = 0x7c;
const GT = 0x3e;
const PLUS = 0x2b;
const COMMA = 0x2c;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const LBRACE = 0x7b;
const RBRACE = 0x7d;

/** Thrown to give up; caught once at the top. */
class Decline extends Error {}
const DECLINE = new Decline();

/** go-yaml's resolveTable: a plain scalar whose first character is none of these is a string. */
const RESOLVE_HINT = new Uint8Array(128);
for (const c of '0123456789+-.~yYnNtTfFoO') RESOLVE_HINT[c.charCodeAt(0)] = 1;
function mayResolve(c: number): boolean {
  return c < 128 && RESOLVE_HINT[c] === 1;
}

/**
 * Whether only a string key converts to this JSON key: sigs.k8s.io/yaml spells a bool, int or
 * float key as Go prints it ("true", "10", "1e+06"), and each of those, written plain, resolves
 * to that kind again.
 */
function onlyStringsSpell(key: string): boolean {
  return !mayResolve(key.charCodeAt(0)) || resolveScalar('', key).kind === 'str';
}

/** Characters a plain scalar cannot start with (flow, node and reserved indicators). */
function isIndicator(c: number): boolean {
  switch (c) {
    case COMMA:
    case LBRACKET:
    case RBRACKET:
    case LBRACE:
    case RBRACE:
    case HASH:
    case 0x26: // &
    case 0x2a: // *
    case 0x21: // !
    case PIPE:
    case GT:
    case SQUOTE:
    case DQUOTE:
    case 0x25: // %
    case 0x40: // @
    case 0x60: // `
    case 0x3f: // ?
    case COLON:
      return true;
    default:
      return false;
  }
}

type JsonObject = Record<string, unknown>;

const keyCache = new Map<string, string | undefined>();

/**
 * Whether a text may key the caches below. V8 makes a substring of 13 characters or more a
 * slice that keeps the whole file's text alive, so a cache keyed by long texts would hold every
 * file read (the corpus, not a stream); shorter substrings are copies. Long scalars are rarely
 * repeated anyway.
 */
const MAX_CACHED_TEXT = 12;

/** A plain key as sigs.k8s.io/yaml spells it; declines null, uint64 and merge keys. */
function plainKey(text: string): string {
  if (!mayResolve(text.charCodeAt(0))) {
    if (text === '<<') throw DECLINE;
    return text;
  }
  if (text.length > MAX_CACHED_TEXT) {
    const key = scalarKey(resolveScalar('', text));
    if (key === undefined) throw DECLINE;
    return key;
  }
  let key = keyCache.get(text);
  if (key === undefined && !keyCache.has(text)) {
    key = scalarKey(resolveScalar('', text));
    if (keyCache.size > 10_000) keyCache.clear();
    keyCache.set(text, key);
  }
  if (key === undefined) throw DECLINE;
  return key;
}

/** A plain value as go-yaml resolves it; declines what JSON or a double cannot hold exactly. */
function resolvePlainValue(text: string): unknown {
  const scalar = resolveScalar('', text);
  switch (scalar.kind) {
    case 'null':
      return null;
    case 'int':
      return scalar.unsigned || !Number.isSafeInteger(scalar.value) ? DECLINE : scalar.value;
    case 'float':
      return Number.isFinite(scalar.value) ? scalar.value : DECLINE;
    default:
      return scalar.value;
  }
}

/** Resolved plain values (primitives) by text: manifests repeat `true`, `object`, `1` a lot. */
const valueCache = new Map<string, unknown>();

function plainValue(text: string): unknown {
  if (!mayResolve(text.charCodeAt(0))) return text;
  let value = text.length > MAX_CACHED_TEXT ? undefined : valueCache.get(text);
  if (value === undefined) {
    value = resolvePlainValue(text);
    if (text.length <= MAX_CACHED_TEXT) {
      if (valueCache.size > 10_000) valueCache.clear();
      valueCache.set(text, value);
    }
  }
  if (value === DECLINE) throw DECLINE;
  return value;
}

/** A key written a second time in one map, at an offset of the text read. */
export interface PlainDuplicate {
  readonly key: string;
  readonly offset: number;
}

const HEX = (c: number): number => (c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : c >= 0x41 && c <= 0x46 ? c - 0x37 : -1);

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};

/**
 * Where each node of a document starts, recorded while reading it (plainPositions): a map
 * entry at its key, a sequence item at its content, by JSON Pointer; values that are flow
 * collections are opaque (their inside is not recorded).
 */
interface Tracker {
  readonly positions: Map<string, number>;
  readonly opaque: Set<string>;
  /** The pointer of the node being read. */
  pointer: string;
}

const escapeSegment = (segment: string): string =>
  segment.includes('~') || segment.includes('/') ? segment.replace(/~/g, '~0').replace(/\//g, '~1') : segment;

class PlainReader {
  private pos = 0;

  /** Keys written twice (go-yaml keeps the last value; strict decoding refuses them). */
  readonly duplicates: PlainDuplicate[] = [];

  /** The first collection used as a flow map's key: go-yaml fails the document there. */
  invalidKey: { readonly offset: number; readonly message: string } | undefined;

  constructor(
    private readonly s: string,
    private readonly tracker?: Tracker,
  ) {}

  /**
   * Sets a key read at `at`. A repeat is accepted only when both spellings must be strings to
   * go-yaml, that is when no other kind of scalar converts to this JSON key: `1` and `"1"`,
   * `1e6` and `"1e+06"`, `yes` and `true` are different keys to go-yaml that collide in JSON,
   * and the full decoder judges those. Positions (the tracker) of a document with a repeat are
   * the full decoder's to give.
   */
  private setKey(target: JsonObject, key: string, value: unknown, at: number): void {
    if (Object.hasOwn(target, key)) {
      if (this.tracker || !onlyStringsSpell(key)) throw DECLINE;
      this.duplicates.push({ key, offset: at });
    }
    if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
    else target[key] = value;
  }

  /** The whole document; undefined when declined. */
  document(): unknown {
    this.skipBlank(true);
    const s = this.s;
    if (this.pos < s.length && s.startsWith('---', this.pos)) {
      let p = this.pos + 3;
      if (p < s.length && s.charCodeAt(p) !== LF && s.charCodeAt(p) !== SPACE) throw DECLINE;
      while (s.charCodeAt(p) === SPACE) p++;
      if (p < s.length && s.charCodeAt(p) !== LF && s.charCodeAt(p) !== HASH) throw DECLINE;
      this.pos = this.lineEnd(p);
      this.nextLine();
      this.skipBlank();
    }
    if (this.pos >= s.length) return null;
    const value = this.blockNode(this.pos + this.ind, this.ind, -1, false);
    this.skipBlank();
    if (this.pos < s.length) throw DECLINE;
    return value;
  }

  private lineEnd(from: number): number {
    const end = this.s.indexOf('\n', from);
    return end === -1 ? this.s.length : end;
  }

  /** Moves past the line break at `pos` (if any). */
  private nextLine(): void {
    if (this.pos < this.s.length) this.pos++;
  }

  /** The indentation of the content line `skipBlank` stopped at. */
  private ind = 0;

  /**
   * Skips blank and comment-only lines; stops at the start of a content line (or the end),
   * its indentation in `ind`. A tab in indentation declines.
   */
  private skipBlank(atStart = false): void {
    const s = this.s;
    while (this.pos < s.length) {
      let p = this.pos;
      while (s.charCodeAt(p) === SPACE) p++;
      const c = s.charCodeAt(p);
      if (c === LF) this.pos = p + 1;
      else if (p >= s.length) this.pos = p;
      else if (c === HASH) {
        this.pos = this.lineEnd(p);
        this.nextLine();
      } else if (c === TAB) throw DECLINE;
      else {
        // A document marker or end at column 0 is outside the subset.
        if (!atStart && p === this.pos && (c === DASH || c === DOT) && (s.startsWith('---', p) || s.startsWith('...', p))) throw DECLINE;
        this.ind = p - this.pos;
        return;
      }
    }
  }

  /**
   * A block node whose content starts at `at` on the current line, at column `column`.
   * `parent` is the indentation of the enclosing collection (-1 at the root); `scalar` says
   * whether a scalar may stand there.
   */
  private blockNode(at: number, column: number, parent: number, scalar: boolean): unknown {
    const s = this.s;
    const c = s.charCodeAt(at);
    if (c === DASH && this.isBlankAfter(at + 1)) return this.sequence(at, column);
    const end = this.keyEnd(at);
    if (end !== -1) return this.map(at, column, end);
    // A scalar document, or a scalar on the line after its key, is left to the other decoders.
    if (!scalar) throw DECLINE;
    return this.inlineValue(at, parent);
  }

  private isBlankAfter(p: number): boolean {
    const c = this.s.charCodeAt(p);
    return c === SPACE || c === LF || p >= this.s.length;
  }

  /**
   * If a map key starts at `at`, the position just after its `:`; else -1. Declines keys it
   * cannot read (explicit `?` keys, comments or tabs before the colon, very long keys).
   */
  private keyEnd(at: number): number {
    const s = this.s;
    const c = s.charCodeAt(at);
    if (c === SQUOTE || c === DQUOTE) {
      const close = this.quotedLineEnd(at);
      if (close === -1 || s.charCodeAt(close) !== COLON) return -1;
      if (close - at > 1000) throw DECLINE;
      if (!this.isBlankAfter(close + 1)) throw DECLINE;
      return close + 1;
    }
    if (isIndicator(c) || (c === DASH && this.isBlankAfter(at + 1))) return -1;
    for (let p = at; p < s.length; p++) {
      const d = s.charCodeAt(p);
      if (d === LF) return -1;
      if (d === COLON && this.isBlankAfter(p + 1)) {
        if (p - at > 1000) throw DECLINE;
        return p + 1;
      }
      if (d === TAB || (d === HASH && s.charCodeAt(p - 1) === SPACE)) return -1;
    }
    return -1;
  }

  private key(at: number, end: number): string {
    const s = this.s;
    const c = s.charCodeAt(at);
    if (c === SQUOTE || c === DQUOTE) return this.quoted(at, undefined);
    let last = end - 1;
    while (s.charCodeAt(last - 1) === SPACE) last--;
    return plainKey(s.slice(at, last));
  }

  private map(at: number, column: number, firstEnd: number): JsonObject {
    const s = this.s;
    const out: JsonObject = {};
    let keyAt = at;
    let end = firstEnd;
    const tracker = this.tracker;
    const parent = tracker?.pointer ?? '';
    for (;;) {
      const key = this.key(keyAt, end);
      if (tracker) {
        tracker.pointer = `${parent}/${escapeSegment(key)}`;
        tracker.positions.set(tracker.pointer, keyAt);
      }
      let p = end;
      while (s.charCodeAt(p) === SPACE) p++;
      const c = s.charCodeAt(p);
      let value: unknown;
      if (p >= s.length || c === LF || c === HASH) {
        this.pos = this.lineEnd(p);
        this.nextLine();
        value = this.nestedValue(column, true);
      } else {
        value = this.inlineValue(p, column);
      }
      if (tracker) tracker.pointer = parent;
      this.setKey(out, key, value, keyAt);
      this.skipBlank();
      if (this.pos >= s.length) return out;
      const indent = this.ind;
      if (indent < column) return out;
      if (indent > column) throw DECLINE;
      keyAt = this.pos + indent;
      end = this.keyEnd(keyAt);
      if (end === -1) throw DECLINE;
    }
  }

  private sequence(at: number, column: number): unknown[] {
    const s = this.s;
    const out: unknown[] = [];
    let dash = at;
    const tracker = this.tracker;
    const parent = tracker?.pointer ?? '';
    for (;;) {
      let p = dash + 1;
      while (s.charCodeAt(p) === SPACE) p++;
      const c = s.charCodeAt(p);
      if (tracker) tracker.pointer = `${parent}/${out.length}`;
      if (p >= s.length || c === LF || c === HASH) {
        this.pos = this.lineEnd(p);
        this.nextLine();
        out.push(this.nestedValue(column, false));
      } else {
        tracker?.positions.set(tracker.pointer, p);
        out.push(this.blockNode(p, column + (p - dash), column, true));
      }
      if (tracker) tracker.pointer = parent;
      this.skipBlank();
      if (this.pos >= s.length) return out;
      const indent = this.ind;
      if (indent < column) return out;
      if (indent > column) throw DECLINE;
      const next = this.pos + indent;
      // A line at the sequence's indentation that is not an item ends it (its map goes on).
      if (!(s.charCodeAt(next) === DASH && this.isBlankAfter(next + 1))) return out;
      dash = next;
    }
  }

  /** The value of a key or item with nothing after it on its line: the next lines, or null. */
  private nestedValue(column: number, inMap: boolean): unknown {
    this.skipBlank();
    if (this.pos >= this.s.length) return null;
    const indent = this.ind;
    const at = this.pos + indent;
    // A sequence item's node starts here (a map entry's position is its key's).
    if (!inMap && indent > column) this.tracker?.positions.set(this.tracker.pointer, at);
    if (indent > column) return this.blockNode(at, indent, column, false);
    if (inMap && indent === column && this.s.charCodeAt(at) === DASH && this.isBlankAfter(at + 1)) return this.sequence(at, indent);
    return null;
  }

  /**
   * A scalar or flow collection starting at `at` and ending on its line; `parent` is the
   * indentation of the collection holding it. Leaves `pos` at the next line.
   */
  private inlineValue(at: number, parent: number): unknown {
    const s = this.s;
    const c = s.charCodeAt(at);
    let value: unknown;
    let end: number;
    if (c === SQUOTE || c === DQUOTE) {
      value = this.quoted(at, parent);
      end = this.quoteEnd;
    } else if (c === PIPE || c === GT) {
      return this.blockScalar(at, parent);
    } else if (c === LBRACKET || c === LBRACE) {
      this.tracker?.opaque.add(this.tracker.pointer);
      [value, end] = this.flow(at);
    } else {
      // `-`, `?` and `:` start a plain scalar in block context when no space follows.
      const starts = c === DASH || c === COLON || c === 0x3f;
      if (starts ? this.isBlankAfter(at + 1) || s.charCodeAt(at + 1) === TAB : isIndicator(c)) throw DECLINE;
      return plainValue(this.plain(at, parent));
    }
    this.finishLine(end);
    return value;
  }

  /**
   * A plain scalar's text, folded over the lines that continue it (more indented than
   * `parent`, as libyaml's scan_plain_scalar has it): one line break becomes a space, n empty
   * lines n line breaks. A comment ends it. Leaves `pos` at the start of the next line.
   */
  private plain(at: number, parent: number): string {
    const s = this.s;
    let stop = this.plainLine(at);
    let text = s.slice(at, this.lastEnd);
    let breaks = 0;
    while (stop < s.length && s.charCodeAt(stop) === LF) {
      this.pos = stop + 1;
      let q = this.pos;
      while (s.charCodeAt(q) === SPACE) q++;
      const c = s.charCodeAt(q);
      if (c === LF) {
        breaks++;
        stop = q;
        continue;
      }
      if (q >= s.length) {
        this.pos = q;
        return text;
      }
      if (c === TAB) throw DECLINE;
      if (q - this.pos <= parent || c === HASH) return text;
      stop = this.plainLine(q);
      text += breaks === 0 ? ' ' : '\n'.repeat(breaks);
      text += s.slice(q, this.lastEnd);
      breaks = 0;
    }
    // A comment, or the end of the text.
    this.pos = this.lineEnd(stop);
    this.nextLine();
    return text;
  }

  /** After a value: only spaces and a comment may follow on the line. */
  private finishLine(from: number): void {
    const s = this.s;
    let p = from;
    while (s.charCodeAt(p) === SPACE) p++;
    if (p < s.length && s.charCodeAt(p) !== LF) {
      if (s.charCodeAt(p) !== HASH || p === from) throw DECLINE;
      p = this.lineEnd(p);
    }
    this.pos = p;
    this.nextLine();
  }

  /** Where `plainLine` found the text to end (trailing spaces left out). */
  private lastEnd = 0;

  /**
   * Scans one line of a plain scalar: sets `lastEnd` and returns where the scan stopped (the
   * line break, a comment's `#`, or the end of the text). `: ` inside declines.
   */
  private plainLine(at: number): number {
    const s = this.s;
    let last = at;
    let p = at;
    for (; p < s.length; p++) {
      const c = s.charCodeAt(p);
      if (c === LF) break;
      if (c === SPACE) continue;
      if (c === TAB) throw DECLINE;
      if (c === HASH && s.charCodeAt(p - 1) === SPACE) break;
      if (c === COLON && this.isBlankAfter(p + 1)) throw DECLINE;
      last = p + 1;
    }
    this.lastEnd = last;
    return p;
  }

  /** Where the last `quoted` scalar's closing quote ended. */
  private quoteEnd = 0;

  /**
   * The position after the closing quote when a quoted scalar starting at `at` closes on its
   * line; -1 when it goes on to the next line.
   */
  private quotedLineEnd(at: number): number {
    const s = this.s;
    const quote = s.charCodeAt(at);
    for (let p = at + 1; p < s.length; p++) {
      const c = s.charCodeAt(p);
      if (c === quote) {
        if (quote === SQUOTE && s.charCodeAt(p + 1) === SQUOTE) p++;
        else return p + 1;
      } else if (c === BACKSLASH && quote === DQUOTE) p++;
      else if (c === LF) return -1;
    }
    return -1;
  }

  /**
   * A single- or double-quoted scalar (go-yaml v2's escapes), on one line or, when `parent` is
   * given, folded over lines more indented than `parent` as libyaml's scan_flow_scalar does:
   * spaces around a line break go, one break becomes a space, n empty lines n breaks. Sets
   * `quoteEnd`. Tabs, escaped line breaks and `\/` decline.
   */
  private quoted(at: number, parent: number | undefined): string {
    const s = this.s;
    const single = s.charCodeAt(at) === SQUOTE;
    let out = '';
    let p = at + 1;
    let segment = p;
    for (;;) {
      if (p >= s.length) throw DECLINE;
      const c = s.charCodeAt(p);
      if (c === (single ? SQUOTE : DQUOTE)) {
        out += s.slice(segment, p);
        if (single && s.charCodeAt(p + 1) === SQUOTE) {
          out += "'";
          p += 2;
          segment = p;
          continue;
        }
        this.quoteEnd = p + 1;
        return out;
      }
      if (c === BACKSLASH && !single) {
        out += s.slice(segment, p);
        p = this.escape(p);
        out += this.escaped;
        segment = p;
        continue;
      }
      if (c === TAB) throw DECLINE;
      if (c === LF) {
        if (parent === undefined) throw DECLINE;
        let end = p;
        while (end > segment && s.charCodeAt(end - 1) === SPACE) end--;
        out += s.slice(segment, end);
        let breaks = 0;
        let q = p + 1;
        let lineStart = q;
        for (;;) {
          while (s.charCodeAt(q) === SPACE) q++;
          if (s.charCodeAt(q) !== LF) break;
          breaks++;
          q++;
          lineStart = q;
        }
        if (q >= s.length || s.charCodeAt(q) === TAB || q - lineStart <= parent) throw DECLINE;
        out += breaks === 0 ? ' ' : '\n'.repeat(breaks);
        p = q;
        segment = q;
        continue;
      }
      p++;
    }
  }

  /** What the last `escape` produced. */
  private escaped = '';

  /** Reads the escape at `at` (a backslash) into `escaped`; returns the position after it. */
  private escape(at: number): number {
    const s = this.s;
    const e = s[at + 1] ?? '';
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      this.escaped = simple;
      return at + 2;
    }
    const length = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    if (length === 0) throw DECLINE; // `\/`, an escaped line break or tab, or an unknown escape
    let code = 0;
    for (let k = 0; k < length; k++) {
      const h = HEX(s.charCodeAt(at + 2 + k));
      if (h < 0) throw DECLINE;
      code = code * 16 + h;
    }
    if ((code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) throw DECLINE;
    this.escaped = String.fromCodePoint(code);
    return at + 2 + length;
  }

  /**
   * A one-line flow sequence or map of scalars (`[]`, `{}`, `[a, "b"]`, `{a: 1}`, `{a}` whose
   * value is null): the value and the position after the closing bracket. A map's key may be a
   * flow collection (`{{x}}`), which sets `invalidKey`. Other nesting, comments and trailing
   * commas decline.
   */
  private flow(at: number): [unknown, number] {
    const s = this.s;
    const isMap = s.charCodeAt(at) === LBRACE;
    const close = isMap ? RBRACE : RBRACKET;
    const list: unknown[] = [];
    const map: JsonObject = {};
    let p = this.skipSpaces(at + 1);
    if (s.charCodeAt(p) === close) return [isMap ? map : list, p + 1];
    for (;;) {
      if (isMap) p = this.flowEntry(map, p, close);
      else {
        const value = this.flowScalar(p);
        list.push(value.quoted ? value.text : plainValue(value.text));
        p = value.end;
      }
      const c = s.charCodeAt(p);
      if (c === close) return [isMap ? map : list, p + 1];
      if (c !== COMMA) throw DECLINE;
      p = this.skipSpaces(p + 1);
    }
  }

  /** One `key: value` or `key` entry of a flow map starting at `at`; returns where it ends. */
  private flowEntry(map: JsonObject, at: number, close: number): number {
    const s = this.s;
    const c = s.charCodeAt(at);
    let key: string | undefined;
    let end: number;
    if (c === LBRACE || c === LBRACKET) {
      end = this.skipSpaces(this.flow(at)[1]);
      this.invalidKey ??= { offset: at, message: `invalid map key: a ${c === LBRACE ? 'map' : 'list'} cannot be a key` };
    } else {
      const scalar = this.flowScalar(at);
      key = scalar.quoted ? scalar.text : plainKey(scalar.text);
      end = scalar.end;
    }
    let value: unknown = null;
    const next = s.charCodeAt(end);
    if (next === COLON) {
      if (s.charCodeAt(end + 1) !== SPACE) throw DECLINE;
      const scalar = this.flowScalar(this.skipSpaces(end + 1));
      value = scalar.quoted ? scalar.text : plainValue(scalar.text);
      end = scalar.end;
    } else if (next !== COMMA && next !== close) throw DECLINE;
    if (key !== undefined) this.setKey(map, key, value, at);
    return end;
  }

  private skipSpaces(from: number): number {
    let p = from;
    while (this.s.charCodeAt(p) === SPACE) p++;
    return p;
  }

  /** A scalar inside a flow collection: its text, whether quoted, and where the spaces after it end. */
  private flowScalar(at: number): { readonly text: string; readonly quoted: boolean; readonly end: number } {
    const s = this.s;
    const c = s.charCodeAt(at);
    if (c === SQUOTE || c === DQUOTE) {
      const text = this.quoted(at, undefined);
      return { text, quoted: true, end: this.skipSpaces(this.quoteEnd) };
    }
    if (isIndicator(c) || c === DASH || c === DOT || c === LF || c === SPACE || at >= s.length) {
      // `-` and `.` starts other than numbers and words are left to the other decoders.
      if (!((c === DASH || c === DOT) && this.isWordChar(s.charCodeAt(at + 1)))) throw DECLINE;
    }
    let last = at;
    let p = at;
    for (; p < s.length; p++) {
      const d = s.charCodeAt(p);
      if (d === COMMA || d === RBRACKET || d === RBRACE || d === COLON) break;
      if (d === LF || d === TAB || d === HASH || d === LBRACKET || d === LBRACE) throw DECLINE;
      if (d !== SPACE) last = p + 1;
    }
    return { text: s.slice(at, last), quoted: false, end: p };
  }

  private isWordChar(c: number): boolean {
    return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  }

  /**
   * A block scalar (`|`, `>`, with `-` or `+`): libyaml's yaml_parser_scan_block_scalar with the
   * indentation detected from the first non-empty line. `parent` is the enclosing collection's
   * indentation. An indentation indicator, an empty scalar or odd leading blank lines decline.
   */
  private blockScalar(at: number, parent: number): string {
    const s = this.s;
    const literal = s.charCodeAt(at) === PIPE;
    let p = at + 1;
    let chomping = 0;
    const ind = s.charCodeAt(p);
    if (ind === DASH || ind === PLUS) {
      chomping = ind === DASH ? -1 : 1;
      p++;
    }
    const after = s.charCodeAt(p);
    if (p < s.length && after !== LF && after !== SPACE) throw DECLINE; // an indentation indicator, or text
    this.finishLine(p);
    // Leading empty lines, then the first content line fixes the indentation.
    let maxBlank = 0;
    let leadingBreaks = '';
    let indent = -1;
    while (this.pos < s.length) {
      let q = this.pos;
      while (s.charCodeAt(q) === SPACE) q++;
      const c = s.charCodeAt(q);
      if (c === LF) {
        maxBlank = Math.max(maxBlank, q - this.pos);
        leadingBreaks += '\n';
        this.pos = q + 1;
        continue;
      }
      if (q >= s.length || c === TAB) throw DECLINE;
      indent = q - this.pos;
      break;
    }
    if (indent <= parent || indent < 1 || maxBlank > indent) throw DECLINE;
    let out = leadingBreaks;
    let leadingBreak = '';
    let trailingBreaks = '';
    let leadingBlank = false;
    // Each iteration: `pos` at a line whose first `indent` columns are spaces and which has text.
    for (;;) {
      const start = this.pos + indent;
      const trailingBlank = s.charCodeAt(start) === SPACE || s.charCodeAt(start) === TAB;
      if (!literal && !leadingBlank && !trailingBlank && leadingBreak === '\n') {
        if (trailingBreaks === '') out += ' ';
      } else out += leadingBreak;
      out += trailingBreaks;
      trailingBreaks = '';
      leadingBlank = trailingBlank;
      const end = this.lineEnd(start);
      out += s.slice(start, end);
      if (end >= s.length) {
        this.pos = end;
        leadingBreak = '';
        break;
      }
      leadingBreak = '\n';
      this.pos = end + 1;
      // Empty lines (no more than `indent` spaces) until the next line with text.
      let ended = false;
      for (;;) {
        let q = this.pos;
        while (q - this.pos < indent && s.charCodeAt(q) === SPACE) q++;
        const c = s.charCodeAt(q);
        if (q >= s.length) {
          if (q > this.pos) throw DECLINE; // spaces without a line break at the end
          ended = true;
          break;
        }
        if (c === LF) {
          trailingBreaks += '\n';
          this.pos = q + 1;
          continue;
        }
        if (q - this.pos < indent) {
          if (c === TAB) throw DECLINE;
          ended = true; // a less indented line ends the scalar; `pos` stays at its start
        }
        break;
      }
      if (ended) break;
    }
    if (chomping !== -1) out += leadingBreak;
    if (chomping === 1) out += trailingBreaks;
    return out;
  }
}

/** The document's JSON value, or undefined when the other decoders must decide. */
/** No node on the pointer's path exists: the document's root is the nearest. */
export const ROOT = 'root';

/**
 * Where the node at a JSON Pointer starts, as the full decoder answers it (a map entry at its
 * key, a sequence item at its content, else the nearest parent), for a document the plain
 * decoder reads: offsets into `text`, or undefined when it declines, the text has CR line ends,
 * or the pointer goes inside a flow collection (the full decoder then answers). A finding's
 * position used to cost a full parse of its document.
 */
export function plainPositions(text: string): ((pointer: string) => number | typeof ROOT | undefined) | undefined {
  if (text.includes('\r') || REFUSED.test(text) || (text.includes('\\/') && UNKNOWN_ESCAPE.test(text))) return undefined;
  const source = text !== '' && text.charCodeAt(text.length - 1) !== LF ? `${text}\n` : text;
  const tracker: Tracker = { positions: new Map(), opaque: new Set(), pointer: '' };
  try {
    new PlainReader(source, tracker).document();
  } catch (error) {
    if (error instanceof Decline) return undefined;
    throw error;
  }
  return (pointer) => {
    const segments = pointer === '' ? [] : pointer.slice(1).split('/');
    for (let n = segments.length; n > 0; n--) {
      const prefix = `/${segments.slice(0, n).join('/')}`;
      const at = tracker.positions.get(prefix);
      if (at !== undefined) return n < segments.length && tracker.opaque.has(prefix) ? undefined : at;
      if (tracker.opaque.has(prefix)) return undefined;
    }
    return ROOT;
  };
}

/** A line and column (1-based) of an offset into `text`. */
export function linePosition(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** What the plain decoder made of a document it read: its JSON value, or go-yaml's error. */
export type PlainResult =
  | {
      readonly ok: true;
      readonly value: unknown;
      /** Keys written twice, where each repeat is (line and column in the document). */
      readonly duplicates: readonly { readonly key: string; readonly position: { line: number; column: number } }[];
    }
  | { readonly ok: false; readonly code: 'invalid-key'; readonly message: string; readonly position: { line: number; column: number } };

/** The document's value or go-yaml's error, or undefined when the other decoders must decide. */
export function decodePlain(text: string): PlainResult | undefined {
  let source = text;
  // A `\/` the full decoder refuses is its to report (inside double quotes, `escape` declines it).
  if (REFUSED.test(source) || (source.includes('\\/') && UNKNOWN_ESCAPE.test(source))) return undefined;
  if (source.includes('\r')) {
    source = source.replaceAll('\r\n', '\n');
    if (source.includes('\r')) return undefined;
  }
  // kubectl's YAMLReader hands go-yaml every line with a line break, the last one too.
  if (source !== '' && source.charCodeAt(source.length - 1) !== LF) source += '\n';
  const reader = new PlainReader(source);
  let value: unknown;
  try {
    value = reader.document();
  } catch (error) {
    if (error instanceof Decline) return undefined;
    throw error;
  }
  // Removing the CRs of CRLF line ends moves no line and no column.
  const invalid = reader.invalidKey;
  if (invalid) return { ok: false, code: 'invalid-key', message: invalid.message, position: linePosition(source, invalid.offset) };
  return { ok: true, value, duplicates: reader.duplicates.map((d) => ({ key: d.key, position: linePosition(source, d.offset) })) };
}
