// The flow stage's indexes answer "which could match?" with a superset of the exact answer in
// the original order (the caller applies its predicate), checked against a scan of every item
// over generated selectors and labels, including empty selectors, shared and rare pairs.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { LabelledIndex, RequiredLabelsIndex } from '../../../validator/flows/label-index.ts';
import { type Labels, matchesSelector } from '../../../validator/flows/label-selector.ts';

const labels: fc.Arbitrary<Labels> = fc.dictionary(fc.constantFrom('app', 'tier', 'release', 'k'), fc.constantFrom('a', 'b', 'c', '1'), { maxKeys: 3 });

it('RequiredLabelsIndex: every selector that matches the labels is a candidate, in order, once', () => {
  fc.assert(
    fc.property(fc.array(labels, { maxLength: 30 }), labels, (selectors, podLabels) => {
      const items = selectors.map((matchLabels, i) => ({ i, matchLabels }));
      const candidates = new RequiredLabelsIndex(items, (s) => s.matchLabels).candidates(podLabels);
      const exact = items.filter((s) => matchesSelector({ matchLabels: s.matchLabels }, podLabels));
      expect(candidates.filter((s) => matchesSelector({ matchLabels: s.matchLabels }, podLabels))).toEqual(exact);
      expect(new Set(candidates).size).toBe(candidates.length);
      expect(candidates.map((s) => s.i)).toEqual([...candidates.map((s) => s.i)].sort((a, b) => a - b));
    }),
    { seed: 14, numRuns: 500 },
  );
});

it('LabelledIndex: every item holding all required pairs is a candidate, in order; no requirement gives all items', () => {
  fc.assert(
    fc.property(fc.array(labels, { maxLength: 30 }), labels, (itemLabels, required) => {
      const items = itemLabels.map((l, i) => ({ i, l }));
      const index = new LabelledIndex(items, (x) => x.l);
      const holds = (x: { l: Labels }) => Object.entries(required).every(([k, v]) => x.l[k] === v);
      const candidates = index.candidates(required);
      expect(candidates.filter(holds)).toEqual(items.filter(holds));
      if (Object.keys(required).length === 0) expect(candidates).toEqual(items);
    }),
    { seed: 14, numRuns: 500 },
  );
});
