// Booleans and enums combined pairwise: a covering array in which every pair of values of
// every two parameters appears in at least one row (greedy, AETG-style), far fewer rows
// than the full product.
export interface PairwiseParameter {
  readonly key: string;
  readonly values: readonly unknown[];
}

export type PairwiseRow = readonly unknown[];

/** mulberry32: a small seeded generator for tie-breaks and orders. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pairId = (i: number, a: number, j: number, b: number) => (i < j ? `${i}:${a}|${j}:${b}` : `${j}:${b}|${i}:${a}`);

/** Rows of value indexes into each parameter's `values`. */
export function coveringArray(params: readonly PairwiseParameter[], seed: number, candidates = 16): number[][] {
  const random = seededRandom(seed);
  const uncovered = new Set<string>();
  for (let i = 0; i < params.length; i++)
    for (let j = i + 1; j < params.length; j++)
      for (let a = 0; a < (params[i]?.values.length ?? 0); a++) for (let b = 0; b < (params[j]?.values.length ?? 0); b++) uncovered.add(pairId(i, a, j, b));
  const rows: number[][] = [];
  if (params.length === 0) return rows;
  while (uncovered.size > 0) {
    const [first] = uncovered;
    const [i0 = 0, a0 = 0, j0 = 0, b0 = 0] = (first ?? '0:0|0:0').split(/[|:]/).map(Number);
    let best: { row: number[]; covers: number } | undefined;
    for (let c = 0; c < candidates; c++) {
      const row = new Array<number>(params.length).fill(-1);
      row[i0] = a0;
      row[j0] = b0;
      const order = params.map((_, k) => k).filter((k) => k !== i0 && k !== j0);
      for (let k = order.length - 1; k > 0; k--) {
        const r = Math.floor(random() * (k + 1));
        [order[k], order[r]] = [order[r] ?? 0, order[k] ?? 0];
      }
      for (const p of order) {
        let bestValue = 0;
        let bestGain = -1;
        for (let v = 0; v < (params[p]?.values.length ?? 0); v++) {
          let gain = 0;
          row.forEach((w, q) => {
            if (w >= 0 && q !== p && uncovered.has(pairId(p, v, q, w))) gain++;
          });
          if (gain > bestGain || (gain === bestGain && random() < 0.5)) [bestValue, bestGain] = [v, gain];
        }
        row[p] = bestValue;
      }
      let covers = 0;
      for (let p = 0; p < row.length; p++) for (let q = p + 1; q < row.length; q++) if (uncovered.has(pairId(p, row[p] ?? 0, q, row[q] ?? 0))) covers++;
      if (!best || covers > best.covers) best = { row, covers };
    }
    const row = best?.row ?? [];
    for (let p = 0; p < row.length; p++) for (let q = p + 1; q < row.length; q++) uncovered.delete(pairId(p, row[p] ?? 0, q, row[q] ?? 0));
    rows.push(row);
  }
  return rows;
}
