// The pieces of locating that are plain data: Helm's merge of values layers, the leaves, the
// changed value of each shape, and the one extra values file a perturbed render layers last.
import { describe, expect, it } from 'vitest';
import { mergeValues, valuesLeaves } from '../../../validator/locate/merge-values.ts';
import { perturbValue } from '../../../validator/locate/perturb-value.ts';
import { perturbationValues } from '../../../validator/locate/perturbation-values.ts';

describe('mergeValues: as Helm layers values files', () => {
  it.each([
    ['maps merge key by key', [{ a: { b: 1, c: 2 } }, { a: { c: 3 } }], { a: { b: 1, c: 3 } }],
    ['arrays replace', [{ a: [1, 2, 3] }, { a: [4] }], { a: [4] }],
    ['a scalar replaces a map', [{ a: { b: 1 } }, { a: 'x' }], { a: 'x' }],
    ['null deletes the key', [{ a: { b: 1, c: 2 } }, { a: { b: null } }], { a: { c: 2 } }],
    ['an empty file adds nothing', [{ a: 1 }, null], { a: 1 }],
  ])('%s', (_name, layers, merged) => {
    expect(mergeValues(layers)).toEqual(merged);
  });
});

it('valuesLeaves: scalars, also inside arrays; nulls and empty strings are not leaves', () => {
  expect(valuesLeaves({ a: { b: 1, c: '' }, d: [{ e: true }, 'x'], f: null })).toEqual([
    { segments: ['a', 'b'], value: 1 },
    { segments: ['d', 0, 'e'], value: true },
    { segments: ['d', 1], value: 'x' },
  ]);
});

describe('perturbValue: a changed value of the same shape', () => {
  it.each([
    [3, 4],
    [0.5, 1.5],
    [true, false],
    ['512Mi', '513Mi'],
    ['10.0.0.0/8', '10.0.0.0/9'],
    ['0.0.0.0/0', '0.0.0.0/1'],
    ['10.1.2.3/32', '10.1.2.3/31'],
    ['10.1.2.3', '11.1.2.3'],
    ['Delete', 'Deletex'],
    ['99999999999999999999', '100000000000000000000'],
  ])('%j → %j', (value, changed) => {
    expect(perturbValue(value)).toEqual(changed);
  });
});

it('perturbationValues: keys written as maps, an array written whole with its elements changed', () => {
  const merged = { a: { b: 1, c: 2 }, list: [{ name: 'x', size: '1Gi' }, { name: 'y' }], keep: 5 };
  const leaves = [
    { segments: ['a', 'b'], value: 1 },
    { segments: ['list', 0, 'size'], value: '1Gi' },
    { segments: ['list', 1, 'name'], value: 'y' },
  ];
  expect(perturbationValues(merged, leaves)).toEqual({ a: { b: 2 }, list: [{ name: 'x', size: '2Gi' }, { name: 'yx' }] });
  // The merged values are not changed.
  expect(merged.list[0]).toEqual({ name: 'x', size: '1Gi' });
});
