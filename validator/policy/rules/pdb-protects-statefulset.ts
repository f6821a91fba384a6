import { get } from '../../../core/object-path.ts';
import { pdbAllowedDisruptions } from '../disruption-budget.ts';
import type { SetRule, Violation } from '../rule.ts';

/**
 * The declared bound must keep 75% serving: a percentage of at most 25% unavailable, or a
 * count no larger than 25% of the pods (one pod is always allowed, so drains can proceed).
 */
function boundProblem(pdb: unknown, allowed: number, replicas: number): string | undefined {
  const maxUnavailable = get(pdb, 'spec.maxUnavailable');
  const minAvailable = get(pdb, 'spec.minAvailable');
  const declared = maxUnavailable ?? minAvailable;
  if (typeof declared === 'string' && declared.endsWith('%')) {
    const pct = Number.parseInt(declared, 10);
    const unavailable = maxUnavailable !== undefined ? pct : 100 - pct;
    return unavailable > 25 ? `the budget allows ${unavailable}% unavailable, more than 25%` : undefined;
  }
  const limit = Math.max(1, Math.floor(replicas / 4));
  return allowed > limit ? `at ${replicas} replicas the budget allows ${allowed} pods down, more than 25%` : undefined;
}

export const pdbProtectsStatefulSet: SetRule = {
  id: 'pdb-protects-statefulset',
  severity: 'error',
  rationale: 'R12: node drains keep at least 75% serving, yet can still proceed one pod at a time.',
  remediation: 'Add a policy/v1 PodDisruptionBudget selecting the pods with maxUnavailable: 25%.',
  kinds: ['StatefulSet', 'PodDisruptionBudget'],
  scope: 'set',
  check: (set) => {
    const out: Violation[] = [];
    for (const sts of set.ofKind('StatefulSet')) {
      const pdb = set.disruptionBudgetOf(sts);
      if (!pdb) {
        out.push({ resource: sts, message: "no PodDisruptionBudget selects the StatefulSet's pods", pointer: '/spec/template/metadata/labels' });
        continue;
      }
      const min = set.minReplicas(sts);
      const allowed = pdbAllowedDisruptions(pdb.object, min);
      if (allowed === undefined) {
        out.push({ resource: pdb, message: 'the PodDisruptionBudget sets neither maxUnavailable nor minAvailable', pointer: '/spec' });
        continue;
      }
      if (allowed < 1) out.push({ resource: pdb, message: `at ${min} replicas the budget allows no disruption: node drains would block`, pointer: '/spec' });
      const problem = boundProblem(pdb.object, allowed, min);
      if (problem) out.push({ resource: pdb, message: problem, pointer: '/spec' });
    }
    return out;
  },
};
