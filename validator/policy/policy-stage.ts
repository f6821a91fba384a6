// Stage 4, policy: the rules of the chosen sets over one render's resources, the config's
// suppressions, and the render's flow table. check-item.ts loads this module only when a run
// uses a set besides `schema`, so a schema-only run (plain manifests by default) loads none of
// the rules, the flow stage or their dependencies (about 5 MB of a process's memory).
import type { Finding, Scenario } from '../finding.ts';
import { flowAnalysisFor } from '../flows/flow-analysis-of.ts';
import type { FlowOptions } from '../flows/flow-options.ts';
import { type FlowTable, flowTable } from '../flows/format-flows.ts';
import type { Resource } from '../parse/resource.ts';
import type { RuleSetName } from './rule-set-names.ts';
import { rulesOf } from './rule-sets.ts';
import { runPolicies } from './run-policies.ts';
import type { ConfigSuppression } from './suppression.ts';
import { applySuppressions } from './suppression.ts';

export interface PolicyStageSettings {
  readonly ruleSets: readonly RuleSetName[];
  readonly disabledRules: readonly string[];
  readonly suppressions: readonly ConfigSuppression[];
  readonly flows: FlowOptions;
  readonly defaultNamespace: string;
}

export function policyStage(resources: readonly Resource[], scenario: Scenario, settings: PolicyStageSettings): { findings: Finding[]; flows: FlowTable } {
  const policySettings = { flows: settings.flows, defaultNamespace: settings.defaultNamespace };
  const policy = runPolicies(resources, scenario, { rules: rulesOf(settings.ruleSets), disabled: settings.disabledRules, settings: policySettings });
  return {
    findings: applySuppressions(policy.findings, policy.resourceOf, settings.suppressions),
    flows: flowTable(flowAnalysisFor(resources, policySettings.flows, policySettings.defaultNamespace)),
  };
}
