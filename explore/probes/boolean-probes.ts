// Booleans: both values (the wrong-type probe covers the outside; pairs come from pairwise).
import { typesOf } from '../json-schema.ts';
import type { ProbeBuilder } from './probe.ts';

export const booleanProbes: ProbeBuilder = {
  family: 'boolean',
  build(leaf) {
    const types = typesOf(leaf.schema);
    if (types.length !== 1 || types[0] !== 'boolean' || leaf.schema.enum) return [];
    return [
      { label: 'true', side: 'inside', value: true },
      { label: 'false', side: 'inside', value: false },
    ];
  },
};
