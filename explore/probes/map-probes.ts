// Typed maps (objects with free keys, e.g. annotations): empty, and one entry whose value
// the map's value schema accepts.
import { type JsonSchema, typesOf } from '../json-schema.ts';
import type { ProbeBuilder } from './probe.ts';

export const mapProbes: ProbeBuilder = {
  family: 'map',
  build(leaf, ctx) {
    const s = leaf.schema;
    if (!typesOf(s).includes('object') || s.properties) return [];
    const valueSchema: JsonSchema = typeof s.additionalProperties === 'object' ? s.additionalProperties : { type: 'string' };
    if (s.additionalProperties === false) return [{ label: 'empty map', side: 'inside', value: {} }];
    return [
      { label: 'empty map', side: 'inside', value: {} },
      { label: 'one entry', side: 'inside', value: { 'explore.bvchart.io/key': ctx.validValue(valueSchema, `${leaf.key}{}`) } },
    ];
  },
};
