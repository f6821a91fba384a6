// `pattern`: strings generated to match it (fast-check's stringMatching, so no hand-written
// regex sampler), and one string that does not match.
import fc from 'fast-check';
import { typesOf } from '../json-schema.ts';
import type { Probe, ProbeBuilder } from './probe.ts';

/** Matches drawn per pattern: boundaries of a pattern are its many shapes. */
export const PATTERN_DRAWS = 3;

const NON_MATCHING = ['', ' ', 'Not Valid!', '-', '..', '%', '\u00e9', '0'];

export const patternProbes: ProbeBuilder = {
  family: 'pattern',
  build(leaf, ctx) {
    const s = leaf.schema;
    if (s.pattern === undefined || !typesOf(s).includes('string') || s.enum) return [];
    const regex = new RegExp(s.pattern, 'u');
    const out: Probe[] = [];
    let arbitrary: fc.Arbitrary<string> | undefined;
    try {
      arbitrary = fc.stringMatching(new RegExp(s.pattern));
    } catch {
      arbitrary = undefined; // a construct stringMatching does not support: only the non-match is tried
    }
    for (let i = 1; arbitrary && i <= PATTERN_DRAWS; i++) {
      const { value, draw } = ctx.draw(arbitrary, `${leaf.key}#pattern${i}`);
      out.push({ label: `pattern match ${i}`, side: 'inside', value, draw });
    }
    const miss = NON_MATCHING.find((c) => !regex.test(c));
    if (miss !== undefined) out.push({ label: 'pattern non-match', side: 'outside', value: miss });
    return out;
  },
};
