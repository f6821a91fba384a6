// The validator as one function: plan the work items (work-plan.ts), check each through the
// pipeline render → parse → schema-check → policy → suppress (→ upgrade safety)
// (check-item.ts), in this thread or in worker threads (check-workers.ts), then one report.
import fs from 'node:fs';
import os from 'node:os';
import type { HelmMajor } from '../toolchain/helm.ts';
import { KUBE_VERSIONS } from '../toolchain/kube-versions.ts';
import { CheckContext, checkItem, type CheckSettings, type ItemResult } from './check-item.ts';
import { checkInWorkers } from './check-workers.ts';
import { EMPTY_CONFIG, type ValidatorConfig } from './config.ts';
import { findingKey, type Finding, type Scenario } from './finding.ts';
import { DEFAULT_FLOW_OPTIONS, type FlowOptions } from './flows/flow-options.ts';
import type { FlowTable } from './flows/format-flows.ts';
import { resolveInput, type Input } from './inputs.ts';
import type { SchemaStatus } from './schemas/check-schemas.ts';
import { planWork, shardItems, type Shard } from './work-plan.ts';

export interface ValidateOptions {
  /** A chart folder, a packaged chart, manifest files or folders, or `-`. */
  readonly inputs: readonly string[];
  /** One entry per scenario; each entry layers its files (`-f a.yaml,b.yaml`). Empty: the chart's defaults. */
  readonly valuesSets?: readonly (readonly string[])[];
  readonly kubernetesVersions?: readonly string[];
  readonly helmMajors?: readonly HelmMajor[];
  readonly schemaLocations: readonly string[];
  readonly strict?: boolean;
  readonly ignoreMissingSchemas?: boolean;
  /** Extra API versions the render declares (e.g. CRD groups the cluster serves). */
  readonly apiVersions?: readonly string[];
  readonly releaseName?: string;
  readonly namespace?: string;
  /** The installed release (chart or manifests) to check the upgrade against. */
  readonly upgradeFrom?: string;
  /** Values of the installed release; default: each scenario's own. */
  readonly upgradeValues?: readonly string[];
  readonly config?: ValidatorConfig;
  readonly stdin?: () => string;
  /** Renders run at once (default: the machine's cores). */
  readonly concurrency?: number;
  /** Rule sets to run (default: all); `['schema']` checks schemas only. */
  readonly rules?: readonly RuleSet[];
  /** Worker threads checking items in parallel (default 1: in this thread). */
  readonly workers?: number;
  /** Check only this shard of the work items (`--shard i/n`). */
  readonly shard?: Shard;
  /** The cluster around the render for the flow stage (default: DEFAULT_FLOW_OPTIONS, then the config file's). */
  readonly flows?: FlowOptions;
}

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

/** The policy rule sets: `all` runs every rule, `schema` only the schema check (as kubeconform does). */
export const RULE_SETS = ['all', 'schema'] as const;
export type RuleSet = (typeof RULE_SETS)[number];

async function pool<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const runners = Array.from({ length: Math.max(1, Math.min(size, items.length)) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T);
    }
  });
  await Promise.all(runners);
  return results;
}

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

export async function validate(options: ValidateOptions): Promise<ValidationReport> {
  const inputs: Input[] = options.inputs.map(resolveInput);
  const policies = !(options.rules ?? ['all']).every((r) => r === 'schema');
  const items = planWork({
    inputs,
    valuesSets: options.valuesSets ?? [],
    kubeVersions: options.kubernetesVersions?.length ? options.kubernetesVersions : [...KUBE_VERSIONS],
    helmMajors: options.helmMajors?.length ? options.helmMajors : [3, 4],
    releaseName: options.releaseName ?? 'release',
    namespace: options.namespace ?? 'default',
    apiVersions: options.apiVersions ?? [],
    policies,
    stdin: () => (options.stdin ? options.stdin() : fs.readFileSync(0, 'utf8')),
  });
  const mine = options.shard ? shardItems(items, options.shard) : items;
  const settings: CheckSettings = {
    schemaLocations: options.schemaLocations,
    strict: options.strict ?? true,
    ignoreMissingSchemas: options.ignoreMissingSchemas ?? false,
    policies,
    config: options.config ?? EMPTY_CONFIG,
    flows: options.flows ?? options.config?.flows ?? DEFAULT_FLOW_OPTIONS,
    ...(options.upgradeFrom ? { upgradeFrom: options.upgradeFrom } : {}),
    ...(options.upgradeValues ? { upgradeValues: options.upgradeValues } : {}),
  };
  const workers = Math.max(1, options.workers ?? 1);
  let results: ItemResult[];
  if (workers > 1 && mine.length > 1) {
    results = await checkInWorkers(mine, settings, workers);
  } else {
    const context = new CheckContext(settings);
    // Renders are Helm processes: run several at once; the checking itself is one thread.
    results = await pool(mine, options.concurrency ?? os.availableParallelism(), (item) => checkItem(item, context));
  }
  const parts = results.map((r) => ({ ...r, scenarios: r.scenario ? [r.scenario] : [], flows: r.scenario && r.flows ? [{ scenario: r.scenario, table: r.flows }] : [] }));
  return joinReport(parts, options.shard ? { ...options.shard, items: items.length } : undefined);
}

/** Findings that are the same across scenarios, grouped: one entry with every scenario it appears in. */
export function groupFindings(findings: readonly Finding[]): { finding: Finding; scenarios: Scenario[] }[] {
  const groups = new Map<string, { finding: Finding; scenarios: Scenario[] }>();
  for (const f of findings) {
    const key = findingKey(f);
    const group = groups.get(key) ?? { finding: f, scenarios: [] };
    if (f.scenario) group.scenarios.push(f.scenario);
    groups.set(key, group);
  }
  return [...groups.values()];
}
