// One report from the parts of a run: the items of one process, or the shards of several.
import type { Finding, Scenario } from '../finding.ts';
import type { SchemaStatus } from '../schemas/check-schemas.ts';
import type { RenderFlows, ShardInfo, ValidationReport } from './validation-report.ts';

function scenarioKey(s: Scenario): string {
  return `${s.values}\u0000${s.kubeVersion}\u0000${s.helmMajor ?? ''}`;
}

/** A piece of one run: an item's result, or a shard's whole report. */
export interface ReportPart {
  readonly findings: readonly Finding[];
  readonly scenarios: readonly Scenario[];
  readonly resources: number;
  readonly schema: Readonly<Record<SchemaStatus, number>>;
  readonly flows?: readonly RenderFlows[];
}

/** One report from the parts of a run, in order (items of one process, or shards joined). */
export function joinReport(parts: readonly ReportPart[], shard?: ShardInfo): ValidationReport {
  const findings: Finding[] = [];
  const scenarios = new Map<string, Scenario>();
  const schema: Record<SchemaStatus, number> = { valid: 0, invalid: 0, error: 0, skipped: 0 };
  const flows: RenderFlows[] = [];
  let resources = 0;
  for (const part of parts) {
    findings.push(...part.findings);
    flows.push(...(part.flows ?? []));
    for (const scenario of part.scenarios) if (!scenarios.has(scenarioKey(scenario))) scenarios.set(scenarioKey(scenario), scenario);
    resources += part.resources;
    for (const status of Object.keys(schema) as SchemaStatus[]) schema[status] += part.schema[status];
  }
  const active = findings.filter((f) => !f.suppressed);
  return {
    findings,
    scenarios: [...scenarios.values()],
    flows,
    summary: {
      renders: scenarios.size,
      resources,
      schema,
      errors: active.filter((f) => f.severity === 'error').length,
      warnings: active.filter((f) => f.severity === 'warning').length,
      infos: active.filter((f) => f.severity === 'info').length,
      suppressed: findings.length - active.length,
    },
    ...(shard ? { shard } : {}),
  };
}
