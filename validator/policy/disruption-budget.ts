// What a PodDisruptionBudget allows, shared by the rules that weigh disruptions
// (pdb-protects-statefulset, disruption-keeps-quorum, rolling-update-bound).
import { get } from '../../core/object-path.ts';
import { scaled } from './rendered-set.ts';

/** Most pods a PDB lets go at `replicas` (Kubernetes rounds percentages up for PDBs). */
export function pdbAllowedDisruptions(pdb: unknown, replicas: number): number | undefined {
  const maxUnavailable = get(pdb, 'spec.maxUnavailable');
  if (maxUnavailable !== undefined) return scaled(maxUnavailable, replicas, true);
  const minAvailable = get(pdb, 'spec.minAvailable');
  if (minAvailable !== undefined) {
    const min = scaled(minAvailable, replicas, true);
    return min === undefined ? undefined : replicas - min;
  }
  return undefined;
}
