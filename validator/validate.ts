// The validator as one function: plan the work items (work-plan.ts), check each through the
// pipeline render → parse → schema-check → policy → suppress (→ upgrade safety)
// (check-item.ts), in this thread or in worker threads (check-workers.ts), then one report.
import fs from 'node:fs';
import os from 'node:os';
import type { HelmMajor } from '../toolchain/helm.ts';
import { KUBE_VERSIONS } from '../toolchain/kube-versions.ts';
import { CheckContext, type CheckSettings, checkItem, type ItemResult } from './check-item.ts';
import { checkInWorkers } from './check-workers.ts';
import { EMPTY_CONFIG, type ValidatorConfig } from './config.ts';
import { DEFAULT_FLOW_OPTIONS, type FlowOptions } from './flows/flow-options.ts';
import { type Input, resolveInput } from './inputs.ts';
import type { LocateScope } from './locate/locate-findings.ts';
import { DEFAULT_MANIFEST_SETS, type RuleSetName } from './policy/rule-set-names.ts';
import { joinReport } from './report/join-report.ts';
import type { ValidationReport } from './report/validation-report.ts';
import { planWork, type Shard, shardItems } from './work-plan.ts';

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
  readonly stdin?: () => string | Uint8Array;
  /** Renders run at once (default: the machine's cores). */
  readonly concurrency?: number;
  /** Rule sets to run (--rules, or the config's `rules`); default: the chart's annotation, else the defaults. */
  readonly ruleSets?: readonly RuleSetName[];
  /** Worker threads checking items in parallel (default 1: in this thread). */
  readonly workers?: number;
  /** Check only this shard of the work items (`--shard i/n`). */
  readonly shard?: Shard;
  /** The cluster around the render for the flow stage (default: DEFAULT_FLOW_OPTIONS, then the config file's). */
  readonly flows?: FlowOptions;
  /**
   * Locate findings of chart renders at their values keys and template lines (default true;
   * costs renders only when errors or warnings exist); `user-keys` searches only the keys the
   * -f files set (the language server's buffer).
   */
  readonly locate?: boolean | LocateScope;
}

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

export async function validate(options: ValidateOptions): Promise<ValidationReport> {
  const inputs: Input[] = options.inputs.map(resolveInput);
  const ruleSets = options.ruleSets ?? options.config?.rules;
  // Manifests checked for schemas only are split file by file (policy rules look across objects).
  const policies = (ruleSets ?? DEFAULT_MANIFEST_SETS).some((set) => set !== 'schema');
  const items = planWork({
    inputs,
    valuesSets: options.valuesSets ?? [],
    kubeVersions: options.kubernetesVersions?.length ? options.kubernetesVersions : [...KUBE_VERSIONS],
    helmMajors: options.helmMajors?.length ? options.helmMajors : [3, 4],
    releaseName: options.releaseName ?? 'release',
    namespace: options.namespace ?? 'default',
    apiVersions: options.apiVersions ?? [],
    policies,
    stdin: () => (options.stdin ? options.stdin() : fs.readFileSync(0)),
  });
  const mine = options.shard ? shardItems(items, options.shard) : items;
  const settings: CheckSettings = {
    schemaLocations: options.schemaLocations,
    strict: options.strict ?? true,
    ignoreMissingSchemas: options.ignoreMissingSchemas ?? false,
    ...(ruleSets ? { ruleSets } : {}),
    config: options.config ?? EMPTY_CONFIG,
    flows: options.flows ?? options.config?.flows ?? DEFAULT_FLOW_OPTIONS,
    ...(options.upgradeFrom ? { upgradeFrom: options.upgradeFrom } : {}),
    ...(options.upgradeValues ? { upgradeValues: options.upgradeValues } : {}),
    ...(options.locate !== undefined ? { locate: options.locate } : {}),
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
  const parts = results.map((r) => ({
    ...r,
    scenarios: r.scenario ? [r.scenario] : [],
    flows: r.scenario && r.flows ? [{ scenario: r.scenario, table: r.flows }] : [],
  }));
  return joinReport(parts, options.shard ? { ...options.shard, items: items.length } : undefined);
}
