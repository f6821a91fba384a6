// Documents the plain decoder reads itself, which used to need the full decoder (the `yaml`
// syntax tree, 50 ms to load and a cold start on every run that met one): keys written twice
// when go-yaml reads both as strings, and a flow collection as a flow map's key (`{{x}}`, an
// unrendered template), which go-yaml refuses. For each, the plain decoder's answer is the full
// decoder's to the position: the value and the repeated keys, or the error. The Go decoder
// judges the same documents in decode-differential.test.ts (yaml-corpus.ts).
import { describe, expect, it } from 'vitest';
import { type DecodeResult, decodeYamlDocument } from '../../../validator/parse/decode-yaml.ts';

const READ: readonly [string, string][] = [
  ['a repeated top-level key', 'kind: Secret\ntype: a\nmetadata:\n  name: x\ntype: b\n'],
  ['a repeated key starting like a boolean', 'type: a\n"type": b\n'],
  ['a repeated map key in a list item', 'l:\n- k: 1\n  k: 2\n'],
  ['a repeat inside the repeated key’s value', 'a: 1\na:\n  b: 1\n  b: 2\n'],
  ['a repeat in a flow map', 'm: {type: 1, type: 2}\n'],
  ['CRLF line ends', 'a: 1\r\nb:\r\n  c: 1\r\n  c: 2\r\n'],
  ['a map as a flow map key', 'data:\n  config: {{config_data}}\n'],
  ['a template with spaces', 'metadata:\n  name: {{ .Values.name }}\n'],
  ['a list as a flow map key', 'm: {[a, b]: 1, c: 2}\n'],
  ['the first of two invalid keys', 'labels:\n  cell: {{cell}}\n  app: x\nother: {{cell}}\n'],
  ['a flow map key without a value', 'm: {a, b: 1}\n'],
];

const LEFT: readonly [string, string][] = [
  ['keys go-yaml tells apart that collide in JSON', '1: a\n"1": b\n'],
  ['a boolean and a string key', 'True: a\n"true": b\n'],
  ['a float key and the string Go prints for it', '1e6: a\n"1e+06": b\n'],
  ['an invalid key before a syntax error', 'm: {{a}}\nn: [unclosed\n'],
];

const answer = (result: DecodeResult) => (result.ok ? { value: result.value, duplicates: result.duplicates } : result.error);

describe('the plain decoder reads', () => {
  it.each(READ)('%s, as the full decoder does', (_, text) => {
    const plain = decodeYamlDocument(text, { lineOffset: 3, parser: 'plain' });
    expect(plain.ok || plain.declined !== true).toBe(true);
    expect(answer(plain)).toEqual(answer(decodeYamlDocument(text, { lineOffset: 3, parser: 'full' })));
  });

  it('the cases are not trivial: repeats and errors with positions', () => {
    const results = READ.map(([, text]) => decodeYamlDocument(text, { parser: 'plain' }));
    expect(results.filter((r) => r.ok && r.duplicates.length > 0 && r.duplicates.every((d) => d.position !== undefined))).toHaveLength(6);
    expect(results.filter((r) => !r.ok && r.error.code === 'invalid-key' && r.error.position !== undefined)).toHaveLength(4);
  });
});

describe('the plain decoder leaves to the full decoder', () => {
  it.each(LEFT)('%s', (_, text) => {
    const plain = decodeYamlDocument(text, { parser: 'plain' });
    expect(!plain.ok && plain.declined === true).toBe(true);
  });
});
