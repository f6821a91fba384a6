// `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`, `multipleOf`: each bound,
// and the nearest value past it. An unbounded number gets one drawn value.
import fc from 'fast-check';
import { typesOf } from '../json-schema.ts';
import type { Probe, ProbeBuilder } from './probe.ts';

export const numberProbes: ProbeBuilder = {
  family: 'number bounds',
  build(leaf, ctx) {
    const s = leaf.schema;
    const types = typesOf(s);
    if (!types.includes('integer') && !types.includes('number')) return [];
    if (s.enum) return [];
    const integer = !types.includes('number');
    const step = integer ? 1 : 0.5;
    const out: Probe[] = [];
    if (s.minimum !== undefined)
      out.push(
        { label: `minimum ${s.minimum}`, side: 'inside', value: s.minimum },
        { label: `below minimum ${s.minimum}`, side: 'outside', value: s.minimum - step },
      );
    if (s.maximum !== undefined)
      out.push(
        { label: `maximum ${s.maximum}`, side: 'inside', value: s.maximum },
        { label: `above maximum ${s.maximum}`, side: 'outside', value: s.maximum + step },
      );
    if (typeof s.exclusiveMinimum === 'number')
      out.push(
        { label: `just above exclusiveMinimum ${s.exclusiveMinimum}`, side: 'inside', value: s.exclusiveMinimum + step },
        { label: `exclusiveMinimum ${s.exclusiveMinimum}`, side: 'outside', value: s.exclusiveMinimum },
      );
    if (typeof s.exclusiveMaximum === 'number')
      out.push(
        { label: `just below exclusiveMaximum ${s.exclusiveMaximum}`, side: 'inside', value: s.exclusiveMaximum - step },
        { label: `exclusiveMaximum ${s.exclusiveMaximum}`, side: 'outside', value: s.exclusiveMaximum },
      );
    if (s.multipleOf !== undefined) {
      const base = s.minimum ?? 0;
      const multiple = Math.ceil(base / s.multipleOf) * s.multipleOf;
      out.push(
        { label: `multipleOf ${s.multipleOf}`, side: 'inside', value: multiple + s.multipleOf },
        { label: `not a multiple of ${s.multipleOf}`, side: 'outside', value: multiple + s.multipleOf + (integer ? 1 : s.multipleOf / 2) },
      );
    }
    const low = s.minimum ?? (typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + step : undefined);
    if (low !== undefined && s.maximum === undefined && s.exclusiveMaximum === undefined) {
      // No upper bound: a drawn value above the minimum (shrinking walks it down to the real limit).
      const { value, draw } = ctx.draw(
        integer ? fc.integer({ min: low, max: low + 99_999 }) : fc.double({ min: low, max: low + 99_999, noNaN: true }),
        `${leaf.key}#above`,
      );
      out.push(
        { label: 'no maximum, drawn', side: 'inside', value, draw },
        { label: 'no maximum, far above the minimum', side: 'inside', value: low + 99_999 },
      );
    }
    if (s.minimum === undefined && s.maximum === undefined && s.exclusiveMinimum === undefined && s.exclusiveMaximum === undefined) {
      const { value, draw } = ctx.draw(
        integer ? fc.integer({ min: -1000, max: 100_000 }) : fc.double({ min: -1000, max: 100_000, noNaN: true }),
        `${leaf.key}#number`,
      );
      out.push({ label: 'unbounded, drawn', side: 'inside', value, draw }, { label: 'negative', side: 'inside', value: -1 });
    }
    return out;
  },
};
