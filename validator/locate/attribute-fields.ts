// Which values leaves feed which rendered fields, by group testing: render once with a group
// of leaves perturbed; a field that keeps its value is fed by none of them; a field that
// changes (or whose object is gone, or the render failed) sends the test down to each half;
// a single leaf whose perturbation changes the field feeds it. All fields of a render share
// the renders, level by level, so a field fed by k of n leaves costs about 2k·log2(n/k)
// renders, not n. A field still pending in more than `maxFeeders` groups of one level is fed
// by more keys than a person would read (a whole pod spec): it is given up as `broad`.
import type { ValuesLeaf } from './merge-values.ts';
import type { FieldTarget, RenderedFields } from './rendered-fields.ts';

/** Renders with these leaves perturbed: the render's fields, or undefined when the render failed. */
export type PerturbedRender = (leaves: readonly ValuesLeaf[]) => Promise<RenderedFields | undefined>;

export interface Attribution {
  /** Per target (same order): the indexes of the leaves that feed it, in leaf order. */
  readonly feeds: readonly (readonly number[])[];
  /** Per target: fed by more than maxFeeders leaves (its feeds are then incomplete). */
  readonly broad: readonly boolean[];
  /** Perturbed renders run. */
  readonly renders: number;
}

interface Group {
  readonly from: number;
  readonly to: number;
  readonly pending: readonly number[];
}

export const DEFAULT_MAX_FEEDERS = 8;

export async function attributeFields(
  base: RenderedFields,
  leaves: readonly ValuesLeaf[],
  targets: readonly FieldTarget[],
  render: PerturbedRender,
  maxFeeders: number = DEFAULT_MAX_FEEDERS,
): Promise<Attribution> {
  const feeds: number[][] = targets.map(() => []);
  const broad = targets.map(() => false);
  const baseline = targets.map((t) => base.field(t));
  let renders = 0;
  // Targets whose object is not in the base render cannot be watched.
  const watched = targets.map((_, i) => i).filter((i) => baseline[i] !== undefined);
  let level: Group[] = leaves.length > 0 && watched.length > 0 ? [{ from: 0, to: leaves.length, pending: watched }] : [];
  while (level.length > 0) {
    renders += level.length;
    const results = await Promise.all(level.map((g) => render(leaves.slice(g.from, g.to))));
    const next: Group[] = [];
    // Per target, the groups of this level where its field really changed (not a failed render or a vanished object).
    const changedIn = new Map<number, number>();
    level.forEach((group, gi) => {
      const fields = results[gi];
      const moved = group.pending.filter((t) => {
        const now = fields?.field(targets[t] as FieldTarget);
        if (now !== undefined && now !== baseline[t]) changedIn.set(t, (changedIn.get(t) ?? 0) + 1);
        return now === undefined || now !== baseline[t];
      });
      if (group.to - group.from === 1) {
        // A single leaf: a changed field is fed by it; a failed render or a vanished object says nothing.
        for (const t of moved) if (fields?.field(targets[t] as FieldTarget) !== undefined) feeds[t]?.push(group.from);
        return;
      }
      const mid = group.from + Math.ceil((group.to - group.from) / 2);
      next.push({ from: group.from, to: mid, pending: moved }, { from: mid, to: group.to, pending: moved });
    });
    // A field that changed in more disjoint groups than maxFeeders is fed by more leaves than that.
    for (const [t, n] of changedIn) if (n > maxFeeders) broad[t] = true;
    level = next.map((g) => ({ ...g, pending: g.pending.filter((t) => !broad[t]) })).filter((g) => g.pending.length > 0);
  }
  for (const f of feeds) f.sort((a, b) => a - b);
  return { feeds, broad, renders };
}
