// Renders the chart with typed value overrides and returns the objects, for tests that read
// the rendered shape of one component.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import { get } from '../../core/object-path.ts';
import type { Values } from '../../schema/values.generated.ts';
import { Helm, type HelmMajor } from '../../toolchain/helm.ts';
import { NEWEST_KUBE_VERSION } from '../../toolchain/kube-versions.ts';
import { CHART, CRD_API_VERSIONS } from './scenarios.ts';

/** Any Kubernetes object, as far as these tests read it; go deeper with `at`. */
export interface K8sObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: {
    readonly name: string;
    readonly namespace?: string;
    readonly labels?: Record<string, string>;
    readonly annotations?: Record<string, string>;
  };
  readonly [key: string]: unknown;
}

export interface Container {
  readonly name: string;
  readonly image: string;
  readonly env?: readonly { name: string; value?: string; valueFrom?: unknown }[];
  readonly [key: string]: unknown;
}

/** The value at a dotted path (`spec.template.spec.containers.0.name`), or undefined: the library's `get`. */
export const at = get;

export interface RenderOptions {
  readonly major?: HelmMajor;
  readonly kubeVersion?: string;
  /** Declare the CRD API groups (default true). */
  readonly withCRDs?: boolean;
  readonly chart?: string;
}

export interface Render {
  readonly status: number | null;
  readonly stderr: string;
  readonly objects: readonly K8sObject[];
  find(kind: string, nameSuffix?: string): K8sObject;
  all(kind: string): K8sObject[];
}

export function render(values: Values, options: RenderOptions = {}): Promise<Render> {
  return renderRaw(values, options);
}

/** Like render, for values of a chart whose schema differs from ours (e.g. a temporary copy). */
export async function renderRaw(values: object, options: RenderOptions = {}): Promise<Render> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-values-'));
  const file = path.join(dir, 'values.yaml');
  fs.writeFileSync(file, stringify(values));
  const result = await new Helm(options.major ?? 4).template({
    chart: options.chart ?? CHART,
    kubeVersion: options.kubeVersion ?? NEWEST_KUBE_VERSION,
    valuesFiles: [file],
    releaseName: 'bv',
    namespace: 'boards',
    apiVersions: options.withCRDs === false ? [] : CRD_API_VERSIONS,
  });
  const objects =
    result.status === 0
      ? parseAllDocuments(result.stdout)
          .map((d) => d.toJS() as K8sObject)
          .filter(Boolean)
      : [];
  const all = (kind: string) => objects.filter((o) => o.kind === kind);
  return {
    status: result.status,
    stderr: result.stderr,
    objects,
    all,
    find(kind, nameSuffix) {
      const found = all(kind).find((o) => nameSuffix === undefined || o.metadata.name.endsWith(nameSuffix));
      if (!found) throw new Error(`no ${kind}${nameSuffix ? ` named *${nameSuffix}` : ''} in the render:\n${result.stderr}`);
      return found;
    },
  };
}

/** The named container (or init container) of a workload's pod template. */
export function container(workload: K8sObject, name: string): Container {
  const spec = at(workload, 'spec.template.spec') as { containers?: Container[]; initContainers?: Container[] } | undefined;
  const found = [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])].find((c) => c.name === name);
  if (!found) throw new Error(`no container ${name} in ${workload.kind} ${workload.metadata.name}`);
  return found;
}

/** The value of an environment variable of a container (value or valueFrom). */
export function envOf(c: Container, name: string): unknown {
  const entry = c.env?.find((e) => e.name === name);
  return entry?.value ?? entry?.valueFrom;
}
