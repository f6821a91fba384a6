// The fast decoder: js-yaml (several times faster than a parser that keeps a syntax tree)
// with go-yaml's scalar rules for plain scalars (go-yaml-scalars.ts). It takes only
// documents whose meaning cannot differ from the full decoder's: no anchors or aliases, no
// tags, no merge keys, no directives or `...`, no explicit or collection keys, no key that
// may be null, no duplicate keys (js-yaml throws), and no scalar whose key spelling would
// differ (floats Go prints otherwise, integers beyond 2^53). Anything else returns
// `undefined` and the caller takes the full decoder.
import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';
import { goFloat32Key, resolveScalar } from './go-yaml-scalars.ts';

/** An anchor or alias token outside quotes: `&name` or `*name` after a separator. */
const ANCHOR_OR_ALIAS = /(^|[\s,[{])[&*][^\s,[\]{}'"&*]/m;
/** A tag (`!!str`, `!foo`, `!`) after a separator. */
const TAG = /(^|[\s,[{])!/m;
/** A directive or a document end marker. */
const DIRECTIVE_OR_END = /^(%|\.\.\.)/m;
/** An explicit key (`? `) or a flow collection used as a key (`[a]: b`, `{{a}}`). */
const COMPLEX_KEY = /^[ \t]*(?:-[ \t]+)*\?(?:[ \t]|$)|[\]}][ \t]*:(?:[ \t]|$)|\{[ \t]*[{[]|\{[^}\n]*,[ \t]*[{[]/m;
/** An escape go-yaml v2 does not know (`\/`), a byte order mark inside the text, a NEL. */
const GO_ONLY = /\\\/|.\uFEFF|\u0085/s;
/** An empty or null key (`: x`, `~: x`, `null: x`), which Kubernetes refuses. */
const NULL_KEY = /(?:^|[\s{,])(?:~|null|Null|NULL)?[ \t]*:(?:[ \t]|$)/m;

/** Set by a plain scalar whose meaning as a key the fast path cannot keep. */
let unsure = false;

const goPlainScalar = new Type('tag:bvchart.local,2026:go-plain', {
  kind: 'scalar',
  resolve: () => true,
  construct: (text: string) => {
    const scalar = resolveScalar('', text);
    switch (scalar.kind) {
      case 'null':
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

/** The document's JSON value, or undefined when the full decoder must decide. */
export function decodeFast(text: string): unknown {
  if (ANCHOR_OR_ALIAS.test(text) || TAG.test(text) || text.includes('<<') || DIRECTIVE_OR_END.test(text) || COMPLEX_KEY.test(text) || NULL_KEY.test(text) || GO_ONLY.test(text)) {
    return undefined;
  }
  unsure = false;
  let value: unknown;
  try {
    value = load(text, { schema: GO_PLAIN_SCHEMA });
  } catch {
    return undefined;
  }
  if (unsure) return undefined;
  return value === undefined ? null : value;
}
