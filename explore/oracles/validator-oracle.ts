// Oracle 3: a render passes the validator's library (Kubernetes JSON schemas of the
// render's version, policy rules at `error`). Findings the chart's defaults already have
// are the chart's own, reported once, and not held against each case.

import type { ValidatorConfig } from '../../validator/config.ts';
import type { Finding, Scenario } from '../../validator/finding.ts';
import { parseManifests } from '../../validator/parse/parse-manifests.ts';
import { DEFAULT_CHART_SETS, type RuleSetName } from '../../validator/policy/rule-set-names.ts';
import { rulesOf } from '../../validator/policy/rule-sets.ts';
import { runPolicies } from '../../validator/policy/run-policies.ts';
import { applySuppressions } from '../../validator/policy/suppression.ts';
import { checkResource, verdictFindings } from '../../validator/schemas/check-schemas.ts';
import { SchemaRegistry } from '../../validator/schemas/schema-registry.ts';
import type { Disagreement } from './oracle.ts';

export interface ValidatorOracleOptions {
  readonly schemaLocations: readonly string[];
  /** Rules the chart's schema deliberately lets users opt out of, with the reason (validator config). */
  readonly config?: ValidatorConfig;
  /** The rule sets to judge by, as `bvchart validate` picks them for this chart (default: schema and hardening). */
  readonly ruleSets?: readonly RuleSetName[];
}

export function findingSignature(f: Finding): string {
  return ['validator', f.ruleId, f.resource?.kind ?? '', f.pointer ?? ''].join('|');
}

export class ValidatorOracle {
  private readonly registries = new Map<string, SchemaRegistry>();
  private baseline = new Set<string>();

  constructor(private readonly options: ValidatorOracleOptions) {}

  private registry(kubeVersion: string): SchemaRegistry {
    let registry = this.registries.get(kubeVersion);
    if (!registry) {
      registry = new SchemaRegistry({ kubernetesVersion: kubeVersion, schemaLocations: this.options.schemaLocations, strict: true });
      this.registries.set(kubeVersion, registry);
    }
    return registry;
  }

  /** Error-level findings of one render. */
  async findings(manifests: string, scenario: Scenario, namespace: string): Promise<Finding[]> {
    const parsed = parseManifests({ file: 'render', text: manifests }, scenario, { defaultNamespace: namespace });
    const out: Finding[] = [...parsed.findings];
    const registry = this.registry(scenario.kubeVersion);
    for (const resource of parsed.resources) out.push(...verdictFindings(await checkResource(registry, resource, false), scenario));
    const rules = rulesOf(this.options.ruleSets ?? DEFAULT_CHART_SETS);
    const policy = runPolicies(parsed.resources, scenario, { rules, disabled: this.options.config?.disabledRules ?? [] });
    out.push(...applySuppressions(policy.findings, policy.resourceOf, this.options.config?.suppressions ?? []));
    return out.filter((f) => f.severity === 'error' && !f.suppressed);
  }

  /** Records the defaults' findings; later cases are judged on what they add. */
  setBaseline(findings: readonly Finding[]): void {
    this.baseline = new Set(findings.map(findingSignature));
  }

  async judge(manifests: string, scenario: Scenario, namespace: string): Promise<Disagreement[]> {
    const findings = await this.findings(manifests, scenario, namespace);
    return findings
      .filter((f) => !this.baseline.has(findingSignature(f)))
      .map((f) => ({
        oracle: 'validator' as const,
        message: `${f.ruleId}: ${f.resource ? `${f.resource.kind}/${f.resource.name}: ` : ''}${f.message}`,
        signature: findingSignature(f),
        ...(scenario.helmMajor ? { helmMajor: scenario.helmMajor } : {}),
        kubeVersion: scenario.kubeVersion,
        ...(f.resource ? { resource: f.resource } : {}),
      }));
  }
}
