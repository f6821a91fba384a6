// The policy rules of each named set (the names and how a run picks them: rule-set-names.ts).
// Rules come in named sets, so a user checks manifests for what they are:
//   schema       parse and schema checks only: what kubeconform does (always on);
//   hardening    generic workload hardening, kube-linter / Polaris class;
//   boardviewer  the BoardViewer chart's own requirements (R1–R15).
// The sets a run uses: --rules, else the config file's `rules`, else the chart's
// `bvchart.dev/rules` annotation in Chart.yaml, else the defaults below.
import type { PolicyRule } from './rule.ts';
import type { RuleSetName } from './rule-set-names.ts';
import { CONTAINER_RULES } from './rules/container-checks.ts';
import { flowBlocked } from './rules/flow-blocked.ts';
import { flowUnexplained } from './rules/flow-unexplained.ts';
import { POLICY_RULES } from './rules/index.ts';
import { nameLength } from './rules/name-length.ts';
import { noHostPath } from './rules/no-host-path.ts';
import { spreadNodesZones } from './rules/spread-nodes-zones.ts';
import { workloadUnisolated } from './rules/workload-unisolated.ts';

// Generic for any chart or manifest set: container hardening, API name limits, and the
// NetworkPolicy flow checks (validator/flows/).
const HARDENING = new Set([
  ...CONTAINER_RULES.map((r) => r.id),
  noHostPath.id,
  spreadNodesZones.id,
  nameLength.id,
  flowBlocked.id,
  workloadUnisolated.id,
  flowUnexplained.id,
]);

export function ruleSetOf(rule: PolicyRule): RuleSetName {
  return HARDENING.has(rule.id) ? 'hardening' : 'boardviewer';
}

/** The policy rules of the given sets, in report order. */
export function rulesOf(sets: readonly RuleSetName[]): PolicyRule[] {
  return POLICY_RULES.filter((rule) => sets.includes(ruleSetOf(rule)));
}
