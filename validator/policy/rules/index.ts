// The policy rules, in report order. Each is a small definition object (rule.ts); add a
// rule by adding a file and a line here.
import type { PolicyRule } from '../rule.ts';
import { chaosDrillScope } from './chaos-drill-scope.ts';
import { CONTAINER_RULES } from './container-checks.ts';
import { disruptionKeepsQuorum } from './disruption-keeps-quorum.ts';
import { ephemeralStorageBounded } from './ephemeral-storage-bounded.ts';
import { flowBlocked } from './flow-blocked.ts';
import { flowUnexplained } from './flow-unexplained.ts';
import { hpaReplicaBounds } from './hpa-replica-bounds.ts';
import { hpaTargetExists } from './hpa-target-exists.ts';
import { ingressCookieAffinity } from './ingress-cookie-affinity.ts';
import { nameLength } from './name-length.ts';
import { noHostPath } from './no-host-path.ts';
import { noLegacyProvisioner } from './no-legacy-provisioner.ts';
import { pdbProtectsStatefulSet } from './pdb-protects-statefulset.ts';
import { probeFailureThreshold } from './probe-failure-threshold.ts';
import { prometheusRuleLevels } from './prometheusrule-levels.ts';
import { pvcRetentionRetain } from './pvc-retention-retain.ts';
import { quorumReplicas } from './quorum-replicas.ts';
import { rollingUpdateBound } from './rolling-update-bound.ts';
import { serviceMonitorPort } from './servicemonitor-port.ts';
import { spreadNodesZones } from './spread-nodes-zones.ts';
import { statefulSetClaimTemplates } from './statefulset-claim-templates.ts';
import { statefulSetHeadlessService } from './statefulset-headless-service.ts';
import { statefulSetMinReplicas } from './statefulset-min-replicas.ts';
import { storageClassEncrypted } from './storage-class-encrypted.ts';
import { storageClassRetain } from './storage-class-retain.ts';
import { veleroScheduleCoverage } from './velero-schedule-coverage.ts';
import { workloadBackedUp } from './workload-backed-up.ts';
import { workloadMonitored } from './workload-monitored.ts';
import { workloadUnisolated } from './workload-unisolated.ts';

export const POLICY_RULES: readonly PolicyRule[] = [
  // Storage (R2, R3, R15).
  storageClassRetain,
  storageClassEncrypted,
  noLegacyProvisioner,
  statefulSetClaimTemplates,
  pvcRetentionRetain,
  noHostPath,
  // Identity and replicas (R1, R4, R6, R8).
  statefulSetHeadlessService,
  hpaReplicaBounds,
  hpaTargetExists,
  statefulSetMinReplicas,
  quorumReplicas,
  // Availability (R5, R7, R12).
  probeFailureThreshold,
  pdbProtectsStatefulSet,
  rollingUpdateBound,
  ingressCookieAffinity,
  // Monitoring and recovery (R13, R14).
  serviceMonitorPort,
  prometheusRuleLevels,
  veleroScheduleCoverage,
  chaosDrillScope,
  workloadMonitored,
  workloadBackedUp,
  // Hardening (R12, R15), kube-linter / Polaris class.
  ...CONTAINER_RULES,
  spreadNodesZones,
  // Added for issue 9: API name limits (R1, R4), quorum under disruption (R8, R12), local disk (R15).
  nameLength,
  disruptionKeepsQuorum,
  ephemeralStorageBounded,
  // Flows (R15): the NetworkPolicies allow what the chart implies, and nothing more (validator/flows/).
  flowBlocked,
  workloadUnisolated,
  flowUnexplained,
];
