// The fast decoder: js-yaml (several times faster than a parser that keeps a syntax tree)
// with go-yaml's scalar rules for plain scalars (go-yaml-scalars.ts). It takes only
// documents whose meaning cannot differ from the full decoder's, and returns `undefined`
// for the rest, which the caller hands to the full decoder:
//   - js-yaml throws: syntax errors, duplicate keys, tags it does not know (!!int, !custom);
//     `!!map`, `!!seq` and `!` tags;
//   - aliases to anchors (go-yaml bounds their expansion), merge keys `<<`;
//   - directives or `...`, explicit (`? `) or collection keys (seen in the text, or after
//     loading as the key js-yaml gives a map, "[object Object]");
//   - a key that may be null, floats Go prints otherwise as keys, integers beyond 2^53;
//   - escapes and characters only go-yaml refuses (`\/`, a byte order mark, NEL).
import { type EventType, FAILSAFE_SCHEMA, load, type State, Type } from 'js-yaml';
import { goFloat32Key, resolveScalar } from './go-yaml-scalars.ts';

/** `*name` after a separator: an alias, when an anchor `&name` exists too. */
const ALIAS = /(?:^|[\s,[{])\*([^\s,[\]{}]+)/gm;
/** A directive or a document end marker. */
const DIRECTIVE_OR_END = /^(%|\.\.\.)/m;
/** An explicit key (`? `) or a list used as a key (`[a]: b`, `{[a]}`), which js-yaml would flatten. */
const COMPLEX_KEY = /^[ \t]*(?:-[ \t]+)*\?(?:[ \t]|$)|[\]}][ \t]*:(?:[ \t]|$)|\{[ \t]*\[|\{[^}\n]*,[ \t]*\[/m;
/** A map that may be a key inside a flow map (`{{a}}`): js-yaml names such a key "[object Object]". */
const MAP_IN_FLOW_MAP = /\{[ \t]*\{|\{[^}\n]*,[ \t]*\{/;
/**
 * Text that may hold a `!!map`, `!!seq` or `!` tag, which go-yaml reads as an empty string on an
 * empty node (js-yaml: {}, [], null). Only a hint: the same characters occur in block scalars
 * (`if [ ! -s "$f" ]` in a shell script), so when it matches, js-yaml reports the tags it
 * actually read (tagListener) and only a real one hands the document on.
 */
const COLLECTION_TAG = /(?:^|[\s,[{])!(?:!(?:map|seq)\b|[ \t]|$)/m;
const EXPLICIT_TAGS = new Set(['!', 'tag:yaml.org,2002:map', 'tag:yaml.org,2002:seq']);
/**
 * An escape go-yaml v2 does not know (`\/`) or refuses (a surrogate code point), a byte order
 * mark inside the text, a NEL.
 */
const GO_ONLY = /\\\/|\\(?:u|U0000)[dD][89a-fA-F]|.\uFEFF|\u0085/s;

function hasAlias(text: string): boolean {
  if (!text.includes('*') || !text.includes('&')) return false;
  for (const m of text.matchAll(ALIAS)) if (text.includes(`&${m[1] ?? ''}`)) return true;
  return false;
}

/** Set by a plain scalar whose meaning the fast path cannot keep. */
let unsure = false;
/** Set by a plain scalar that resolves to null: a key "null" may then have been a null key. */
let sawNull = false;

const goPlainScalar = new Type('tag:bvchart.local,2026:go-plain', {
  kind: 'scalar',
  resolve: () => true,
  construct: (text: string) => {
    if (text === '<<') unsure = true;
    const scalar = resolveScalar('', text);
    switch (scalar.kind) {
      case 'null':
        sawNull = true;
        return null;
      case 'int':
        if (scalar.unsigned || !Number.isSafeInteger(scalar.value)) unsure = true;
        return scalar.value;
      case 'float':
        if (!Number.isFinite(scalar.value) || goFloat32Key(scalar.value) !== String(scalar.value)) unsure = true;
        return scalar.value;
      default:
        return scalar.value;
    }
  },
});

const GO_PLAIN_SCHEMA = FAILSAFE_SCHEMA.extend({ implicit: [goPlainScalar] });

/** Marks the document unsure when a node closes with one of the explicit tags above. */
function tagListener(event: EventType, state: State): void {
  const tag = (state as State & { readonly tag?: string | null }).tag;
  if (event === 'close' && tag !== null && tag !== undefined && EXPLICIT_TAGS.has(tag)) unsure = true;
}

function hasKey(value: unknown, key: string): boolean {
  if (Array.isArray(value)) return value.some((v) => hasKey(v, key));
  if (typeof value !== 'object' || value === null) return false;
  for (const [k, v] of Object.entries(value)) if (k === key || hasKey(v, key)) return true;
  return false;
}

/** The document's JSON value, or undefined when the full decoder must decide. */
export function decodeFast(text: string): unknown {
  if (DIRECTIVE_OR_END.test(text) || COMPLEX_KEY.test(text) || GO_ONLY.test(text) || hasAlias(text)) return undefined;
  unsure = false;
  sawNull = false;
  let value: unknown;
  try {
    value = load(text, { schema: GO_PLAIN_SCHEMA, ...(COLLECTION_TAG.test(text) ? { listener: tagListener } : {}) });
  } catch {
    return undefined;
  }
  if (unsure || (sawNull && hasKey(value, 'null')) || (MAP_IN_FLOW_MAP.test(text) && hasKey(value, '[object Object]'))) return undefined;
  return value === undefined ? null : value;
}
