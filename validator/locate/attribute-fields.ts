// Which values leaves feed which rendered fields, by group testing: render once with a group
// of leaves perturbed; a field that keeps its value is fed by none of them; a field that
// changes (or whose object is gone, or the render failed) sends the test down to each half;
// a single leaf whose perturbation changes the field feeds it. All fields of a render share
// the renders, so a field fed by k of n leaves costs about k·log2(n) renders, not n.
import type { ValuesLeaf } from './merge-values.ts';
import type { FieldTarget, RenderedFields } from './rendered-fields.ts';

/** Renders with these leaves perturbed: the render's fields, or undefined when the render failed. */
export type PerturbedRender = (leaves: readonly ValuesLeaf[]) => Promise<RenderedFields | undefined>;

export interface Attribution {
  /** Per target (same order): the indexes of the leaves that feed it, in leaf order. */
  readonly feeds: readonly (readonly number[])[];
  /** Perturbed renders run. */
  readonly renders: number;
}

export async function attributeFields(
  base: RenderedFields,
  leaves: readonly ValuesLeaf[],
  targets: readonly FieldTarget[],
  render: PerturbedRender,
): Promise<Attribution> {
  const feeds: number[][] = targets.map(() => []);
  const baseline = targets.map((t) => base.field(t));
  let renders = 0;
  const test = async (from: number, to: number, pending: readonly number[]): Promise<void> => {
    if (pending.length === 0 || to <= from) return;
    renders += 1;
    const fields = await render(leaves.slice(from, to));
    const moved = pending.filter((t) => {
      const target = targets[t] as FieldTarget;
      const now = fields?.field(target);
      return now === undefined || now !== baseline[t];
    });
    if (to - from === 1) {
      // A single leaf: a changed field is fed by it; a failed render or a vanished object says nothing.
      for (const t of moved) if (fields?.field(targets[t] as FieldTarget) !== undefined) feeds[t]?.push(from);
      return;
    }
    const mid = from + Math.ceil((to - from) / 2);
    await Promise.all([test(from, mid, moved), test(mid, to, moved)]);
  };
  // Targets whose object is not in the base render cannot be watched.
  await test(
    0,
    leaves.length,
    targets.map((_, i) => i).filter((i) => baseline[i] !== undefined),
  );
  for (const f of feeds) f.sort((a, b) => a - b);
  return { feeds, renders };
}
