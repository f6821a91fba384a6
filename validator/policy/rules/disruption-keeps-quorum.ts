import { get } from '../../../core/object-path.ts';
import type { Resource } from '../../parse/resource.ts';
import { pdbAllowedDisruptions } from '../disruption-budget.ts';
import { podTemplateOf, type RenderedSet, scaled } from '../rendered-set.ts';
import type { SetRule, Violation } from '../rule.ts';

/** Pods a rolling update of the StatefulSet takes down at `replicas`, or 0 when it does not roll. */
export function rollingUpdateDown(sts: Resource, replicas: number): number {
  const type = get(sts.object, 'spec.updateStrategy.type') ?? 'RollingUpdate';
  if (type !== 'RollingUpdate') return 0;
  const declared = get(sts.object, 'spec.updateStrategy.rollingUpdate.maxUnavailable') ?? 1;
  // StatefulSets round percentages down and take at least one pod at a time.
  return Math.max(1, scaled(declared, replicas, false) ?? 1);
}

/**
 * The worst voluntary disruption at `replicas` pods: what the PodDisruptionBudget lets a
 * node drain evict (percentages round up) or what a rolling update takes down, the larger.
 * The PDB counts pods the update has taken down, so the two never add up.
 */
export function worstDisruption(set: RenderedSet, sts: Resource, replicas: number): { down: number; pdb: number; rolling: number } {
  const pdb = set.disruptionBudgetOf(sts);
  const pdbDown = pdb ? Math.min(replicas, pdbAllowedDisruptions(pdb.object, replicas) ?? 0) : 0;
  const rolling = Math.min(replicas, rollingUpdateDown(sts, replicas));
  return { down: Math.max(pdbDown, rolling), pdb: pdbDown, rolling };
}

export const disruptionKeepsQuorum: SetRule = {
  id: 'disruption-keeps-quorum',
  severity: 'error',
  rationale: 'R8, R12: the primary and the write quorum must still run while a node drain or a rolling update takes the most pods it is allowed to.',
  remediation:
    'Raise replicas (or the HPA minReplicas) or tighten the PDB and rollingUpdate.maxUnavailable until the fewest pods minus the worst disruption is at least writeQuorum + 1.',
  kinds: ['StatefulSet', 'HorizontalPodAutoscaler', 'PodDisruptionBudget'],
  scope: 'set',
  check: (set) => {
    const out: Violation[] = [];
    for (const sts of set.ofKind('StatefulSet')) {
      const env = (podTemplateOf(sts.object)?.spec.containers ?? []).flatMap((c) => c.env ?? []);
      const quorum = Number(env.find((e) => e.name === 'BV_WRITE_QUORUM')?.value);
      if (!Number.isFinite(quorum)) continue;
      // Pods left grow with the pod count (each bound rounds by at most one pod per pod
      // added), so the fewest pods is the worst case.
      const min = set.minReplicas(sts);
      const { down, pdb, rolling } = worstDisruption(set, sts, min);
      const left = min - down;
      if (left < quorum + 1) {
        out.push({
          resource: sts,
          message: `at ${min} pods a node drain may take ${pdb} and a rolling update ${rolling}, leaving ${left}; the primary plus write quorum ${quorum} needs ${quorum + 1}`,
          pointer: '/spec',
        });
      }
    }
    return out;
  },
};
