// Shrinking a failing case to the smallest one that still fails the same way (same oracle,
// same place): the release name and namespace back to the defaults, assignments removed
// (delta debugging, halves first), then each drawn value shrunk by fast-check from the
// seed it was drawn with.
import fc from 'fast-check';
import { type CaseAssignment, DEFAULT_NAMESPACE, DEFAULT_RELEASE, type ExploreCase } from './cases.ts';

export type StillFails = (candidate: ExploreCase) => Promise<boolean>;

export interface ShrinkOptions {
  /** Time allowed to shrink one drawn value (Helm renders are the cost). */
  readonly valueTimeLimitMs?: number;
}

export interface ShrinkResult {
  readonly case: ExploreCase;
  /** Candidates tried. */
  readonly steps: number;
}

async function removeAssignments(c: ExploreCase, fails: StillFails): Promise<ExploreCase> {
  let current = c;
  let chunks = 2;
  while (current.assignments.length > 0) {
    const list = current.assignments;
    const size = Math.ceil(list.length / chunks);
    let reduced = false;
    for (let start = 0; start < list.length; start += size) {
      const candidate = { ...current, assignments: [...list.slice(0, start), ...list.slice(start + size)] };
      if (await fails(candidate)) {
        current = candidate;
        chunks = Math.max(chunks - 1, 2);
        reduced = true;
        break;
      }
    }
    if (!reduced) {
      if (size <= 1) break;
      chunks = Math.min(chunks * 2, list.length);
    }
  }
  return current;
}

export async function shrinkCase(c: ExploreCase, stillFails: StillFails, options: ShrinkOptions = {}): Promise<ShrinkResult> {
  let steps = 0;
  const fails: StillFails = async (candidate) => {
    steps++;
    return stillFails(candidate);
  };
  let current = c;
  if (current.releaseName !== DEFAULT_RELEASE && (await fails({ ...current, releaseName: DEFAULT_RELEASE })))
    current = { ...current, releaseName: DEFAULT_RELEASE };
  if (current.namespace !== DEFAULT_NAMESPACE && (await fails({ ...current, namespace: DEFAULT_NAMESPACE })))
    current = { ...current, namespace: DEFAULT_NAMESPACE };
  current = await removeAssignments(current, fails);

  for (let i = 0; i < current.assignments.length; i++) {
    const assignment = current.assignments[i] as CaseAssignment;
    if (!assignment.draw) continue;
    const withValue = (value: unknown): ExploreCase => ({ ...current, assignments: current.assignments.map((a, j) => (j === i ? { ...a, value } : a)) });
    const result = await fc.check(
      fc.asyncProperty(assignment.draw.arbitrary, async (value) => !(await fails(withValue(value)))),
      { seed: assignment.draw.seed, numRuns: 1, interruptAfterTimeLimit: options.valueTimeLimitMs ?? 20_000, markInterruptAsFailure: false },
    );
    const counterexample = result.counterexample?.[0];
    if (result.failed && counterexample !== undefined) current = withValue(counterexample);
  }
  return { case: current, steps };
}
