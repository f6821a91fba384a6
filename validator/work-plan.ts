// The work of one validation as a list of items, in a fixed order: each render of a chart
// (values set × Kubernetes version × Helm major), and for manifests either each file (when
// only schemas are checked) or each input as one set (when policy rules, which look across
// objects, run). Items are the unit of workers (`-n`) and of shards (`--shard i/n`): an item
// is checked whole by one worker or shard, so the merged results equal one run's.
import type { HelmMajor } from '../toolchain/helm.ts';
import type { Input } from './inputs.ts';
import type { RenderRequest } from './render/render-chart.ts';

export type WorkItem =
  | { readonly kind: 'render'; readonly request: RenderRequest }
  | { readonly kind: 'manifests'; readonly files: readonly string[]; readonly kubeVersion: string }
  | { readonly kind: 'stdin'; readonly input: string | Uint8Array; readonly kubeVersion: string };

export interface PlanOptions {
  readonly inputs: readonly Input[];
  readonly valuesSets: readonly (readonly string[])[];
  readonly kubeVersions: readonly string[];
  readonly helmMajors: readonly HelmMajor[];
  readonly releaseName: string;
  readonly namespace: string;
  readonly apiVersions: readonly string[];
  /** Policy rules run: manifests of one input stay one item (rules look across objects). */
  readonly policies: boolean;
  readonly stdin: () => string | Uint8Array;
}

export function planWork(o: PlanOptions): WorkItem[] {
  const items: WorkItem[] = [];
  for (const input of o.inputs) {
    if (input.kind === 'stdin') {
      const input = o.stdin();
      for (const kubeVersion of o.kubeVersions) items.push({ kind: 'stdin', input, kubeVersion });
      continue;
    }
    if (input.kind === 'manifests') {
      for (const kubeVersion of o.kubeVersions) {
        if (o.policies) items.push({ kind: 'manifests', files: input.files, kubeVersion });
        else for (const file of input.files) items.push({ kind: 'manifests', files: [file], kubeVersion });
      }
      continue;
    }
    const valuesSets = o.valuesSets.length > 0 ? o.valuesSets : [[]];
    for (const valuesFiles of valuesSets) {
      for (const kubeVersion of o.kubeVersions) {
        for (const helmMajor of o.helmMajors) {
          items.push({
            kind: 'render',
            request: { chart: input.path, valuesFiles, kubeVersion, helmMajor, releaseName: o.releaseName, namespace: o.namespace, apiVersions: o.apiVersions },
          });
        }
      }
    }
  }
  return items;
}

/** `--shard i/n`: the i-th of n shards (1-based). */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

export class ShardSyntaxError extends Error {
  override readonly name = 'ShardSyntaxError';
}

export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) throw new ShardSyntaxError(`--shard must be i/n with 1 <= i <= n, not "${text}"`);
  return { index, count };
}

/** The items of one shard: a contiguous block, so shards joined in order are the whole list in order. */
export function shardItems<T>(items: readonly T[], shard: Shard): T[] {
  const start = Math.floor(((shard.index - 1) * items.length) / shard.count);
  const end = Math.floor((shard.index * items.length) / shard.count);
  return items.slice(start, end);
}
