// Arrays: empty, one item, many items, and `minItems`/`maxItems` with one past each.
// Items are values the item schema accepts.

import type { JsonSchema } from '../json-schema.ts';
import { typesOf } from '../json-schema.ts';
import type { Probe, ProbeBuilder } from './probe.ts';

export const MANY_ITEMS = 3;

export const arrayProbes: ProbeBuilder = {
  family: 'array size',
  build(leaf, ctx) {
    const s = leaf.schema;
    if (!typesOf(s).includes('array') || s.enum) return [];
    const itemSchema: JsonSchema = s.items && !Array.isArray(s.items) ? (s.items as JsonSchema) : {};
    const items = (n: number) => Array.from({ length: n }, (_, i) => ctx.validValue(itemSchema, `${leaf.key}[${i}]`));
    const out: Probe[] = [];
    const sizes = new Map<number, string>([
      [0, 'empty'],
      [1, 'one item'],
      [Math.max(MANY_ITEMS, s.minItems ?? 0), 'many items'],
    ]);
    if (s.minItems !== undefined) sizes.set(s.minItems, `minItems ${s.minItems}`);
    if (s.maxItems !== undefined) sizes.set(s.maxItems, `maxItems ${s.maxItems}`);
    for (const [n, label] of sizes) {
      const inside = n >= (s.minItems ?? 0) && n <= (s.maxItems ?? Infinity);
      out.push({ label, side: inside ? 'inside' : 'outside', value: items(n) });
    }
    if (s.minItems !== undefined && s.minItems > 0) out.push({ label: `below minItems ${s.minItems}`, side: 'outside', value: items(s.minItems - 1) });
    if (s.maxItems !== undefined) out.push({ label: `above maxItems ${s.maxItems}`, side: 'outside', value: items(s.maxItems + 1) });
    return out;
  },
};
