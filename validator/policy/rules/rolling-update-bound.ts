import { get } from '../../../core/object-path.ts';
import { pdbAllowedDisruptions } from '../disruption-budget.ts';
import { scaled } from '../rendered-set.ts';
import type { SetRule, Violation } from '../rule.ts';

export const rollingUpdateBound: SetRule = {
  id: 'rolling-update-bound',
  severity: 'error',
  rationale: 'R12: updates go out in batches with at most 25% unavailable, the same bound the PDB keeps during drains.',
  remediation: 'Use updateStrategy RollingUpdate with rollingUpdate.maxUnavailable at most 25% and no looser than the PDB.',
  kinds: ['StatefulSet', 'PodDisruptionBudget'],
  scope: 'set',
  check: (set) => {
    const out: Violation[] = [];
    for (const sts of set.ofKind('StatefulSet')) {
      const type = get(sts.object, 'spec.updateStrategy.type') ?? 'RollingUpdate';
      if (type !== 'RollingUpdate') {
        out.push({ resource: sts, message: `updateStrategy is ${String(type)}: image changes do not roll out`, pointer: '/spec/updateStrategy/type' });
        continue;
      }
      const declared = get(sts.object, 'spec.updateStrategy.rollingUpdate.maxUnavailable') ?? 1;
      const min = set.minReplicas(sts);
      // StatefulSets round down and take at least one pod at a time.
      const rolling = Math.max(1, scaled(declared, min, false) ?? 1);
      if (typeof declared === 'string' && declared.endsWith('%') && Number.parseInt(declared, 10) > 25) {
        out.push({
          resource: sts,
          message: `rollingUpdate.maxUnavailable is ${declared}, more than 25%`,
          pointer: '/spec/updateStrategy/rollingUpdate/maxUnavailable',
        });
      }
      const pdb = set.disruptionBudgetOf(sts);
      const allowed = pdb ? pdbAllowedDisruptions(pdb.object, min) : undefined;
      if (allowed !== undefined && rolling > Math.max(1, allowed)) {
        out.push({
          resource: sts,
          message: `at ${min} replicas the rolling update takes ${rolling} pods down but the PDB allows ${allowed}`,
          pointer: '/spec/updateStrategy/rollingUpdate/maxUnavailable',
        });
      }
    }
    return out;
  },
};
