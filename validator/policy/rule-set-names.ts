// Rule set names and where they come from (--rules, the config file, a chart's Chart.yaml
// annotation), apart from the rules themselves (rule-sets.ts): a run that checks schemas only
// loads none of the policy rules.
import fs from 'node:fs';
import path from 'node:path';
import { yaml } from '../../core/load-on-demand.ts';

export const RULE_SET_NAMES = ['schema', 'hardening', 'boardviewer'] as const;
export type RuleSetName = (typeof RULE_SET_NAMES)[number];

/** Charts that name no sets: generic checks. */
export const DEFAULT_CHART_SETS: readonly RuleSetName[] = ['schema', 'hardening'];
/** Plain manifests: the schema only, as kubeconform; hardening on request (`--rules schema,hardening`). */
export const DEFAULT_MANIFEST_SETS: readonly RuleSetName[] = ['schema'];

/** The Chart.yaml annotation that names a chart's sets. */
export const RULES_ANNOTATION = 'bvchart.dev/rules';

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
