// Scalars as Kubernetes clients read them: go-yaml v2's `resolve` (YAML 1.1: yes/no/on/off/y/n
// booleans, 0x/0o/0b/leading-0 octal integers, underscores in numbers, timestamps kept as
// text) and sigs.k8s.io/yaml's conversion of map keys to strings. A port of
// go.yaml.in/yaml/v2 resolve.go and decode.go (scalar), and sigs.k8s.io/yaml yaml.go
// (convertToJSONableObject), at the versions Helm v3.22.0 pins.

/** A scalar as go-yaml resolves it. `exact` keeps integers beyond 2^53 for map keys. */
export type GoScalar =
  | { readonly kind: 'null' }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'int'; readonly value: number; readonly exact: string; readonly unsigned: boolean }
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'str'; readonly value: string };

/** go-yaml refuses the scalar (an explicit tag the text does not fit, bad base64). */
export class ScalarError extends Error {
  override readonly name = 'ScalarError';
}

const TAG_PREFIX = 'tag:yaml.org,2002:';
export const STR_TAG = `${TAG_PREFIX}str`;
export const MERGE_TAG = `${TAG_PREFIX}merge`;
const BINARY_TAG = `${TAG_PREFIX}binary`;
const RESOLVABLE = new Set(['', STR_TAG, `${TAG_PREFIX}bool`, `${TAG_PREFIX}int`, `${TAG_PREFIX}float`, `${TAG_PREFIX}null`, `${TAG_PREFIX}timestamp`]);

const NULL: GoScalar = { kind: 'null' };
const TRUE: GoScalar = { kind: 'bool', value: true };
const FALSE: GoScalar = { kind: 'bool', value: false };

/** go-yaml's resolveMap: words with a fixed meaning. */
const WORDS = new Map<string, GoScalar & { readonly tag: string }>();
const word = (scalar: GoScalar, tag: string, words: readonly string[]) => words.forEach((w) => WORDS.set(w, { ...scalar, tag }));
word(TRUE, 'bool', ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
word(FALSE, 'bool', ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
word(NULL, 'null', ['', '~', 'null', 'Null', 'NULL']);
word({ kind: 'float', value: Number.NaN }, 'float', ['.nan', '.NaN', '.NAN']);
word({ kind: 'float', value: Number.POSITIVE_INFINITY }, 'float', ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']);
word({ kind: 'float', value: Number.NEGATIVE_INFINITY }, 'float', ['-.inf', '-.Inf', '-.INF']);

/** go-yaml's resolveTable: the first character hints at the type (0: always a string). */
function hint(c: string): 'M' | 'D' | 'S' | '.' | undefined {
  if (c >= '0' && c <= '9') return 'D';
  if (c === '+' || c === '-') return 'S';
  if (c === '.') return '.';
  return 'yYnNtTfFoO~'.includes(c) ? 'M' : undefined;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** Go's strconv.ParseInt(s, 0, 64) / ParseUint: sign (ParseInt only), 0x/0o/0b/0 prefixes. */
function parseGoInt(s: string, signed: boolean): bigint | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m || (!signed && m[1] !== '')) return undefined;
  const body = m[2] ?? '';
  const digits = /^0[0-7]/.test(body) ? `0o${body.slice(1)}` : body;
  const magnitude = BigInt(digits.toLowerCase());
  const value = m[1] === '-' ? -magnitude : magnitude;
  if (signed ? value < INT64_MIN || value > INT64_MAX : value > UINT64_MAX) return undefined;
  return value;
}

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** Go's strconv.ParseFloat(s, 64) for the forms go-yaml passes it; undefined when out of range. */
function parseGoFloat(s: string): number | undefined {
  if (!/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(s)) return undefined;
  const value = Number(s);
  return Number.isFinite(value) ? value : undefined;
}

/** A timestamp in one of the forms go-yaml recognises (it keeps the text for interface{} targets). */
function isTimestamp(s: string): boolean {
  if (!/^[0-9]{4}-/.test(s)) return false;
  // "2006-1-2T15:4:5.999999999Z07:00" (T or t), "2006-1-2 15:4:5.999999999", "2006-1-2".
  const date = '[0-9]{4}-(0?[1-9]|1[0-2])-(0?[1-9]|[12][0-9]|3[01])';
  const time = '([01]?[0-9]|2[0-3]):[0-5]?[0-9]:([0-5]?[0-9]|60)(\\.[0-9]+)?';
  const zone = '(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])';
  return new RegExp(`^${date}$|^${date}[Tt]${time}${zone}$|^${date} ${time}$`).test(s) && validDate(s);
}

function validDate(s: string): boolean {
  const [y, mo, d] = s
    .slice(0, 10)
    .split(/[-Tt ]/)
    .map(Number) as [number, number, number];
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

function intScalar(value: bigint): GoScalar {
  return { kind: 'int', value: Number(value), exact: value.toString(), unsigned: value > INT64_MAX };
}

/**
 * go-yaml's resolve(tag, in) followed by decode.go's scalar() into interface{}.
 * `tag` is the node's explicit tag ('' for a plain scalar without one).
 */
export function resolveScalar(tag: string, text: string): GoScalar {
  if (tag === BINARY_TAG) return { kind: 'str', value: decodeBinary(text) };
  if (!RESOLVABLE.has(tag)) return { kind: 'str', value: text };
  const [resolvedTag, scalar] = resolveUntagged(tag, text);
  const wanted = tag.slice(TAG_PREFIX.length);
  if (tag === '' || tag === STR_TAG || resolvedTag === wanted) return scalar;
  if (wanted === 'float' && scalar.kind === 'int') return { kind: 'float', value: scalar.value };
  throw new ScalarError(`cannot decode !!${resolvedTag} \`${text}\` as a !!${wanted}`);
}

function resolveUntagged(tag: string, text: string): [string, GoScalar] {
  const h = text === '' ? 'M' : hint(text[0] ?? '');
  if (h === undefined || tag === STR_TAG) return ['str', { kind: 'str', value: text }];
  const fixed = WORDS.get(text);
  if (fixed) return [fixed.tag, fixed];
  if (h === '.') {
    // strconv.ParseFloat on the text itself: Go-syntax underscores between digits allowed.
    const value = /^\.[0-9]+(_[0-9]+)*([eE][-+]?[0-9]+(_[0-9]+)*)?$/.test(text) ? parseGoFloat(text.replaceAll('_', '')) : undefined;
    if (value !== undefined) return ['float', { kind: 'float', value }];
  } else if (h === 'D' || h === 'S') {
    if ((tag === '' || tag === `${TAG_PREFIX}timestamp`) && isTimestamp(text)) return ['timestamp', { kind: 'str', value: text }];
    const plain = text.replaceAll('_', '');
    const int = parseGoInt(plain, true) ?? parseGoInt(plain, false);
    if (int !== undefined) return ['int', intScalar(int)];
    if (YAML_STYLE_FLOAT.test(plain)) {
      const value = parseGoFloat(plain);
      if (value !== undefined) return ['float', { kind: 'float', value }];
    }
  }
  return ['str', { kind: 'str', value: text }];
}

function decodeBinary(text: string): string {
  const compact = text.replace(/[\s]/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) throw new ScalarError('!!binary value contains invalid base64 data');
  return Buffer.from(compact, 'base64').toString('utf8');
}

/** The JSON value of a scalar; NaN and infinities have none (Go's json.Marshal refuses them). */
export function scalarValue(scalar: GoScalar): null | boolean | number | string {
  switch (scalar.kind) {
    case 'null':
      return null;
    case 'str':
    case 'bool':
    case 'int':
      return scalar.value;
    case 'float':
      if (!Number.isFinite(scalar.value)) throw new ScalarError(`json: unsupported value: ${goFloatName(scalar.value)}`);
      return scalar.value;
  }
}

function goFloatName(value: number): string {
  return Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf';
}

/** A map key as sigs.k8s.io/yaml turns it into a string; undefined when it refuses the key. */
export function scalarKey(scalar: GoScalar): string | undefined {
  switch (scalar.kind) {
    case 'null':
      return undefined;
    case 'str':
      return scalar.value;
    case 'bool':
      return String(scalar.value);
    case 'int':
      return scalar.unsigned ? undefined : scalar.exact;
    case 'float':
      return goFloat32Key(scalar.value);
  }
}

/** strconv.FormatFloat(v, 'g', -1, 32), with go-yaml's names for NaN and the infinities. */
export function goFloat32Key(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  const f = Math.fround(value);
  if (!Number.isFinite(f)) return f > 0 ? '.inf' : '-.inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  let digits = '';
  for (let p = 1; p <= 9; p++) {
    digits = f.toExponential(p - 1);
    if (Math.fround(Number(digits)) === f) break;
  }
  const [mantissa = '', exponentText = '0'] = digits.split('e');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 6) return `${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  return String(Number(digits));
}
