// The report of a validator run (data; formats in this folder print it), and what every
// format shares: the grouping of findings and the label of a render.
import { type Finding, findingKey, type Scenario, type ValuesLocation } from '../finding.ts';
import type { FlowTable } from '../flows/format-flows.ts';
import type { SchemaStatus } from '../schemas/check-schemas.ts';
import type { Shard } from '../work-plan.ts';

/** Which shard a report covers, and how many items the whole run has. */
export interface ShardInfo extends Shard {
  readonly items: number;
}

export interface ValidationSummary {
  readonly renders: number;
  readonly resources: number;
  readonly schema: Readonly<Record<SchemaStatus, number>>;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly suppressed: number;
}

export interface ValidationReport {
  readonly findings: readonly Finding[];
  readonly scenarios: readonly Scenario[];
  readonly summary: ValidationSummary;
  /** Set when the run checked one shard of the work. */
  readonly shard?: ShardInfo;
  /** The flow table of each render, in the order of `scenarios`. */
  readonly flows?: readonly RenderFlows[];
}

/** One render's flow table (validator/flows/). */
export interface RenderFlows {
  readonly scenario: Scenario;
  readonly table: FlowTable;
}

function valuesPlace(v: ValuesLocation): string {
  return `${v.file}:${v.line}:${v.column}:${v.path}`;
}

/** Findings that are the same across scenarios, grouped: one entry with every scenario it appears in. */
export function groupFindings(findings: readonly Finding[]): { finding: Finding; scenarios: Scenario[] }[] {
  const groups = new Map<string, { finding: Finding; scenarios: Scenario[] }>();
  for (const f of findings) {
    const key = findingKey(f);
    const group = groups.get(key) ?? { finding: f, scenarios: [] };
    if (f.scenario) group.scenarios.push(f.scenario);
    // Renders of other values files may set the key elsewhere: the group lists every place.
    const known = new Set((group.finding.values ?? []).map(valuesPlace));
    const more = (f.values ?? []).filter((v) => !known.has(valuesPlace(v)));
    if (more.length > 0) group.finding = { ...group.finding, values: [...(group.finding.values ?? []), ...more] };
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** A render as the reports name it: values, Kubernetes version and Helm major, joined by `separator`. */
export function scenarioLabel(s: Scenario, separator: string): string {
  return [s.values, `k8s ${s.kubeVersion}`, s.helmMajor ? `helm${s.helmMajor}` : ''].filter(Boolean).join(separator);
}
