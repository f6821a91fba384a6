// Rules come in named sets, so a user checks manifests for what they are:
//   schema       parse and schema checks only: what kubeconform does (always on);
//   hardening    generic workload hardening, kube-linter / Polaris class;
//   boardviewer  the BoardViewer chart's own requirements (R1–R15).
// The sets a run uses: --rules, else the config file's `rules`, else the chart's
// `bvchart.dev/rules` annotation in Chart.yaml, else the defaults below.
import fs from 'node:fs';
import path from 'node:path';
import { yaml } from '../../core/load-on-demand.ts';
import type { PolicyRule } from './rule.ts';
import { CONTAINER_RULES } from './rules/container-checks.ts';
import { flowBlocked } from './rules/flow-blocked.ts';
import { flowUnexplained } from './rules/flow-unexplained.ts';
import { POLICY_RULES } from './rules/index.ts';
import { nameLength } from './rules/name-length.ts';
import { noHostPath } from './rules/no-host-path.ts';
import { spreadNodesZones } from './rules/spread-nodes-zones.ts';
import { workloadUnisolated } from './rules/workload-unisolated.ts';

export const RULE_SET_NAMES = ['schema', 'hardening', 'boardviewer'] as const;
export type RuleSetName = (typeof RULE_SET_NAMES)[number];

/** Charts that name no sets: generic checks. */
export const DEFAULT_CHART_SETS: readonly RuleSetName[] = ['schema', 'hardening'];
/** Plain manifests: the schema only, as kubeconform; hardening on request (`--rules schema,hardening`). */
export const DEFAULT_MANIFEST_SETS: readonly RuleSetName[] = ['schema'];

/** The Chart.yaml annotation that names a chart's sets. */
export const RULES_ANNOTATION = 'bvchart.dev/rules';

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

export class RuleSetError extends Error {
  override readonly name = 'RuleSetError';
}

/** Parses `schema,hardening`; an unknown name is an error naming the known ones. */
export function parseRuleSets(list: readonly string[], where: string): RuleSetName[] {
  const names = list
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  for (const name of names) {
    if (!(RULE_SET_NAMES as readonly string[]).includes(name))
      throw new RuleSetError(`${where}: unknown rule set "${name}" (known: ${RULE_SET_NAMES.join(', ')})`);
  }
  return [...new Set(names as RuleSetName[])];
}

/** The sets a chart folder names in its Chart.yaml annotation, if any. */
export function chartRuleSets(chartPath: string): RuleSetName[] | undefined {
  const file = path.join(chartPath, 'Chart.yaml');
  if (!fs.existsSync(file)) return undefined;
  const chart = yaml().parse(fs.readFileSync(file, 'utf8')) as { annotations?: Record<string, unknown> } | null;
  const value = chart?.annotations?.[RULES_ANNOTATION];
  return typeof value === 'string' ? parseRuleSets([value], `${file}: annotation ${RULES_ANNOTATION}`) : undefined;
}
