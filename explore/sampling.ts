// Seeded draws from fast-check arbitraries. Every draw has its own seed, derived from the
// run's seed and a label, so one case can be replayed (and shrunk) without the others.
import fc from 'fast-check';

/** FNV-1a of the label, mixed with the run's seed: a stable 31-bit seed per draw. */
export function seedFor(runSeed: number, label: string): number {
  let h = 0x811c9dc5 ^ (runSeed >>> 0);
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & 0x7fffffff;
}

/** A value drawn from an arbitrary with its seed: `fc.check` with the same seed sees it first. */
export interface Draw {
  readonly arbitrary: fc.Arbitrary<unknown>;
  readonly seed: number;
}

export function drawOne<T>(arbitrary: fc.Arbitrary<T>, seed: number): T {
  const [value] = fc.sample(arbitrary, { seed, numRuns: 1 });
  return value as T;
}
