// `minLength` and `maxLength`: a string of exactly the bound, and one character past it.
// The string is built from a character the leaf's pattern allows, so only the length is off.
import { type JsonSchema, typesOf } from '../json-schema.ts';
import type { Probe, ProbeBuilder } from './probe.ts';

export function stringOfLength(schema: JsonSchema, length: number): string {
  const pattern = schema.pattern !== undefined ? new RegExp(schema.pattern, 'u') : undefined;
  for (const unit of ['a', '0', 'A', 'a-', '/a', 'x.']) {
    let s = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
    if (unit.startsWith('/')) s = `/${'a'.repeat(Math.max(0, length - 1))}`.slice(0, length);
    if (!pattern || pattern.test(s)) return s;
  }
  return 'a'.repeat(length);
}

export const lengthProbes: ProbeBuilder = {
  family: 'string length',
  build(leaf) {
    const s = leaf.schema;
    if (!typesOf(s).includes('string') || s.enum) return [];
    const out: Probe[] = [];
    if (s.minLength !== undefined && s.minLength > 0) {
      out.push({ label: `minLength ${s.minLength}`, side: 'inside', value: stringOfLength(s, s.minLength) });
      out.push({ label: `below minLength ${s.minLength}`, side: 'outside', value: stringOfLength(s, s.minLength - 1) });
    }
    if (s.maxLength !== undefined) {
      out.push({ label: `maxLength ${s.maxLength}`, side: 'inside', value: stringOfLength(s, s.maxLength) });
      out.push({ label: `above maxLength ${s.maxLength}`, side: 'outside', value: stringOfLength(s, s.maxLength + 1) });
    }
    return out;
  },
};
