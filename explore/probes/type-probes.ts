// `type`: one value of a type the leaf does not admit. (null is not used: Helm reads a null
// override as "delete the key", so the default would come back.)
import { typesOf } from '../json-schema.ts';
import type { ProbeBuilder } from './probe.ts';

const WRONG: readonly [string, unknown][] = [
  ['string', 'not-of-this-type'],
  ['integer', 7],
  ['boolean', true],
  ['object', { unexpected: 'map' }],
  ['array', ['unexpected', 'list']],
];

export const typeProbes: ProbeBuilder = {
  family: 'type',
  build(leaf) {
    const types = typesOf(leaf.schema);
    if (types.length === 0) return [];
    const admits = (t: string) => types.includes(t as never) || (t === 'integer' && types.includes('number'));
    const wrong = WRONG.find(([t]) => !admits(t));
    return wrong ? [{ label: `wrong type (${wrong[0]})`, side: 'outside', value: wrong[1] }] : [];
  },
};
