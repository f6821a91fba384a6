// Free strings (no enum, pattern or format): a drawn string within the length bounds, so a
// schema that forgot its enum or pattern shows what Kubernetes makes of arbitrary text.
import fc from 'fast-check';
import { typesOf } from '../json-schema.ts';
import type { ProbeBuilder } from './probe.ts';

export const stringProbes: ProbeBuilder = {
  family: 'free string',
  build(leaf, ctx) {
    const s = leaf.schema;
    if (!typesOf(s).includes('string') || s.enum || s.pattern !== undefined || s.format !== undefined) return [];
    const minLength = Math.max(1, s.minLength ?? 1);
    const { value, draw } = ctx.draw(fc.string({ minLength, maxLength: Math.max(minLength, Math.min(s.maxLength ?? 24, 24)) }), `${leaf.key}#string`);
    return [{ label: 'free string, drawn', side: 'inside', value, draw }];
  },
};
