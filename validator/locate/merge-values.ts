// The values a render sees, merged as Helm merges them: the chart's values.yaml, then each
// -f file in order; maps merge key by key, scalars and arrays replace, a null deletes the key.
// Its leaves (scalars, also inside arrays) are what locating perturbs (attribute-fields.ts).
import { isObject } from '../../core/is-object.ts';

export type ValuesScalar = string | number | boolean;

export interface ValuesLeaf {
  readonly segments: readonly (string | number)[];
  readonly value: ValuesScalar;
}

function mergeInto(base: Record<string, unknown>, overlay: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overlay)) {
    const current = out[key];
    if (value === null) delete out[key];
    else if (isObject(value) && isObject(current)) out[key] = mergeInto(current, value);
    else out[key] = value;
  }
  return out;
}

/** The layers first to last (the last wins); a layer that is not a map (an empty file) adds nothing. */
export function mergeValues(layers: readonly unknown[]): Record<string, unknown> {
  let merged: Record<string, unknown> = {};
  for (const layer of layers) if (isObject(layer)) merged = mergeInto(merged, layer);
  return merged;
}

/** Every scalar under `tree`, depth first in document order; nulls and empty strings are not leaves. */
export function valuesLeaves(tree: unknown, prefix: readonly (string | number)[] = []): ValuesLeaf[] {
  if (Array.isArray(tree)) return tree.flatMap((item, i) => valuesLeaves(item, [...prefix, i]));
  if (isObject(tree)) return Object.entries(tree).flatMap(([key, value]) => valuesLeaves(value, [...prefix, key]));
  if (typeof tree === 'number' || typeof tree === 'boolean' || (typeof tree === 'string' && tree !== '')) return [{ segments: prefix, value: tree }];
  return [];
}
