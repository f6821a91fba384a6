// Locating: each finding of a chart render gets the values keys that feed its field, with the
// file and line where each was set (the user's -f file, else the chart's values.yaml), or the
// template source line when no value feeds it. Derived from the chart as it renders (perturbed
// renders, attribute-fields.ts), so it holds for every rule, schema findings and any chart.
// Runs only for renders with findings; renders with the same objects share their results.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Helm } from '../../toolchain/helm.ts';
import type { Finding, ValuesLocation } from '../finding.ts';
import type { RenderRequest } from '../render/render-chart.ts';
import { attributeFields } from './attribute-fields.ts';
import { mergeValues, type ValuesLeaf, valuesLeaves } from './merge-values.ts';
import { perturbationValues } from './perturbation-values.ts';
import { type FieldTarget, RenderedFields, resourceKey } from './rendered-fields.ts';
import { templateLine } from './template-line.ts';
import { ValuesOrigins } from './values-origin.ts';

/** Perturbed renders of one locating run at once. */
const RENDER_CONCURRENCY = 2;

function limiter(size: number): <T>(work: () => Promise<T>) => Promise<T> {
  let active = 0;
  const queue: (() => void)[] = [];
  return async (work) => {
    if (active >= size) await new Promise<void>((resolve) => queue.push(resolve));
    active += 1;
    try {
      return await work();
    } finally {
      active -= 1;
      queue.shift()?.();
    }
  };
}

/**
 * Which keys to search: every leaf (the user's first, then the chart's defaults), or only the
 * keys the user's -f files set (the language server: only those lines are in the buffer).
 */
export type LocateScope = 'all' | 'user-keys';

function targetOf(f: Finding): FieldTarget | undefined {
  return f.resource && f.pointer ? { resource: resourceKey(f.resource), pointer: f.pointer } : undefined;
}

/** Per process: attributions by render output and field, so identical renders pay once. */
export class FindingLocator {
  private readonly known = new Map<string, Promise<readonly ValuesLocation[]>>();
  /** Perturbed renders run so far (for tests and the benchmark). */
  renders = 0;

  async locate(request: RenderRequest, manifests: string, helm: Helm, findings: readonly Finding[], scope: LocateScope = 'all'): Promise<Finding[]> {
    const base = new RenderedFields(manifests, request.namespace);
    // Renders whose objects are the same (other Kubernetes versions, the other Helm major) share.
    const renderId = createHash('sha256')
      .update(JSON.stringify([request.chart, request.valuesFiles, request.releaseName, request.namespace, request.apiVersions, scope]))
      .update(base.identity)
      .digest('hex');
    const keyOf = (t: FieldTarget) => `${renderId}\u0000${t.resource}\u0000${t.pointer}`;
    const fresh = new Map<string, FieldTarget>();
    for (const f of findings) {
      const t = targetOf(f);
      if (t && !this.known.has(keyOf(t))) fresh.set(keyOf(t), t);
    }
    if (fresh.size > 0) {
      const targets = [...fresh.values()];
      const run = this.attribute(request, base, helm, targets, scope);
      targets.forEach((t, i) => {
        this.known.set(
          keyOf(t),
          run.then((r) => r[i] ?? []),
        );
      });
    }
    return Promise.all(
      findings.map(async (f) => {
        const t = targetOf(f);
        const values = t ? await this.known.get(keyOf(t)) : undefined;
        if (values && values.length > 0) return { ...f, values };
        const template = f.file && (f.resource || f.pointer) ? templateLine(f.file, f.pointer, f.resource?.kind) : undefined;
        return template ? { ...f, template } : f;
      }),
    );
  }

  private async attribute(
    request: RenderRequest,
    base: RenderedFields,
    helm: Helm,
    targets: readonly FieldTarget[],
    scope: LocateScope,
  ): Promise<ValuesLocation[][]> {
    const origins = ValuesOrigins.forRender(request.chart, request.valuesFiles);
    const merged = mergeValues(origins.values);
    const leaves = valuesLeaves(merged);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-locate-'));
    const limit = limiter(RENDER_CONCURRENCY);
    let n = 0;
    const render = (group: readonly ValuesLeaf[]) =>
      limit(async () => {
        this.renders += 1;
        const file = path.join(dir, `perturbed-${n++}.json`);
        fs.writeFileSync(file, JSON.stringify(perturbationValues(merged, group)));
        const result = await helm.template({
          chart: request.chart,
          kubeVersion: request.kubeVersion,
          valuesFiles: [...request.valuesFiles, file],
          releaseName: request.releaseName,
          namespace: request.namespace,
          apiVersions: request.apiVersions,
          skipSchemaValidation: true,
        });
        fs.rmSync(file, { force: true });
        return result.status === 0 ? new RenderedFields(result.stdout, request.namespace) : undefined;
      });
    try {
      // The user's keys first, all of them (their files are short); the chart's defaults only
      // for fields no user key feeds, and only while few keys feed the field (attribute-fields.ts).
      const isUser = (leaf: ValuesLeaf) => {
        const origin = origins.origin(leaf.segments);
        return origin !== undefined && !origins.isChartDefault(origin.file);
      };
      const user = leaves.filter(isUser);
      const defaults = leaves.filter((l) => !isUser(l));
      const first = await attributeFields(base, user, targets, render, Number.POSITIVE_INFINITY);
      const rest = scope === 'user-keys' ? [] : targets.map((_, i) => i).filter((i) => (first.feeds[i] ?? []).length === 0);
      const second = await attributeFields(
        base,
        defaults,
        rest.map((i) => targets[i] as FieldTarget),
        render,
      );
      const fed: ValuesLeaf[][] = targets.map((_, i) => (first.feeds[i] ?? []).map((j) => user[j] as ValuesLeaf));
      rest.forEach((i, k) => {
        if (!second.broad[k]) fed[i] = (second.feeds[k] ?? []).map((j) => defaults[j] as ValuesLeaf);
      });
      return fed.map((list) =>
        list.flatMap((leaf) => {
          const origin = origins.origin(leaf.segments);
          return origin ? [origin] : [];
        }),
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}
