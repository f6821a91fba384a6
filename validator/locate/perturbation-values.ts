// The one extra values file a perturbed render layers last: each perturbed leaf at its key; a
// leaf inside an array rewrites the array whole (Helm replaces arrays, it does not merge them),
// copied from the merged values with the element changed.
import { isObject } from '../../core/is-object.ts';
import type { ValuesLeaf } from './merge-values.ts';
import { perturbValue } from './perturb-value.ts';

type Container = Record<string, unknown> | unknown[];

function childOf(node: Container, seg: string | number): unknown {
  return Array.isArray(node) ? node[Number(seg)] : node[String(seg)];
}

function setChild(node: Container, seg: string | number, value: unknown): void {
  if (Array.isArray(node)) node[Number(seg)] = value;
  else node[String(seg)] = value;
}

export function perturbationValues(merged: Record<string, unknown>, leaves: readonly ValuesLeaf[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const leaf of leaves) {
    let node: Container = out;
    let source: unknown = merged;
    const segs = leaf.segments;
    for (let i = 0; i < segs.length - 1; i++) {
      const seg = segs[i] as string | number;
      source = isObject(source) || Array.isArray(source) ? childOf(source as Container, seg) : undefined;
      let next = childOf(node, seg);
      if (next === undefined) {
        // The first array on the way is copied whole; maps above it are written key by key.
        next = Array.isArray(source) ? structuredClone(source) : {};
        setChild(node, seg, next);
      }
      node = next as Container;
    }
    setChild(node, segs[segs.length - 1] as string | number, perturbValue(leaf.value));
  }
  return out;
}
