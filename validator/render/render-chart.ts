// Stage 1, render: `helm template` for one scenario (values files × Kubernetes version ×
// Helm major). A failed render is findings naming the values keys (render-failure.ts), never a crash.

import { Helm, type HelmMajor } from '../../toolchain/helm.ts';
import type { Finding, Scenario } from '../finding.ts';
import { renderFailureFindings } from './render-failure.ts';

export interface RenderRequest {
  readonly chart: string;
  readonly valuesFiles: readonly string[];
  readonly kubeVersion: string;
  readonly helmMajor: HelmMajor;
  readonly releaseName: string;
  readonly namespace: string;
  readonly apiVersions: readonly string[];
}

export type RenderOutcome =
  | { readonly ok: true; readonly manifests: string; readonly scenario: Scenario }
  | { readonly ok: false; readonly findings: readonly Finding[]; readonly scenario: Scenario };

export function scenarioOf(r: RenderRequest): Scenario {
  return { values: r.valuesFiles.length > 0 ? r.valuesFiles.join(' + ') : '(defaults)', kubeVersion: r.kubeVersion, helmMajor: r.helmMajor };
}

/** Helm's error without its boilerplate: `Error: ` and the `--debug` hint. */
export function helmError(stderr: string): string {
  return stderr
    .split('\n')
    .filter((l) => l.trim() !== '' && !/^Use --debug flag/.test(l))
    .map((l) => l.replace(/^Error: /, ''))
    .join('\n');
}

export async function renderChart(request: RenderRequest, helms: ReadonlyMap<HelmMajor, Helm>): Promise<RenderOutcome> {
  const scenario = scenarioOf(request);
  const helm = helms.get(request.helmMajor) ?? new Helm(request.helmMajor);
  const result = await helm.template({
    chart: request.chart,
    kubeVersion: request.kubeVersion,
    valuesFiles: request.valuesFiles,
    releaseName: request.releaseName,
    namespace: request.namespace,
    apiVersions: request.apiVersions,
  });
  if (result.status === 0) return { ok: true, manifests: result.stdout, scenario };
  const message = helmError(result.stderr || result.error || '');
  return { ok: false, scenario, findings: renderFailureFindings({ chart: request.chart, valuesFiles: request.valuesFiles, scenario, message }) };
}
