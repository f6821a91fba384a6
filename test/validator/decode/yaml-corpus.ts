// The decoding corpus: YAML streams (as bytes) covering every scalar form of YAML 1.1 and
// 1.2, keys, anchors, merges, tags, byte order marks, document markers and encodings. The
// differential test decodes each with the Go reference (toolchain/go/yaml-decode) and with
// ours. Built from tables, so a new form is one line.

/** Scalar spellings whose meaning differs between YAML 1.1, YAML 1.2 and go-yaml. */
export const SCALARS: readonly string[] = [
  // booleans (YAML 1.1 words; 1.2 has only true/false)
  'yes', 'Yes', 'YES', 'no', 'No', 'NO', 'y', 'Y', 'n', 'N', 'on', 'On', 'ON', 'off', 'Off', 'OFF',
  'true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'tRue', 'yEs', 'oN',
  // nulls
  'null', 'Null', 'NULL', '~', 'nUll',
  // integers: bases, signs, underscores, octal with a leading 0, limits
  '0', '-0', '+0', '00', '0755', '0o755', '0O755', '0x1F', '0X1f', '0b101', '0B101', '-0b101', '+0b101', '-0x1F', '+12',
  '1_000', '1__0', '_1', '1_', '0x_1F', '0b1_01', '08', '09.5', '0o', '0x', '0b',
  '9223372036854775807', '9223372036854775808', '18446744073709551615', '18446744073709551616',
  '-9223372036854775808', '-9223372036854775809', '9007199254740993', '0x7fffffffffffffff', '0xffffffffffffffff', '0x10000000000000000',
  // floats
  '1.5', '1.', '.5', '-.5', '+.5', '1e3', '1E3', '1e+3', '1.5e-3', '1e400', '-1e400', '1e-400', '0.1', '3.14159265358979',
  '1e6', '123456789.0', '1.0', '-1.0', '1_000.5', '.5_0', '6.8523015e+5', '685.230_15e+03',
  '.inf', '.Inf', '.INF', '-.inf', '+.inf', '-.Inf', '.nan', '.NaN', '.NAN', '.iNf', 'inf', 'nan', 'NaN', 'Infinity', '.', '.e1',
  // sexagesimal (YAML 1.1), times and timestamps
  '190:20:30', '1:20', '-1:20', '190:20:30.15', '12:30:00',
  '2001-12-14', '2001-12-14t21:59:43.10-05:00', '2001-12-14T21:59:43.10Z', '2001-12-14 21:59:43.10 -5', '2001-12-14 21:59:43.10',
  '2002-02-30', '2001-1-2', '2001-13-01', '20011214',
  // strings that look like something else
  '-', '+', '1,000', '1 000', '0.0.1', 'v1', '1.2.3', '=', '<<', '0x1G', '1e', '1e+', 'e1', '0.', '-.', '+.',
];

/** Ways a scalar appears in a document. */
export const PLACEMENTS: readonly ((s: string) => string)[] = [
  (s) => `v: ${s}\n`,
  (s) => `v: '${s}'\n`,
  (s) => `v: "${s}"\n`,
  (s) => `${s}: x\n`,
  (s) => `"${s}": x\n`,
  (s) => `v: [${s}]\n`,
  (s) => `v: {${s}: x}\n`,
  (s) => `- ${s}\n`,
];

export const TAGS: readonly string[] = ['!!str', '!!int', '!!float', '!!bool', '!!null', '!!timestamp', '!custom', '!', '!!map', '!!seq'];

/** Documents about structure: anchors, merges, keys, tags, strings. */
export const DOCUMENTS: readonly string[] = [
  // anchors and aliases
  'a: &x 1\nb: *x\n',
  'a: &m {k: v}\nb: *m\n',
  'a: &s [1, 2]\nb: *s\n',
  'a: *nope\n',
  'a: &x\n  b: *x\n',
  // merge keys (go-yaml v2: document order, later keys win)
  'base: &b {a: 1, b: 2}\nobj:\n  <<: *b\n  b: 3\n',
  'base: &b {a: 1, b: 2}\nobj:\n  b: 3\n  <<: *b\n',
  'x: &x {a: 1}\ny: &y {a: 2, b: 2}\nobj:\n  <<: [*x, *y]\n',
  'obj:\n  <<: {a: 1}\n  c: 3\n',
  'obj:\n  <<: 1\n',
  'obj:\n  <<: [1]\n',
  'obj:\n  <<: ~\n',
  'l: &l [1]\nobj:\n  <<: *l\n',
  'obj:\n  !!merge <<: {a: 1}\n',
  'obj:\n  "<<": {a: 1}\n',
  "obj:\n  '<<': 1\n",
  'obj:\n  !!str <<: {a: 1}\n',
  'a: &a {x: 1}\nb: &b\n  <<: *a\n  y: 2\nc:\n  <<: *b\n  z: 3\n',
  'spec:\n  template: &t\n    metadata:\n      labels: {app: x}\n  other:\n    <<: *t\n',
  // duplicate keys
  'a: 1\na: 2\n',
  'a: 1\n"a": 2\n',
  '1: a\n"1": b\n',
  'yes: a\ntrue: b\n',
  '1: a\n01: b\n',
  'm: {a: 1, a: 2}\n',
  'base: &b {a: 1}\nobj:\n  a: 0\n  <<: *b\n',
  // keys Kubernetes refuses or converts
  '~: 1\n',
  'null: 1\n',
  ': 1\n',
  '? \n: 1\n',
  '"null": 1\n',
  '? [a, b]\n: 1\n',
  '[a, b]: 1\n',
  '{a: 1}: 2\n',
  '? {a: 1}\n: 2\n',
  '18446744073709551615: x\n',
  '1.5: a\n1e6: b\n0.1: c\n1e30: d\n123456789.0: e\n.inf: f\n-.inf: g\n.nan: h\n',
  'true: a\nno: b\n',
  '2001-12-14: a\n',
  '!!binary aGVsbG8=: a\n',
  '__proto__: 1\nconstructor: 2\n',
  // values JSON cannot hold
  'a: .nan\n',
  'a: [.inf]\n',
  // tags on collections and values
  'a: !!binary aGVsbG8=\n',
  'a: !!binary |\n  aGVs\n  bG8=\n',
  'a: !!binary not-base64!\n',
  'a: !!map {b: 1}\n',
  'a: !!seq [1]\n',
  'a: !!str [1]\n',
  '!!map\na: 1\n',
  '%TAG !k! tag:yaml.org,2002:\n---\na: !k!int "12"\n',
  'a: !<tag:yaml.org,2002:int> "7"\n',
  // strings: escapes, block scalars, folding
  'a: "\\x41\\u00e9\\U0001F600\\_\\N\\L\\P\\e\\/\\ \\t\\0"\n',
  "a: 'it''s'\n",
  'a: |\n  line1\n  line2\n',
  'a: >\n  folded\n  text\n\n  para\n',
  'a: |-\n  x\n',
  'a: >+\n  x\n\n',
  'a: |2\n    indented\n',
  'a: plain\n  continued\n  lines\n',
  'a: "multi\n  line"\n',
  'a: # comment\n  1\n',
  'a: x #not a comment\n',
  'a: x#y\n',
  // collections
  'a: []\nb: {}\nc:\nd: [a, [b, {c: d}]]\n',
  '- a\n- - b\n  - c\n- k: v\n',
  'a:\n- 1\n- 2\n',
  '[1, 2]\n',
  'just a string\n',
  '42\n',
  '',
  '# only a comment\n',
  '\n\n',
  // syntax go-yaml and YAML 1.2 parsers may judge differently
  'a:\n\t- 1\n',
  'a: b: c\n',
  'a: [1, 2\n',
  'a: "unterminated\n',
  'a:\n  - 1\n - 2\n',
  'a: 1\n  b: 2\n',
  '@a: 1\n',
  '`a: 1\n',
  'a: @b\n',
  'a: |\n  x\n y\n',
  '- a\nb: 1\n',
  'a: {b: 1,}\n',
  'a: [b,]\n',
  'a: {b}\n',
  'a: {b: 1, [c]}\n',
  'a: {b: 1, {c: d}}\n',
  'a: [[1, 2], {b: [3]}]\n',
  'a: "x\\/y"\n',
  "a: 'x\\/y'\n",
  'a: x\\/y\n',
  'a: [b: c]\n',
  'a: 1\n---\n',
  'a:    \t1\n',
  'a: \t\n',
  'key with spaces: v\n',
  "'quoted key': v\n",
  'a: -1\nb: - 1\n',
  '%YAML 1.1\n---\na: yes\n',
  '%YAML 1.2\n---\na: yes\n',
  '%YAML 2.0\n---\na: 1\n',
];

/** Streams about document markers, line ends and byte order marks. */
export const STREAMS: readonly string[] = [
  'a: 1\n---\nb: 2\n',
  '---\na: 1\n---\n---\nb: 2\n---\n',
  'a: 1\n---apiVersion: v1\nkind: X\n',
  'a: 1\n---------\nb: 2\n',
  'a: 1\n--- # comment\nb: 2\n',
  'a: 1\n---\t\nb: 2\n',
  'a: 1\n--- |\n  text\n',
  'a: 1\n--- {b: 2}\n',
  'a: 1\n--- !!map\nb: 2\n',
  'a: 1\n...\nb: 2\n',
  'a: 1\n...\n---\nb: 2\n',
  'a: 1\n...\ngarbage: [\n',
  ' ---\na: 1\n',
  'a: "x\n---\ny"\n',
  'a: |\n  x\n---\n  y\n',
  'a: 1\r\nb: 2\r\n---\r\nc: 3\r\n',
  'a: 1\r\n---apiVersion: v1\r\n',
  '\uFEFFa: 1\n',
  '---\n\uFEFFapiVersion: v1\nkind: ConfigMap\n',
  'a: 1\n\uFEFF---\nb: 2\n',
  'a: x\uFEFFy\n',
  '\uFEFF---\na: 1\n',
  'a: 1\n---\n# only a comment\n---\nb: 2\n',
  '---\n---\n',
];

const enc = (s: string) => Buffer.from(s, 'utf8');

/** Streams that are about bytes: invalid UTF-8, control characters, UTF-16. */
export const BYTE_STREAMS: readonly Buffer[] = [
  Buffer.concat([enc('a: "'), Buffer.from([0xff, 0xfe]), enc('"\n')]),
  Buffer.concat([enc('a: x'), Buffer.from([0xc3]), enc('\n')]),
  Buffer.concat([enc('a: x'), Buffer.from([0xe2, 0x82]), enc('y\n')]),
  Buffer.concat([enc('a: 1\n---\nb: '), Buffer.from([0x80]), enc('\n---\nc: 3\n')]),
  Buffer.concat([Buffer.from([0xc0, 0xaf]), enc(': 1\n')]),
  Buffer.concat([enc('a: '), Buffer.from([0xed, 0xa0, 0x80]), enc('\n')]),
  enc('a: x\u0001y\n'),
  enc('a: "x\u0007y"\n'),
  enc('a: x\u007fy\n'),
  enc('a: x\u0085y\n'),
  enc('a: x\u0090y\n'),
  enc('a: x\uFFFEy\n'),
  enc('a: \u00e9\u4e2d\u{1F600}\n'),
  Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a: 1\nb: yes\n', 'utf16le')]),
  Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a: 1\n---\nb: 2\n', 'utf16le')]),
];

/** Every stream of the corpus, as bytes, with a label for failures. */
export function corpus(): { label: string; bytes: Buffer }[] {
  const out: { label: string; bytes: Buffer }[] = [];
  SCALARS.forEach((s) => PLACEMENTS.forEach((place, i) => out.push({ label: `scalar ${JSON.stringify(s)} placement ${i}`, bytes: enc(place(s)) })));
  for (const tag of TAGS) {
    for (const s of ['12', '1.5', 'yes', 'null', '', '2001-12-14', 'abc', '0x1F', '"12"', "'yes'", '.inf']) {
      out.push({ label: `tag ${tag} ${s}`, bytes: enc(`v: ${tag} ${s}\n`) });
    }
  }
  DOCUMENTS.forEach((d) => out.push({ label: `document ${JSON.stringify(d)}`, bytes: enc(d) }));
  STREAMS.forEach((s) => out.push({ label: `stream ${JSON.stringify(s)}`, bytes: enc(s) }));
  BYTE_STREAMS.forEach((b, i) => out.push({ label: `bytes ${i}: ${b.toString('hex').slice(0, 40)}`, bytes: b }));
  return out;
}
