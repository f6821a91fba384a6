// Stage 4, policy: every rule over the rendered set of one scenario.
import type { Finding, Scenario } from '../finding.ts';
import type { Resource } from '../parse/resource.ts';
import { type PolicySettings, RenderedSet } from './rendered-set.ts';
import type { PolicyRule, Violation } from './rule.ts';
import { POLICY_RULES } from './rules/index.ts';

export interface PolicyOptions {
  readonly rules?: readonly PolicyRule[];
  /** Rule ids not to run. */
  readonly disabled?: readonly string[];
  /** Context for set rules (the flow stage's options). */
  readonly settings?: PolicySettings;
}

function toFinding(rule: PolicyRule, v: Violation, resource: Resource | undefined, scenario: Scenario | undefined): Finding {
  const pointer = v.pointer ?? '';
  const position = resource
    ? (resource.document.positionOf(`${resource.pointerPrefix}${pointer}`) ?? resource.document.positionOf(resource.pointerPrefix))
    : undefined;
  return {
    ruleId: rule.id,
    severity: rule.severity,
    message: v.message,
    ...(resource ? { file: resource.file, resource: resource.ref } : {}),
    ...(pointer ? { pointer } : {}),
    ...(position ? { position } : {}),
    ...(scenario ? { scenario } : {}),
  };
}

export interface PolicyResult {
  readonly findings: readonly Finding[];
  /** The resource each finding is about, for suppression annotations. */
  readonly resourceOf: (f: Finding) => Resource | undefined;
}

export function runPolicies(resources: readonly Resource[], scenario?: Scenario, options: PolicyOptions = {}): PolicyResult {
  const set = new RenderedSet(resources, options.settings);
  const rules = (options.rules ?? POLICY_RULES).filter((r) => !(options.disabled ?? []).includes(r.id));
  const findings: Finding[] = [];
  const owners = new Map<Finding, Resource | undefined>();
  const add = (rule: PolicyRule, v: Violation, resource: Resource | undefined) => {
    const f = toFinding(rule, v, resource, scenario);
    owners.set(f, resource);
    findings.push(f);
  };
  for (const rule of rules) {
    if (rule.scope === 'object') {
      for (const resource of set.ofKind(...rule.kinds)) for (const v of rule.check(resource, set)) add(rule, v, resource);
    } else {
      for (const v of rule.check(set)) add(rule, v, v.resource);
    }
  }
  return { findings, resourceOf: (f) => owners.get(f) };
}
