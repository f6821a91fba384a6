// Our wrapper around the kubeconform binary: build its arguments, feed it manifests, and
// parse its JSON report into typed results.
import path from 'node:path';
import { PACKAGE_ROOT } from '../core/package-root.ts';
import { KUBECONFORM_LAYOUT } from './kubeconform-layout.ts';
import { locateTool } from './locate-tool.ts';
import { type ProcessRunner, runProcess } from './run-process.ts';

export type KubeconformStatus = 'valid' | 'invalid' | 'error' | 'skipped' | 'empty';

export interface KubeconformResource {
  readonly filename: string;
  readonly kind: string;
  readonly name: string;
  readonly version: string;
  readonly status: KubeconformStatus;
  readonly msg: string;
  readonly validationErrors?: readonly { readonly path: string; readonly msg: string }[];
}

export interface KubeconformReport {
  readonly resources: readonly KubeconformResource[];
  readonly summary: { valid: number; invalid: number; errors: number; skipped: number };
  /** Exit status of the binary: 0 when every resource is valid (or skipped). */
  readonly status: number | null;
  readonly stderr: string;
}

export interface KubeconformOptions {
  readonly kubernetesVersion: string;
  readonly schemaLocations: readonly string[];
  readonly strict?: boolean;
  readonly ignoreMissingSchemas?: boolean;
}

/** Where the offline schemas live for tests and CI (kubeconform layout); see its README. */
export const SHARED_SCHEMAS_DIR = process.env.BVCHART_SCHEMAS_DIR ?? path.resolve(PACKAGE_ROOT, '..', 'shared', 'kubernetes-schemas');

/** kubeconform schema-location templates for a folder in kubeconform's layout, CRDs included. */
export function folderSchemaLocations(dir: string = SHARED_SCHEMAS_DIR): string[] {
  return [`${dir}/${KUBECONFORM_LAYOUT}`, `${dir}/crds/{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json`];
}

export function kubeconformArgs(o: KubeconformOptions, files: readonly string[]): string[] {
  const args = ['-output', 'json', '-verbose', '-summary', '-kubernetes-version', o.kubernetesVersion];
  if (o.strict ?? true) args.push('-strict');
  if (o.ignoreMissingSchemas) args.push('-ignore-missing-schemas');
  for (const location of o.schemaLocations) args.push('-schema-location', location);
  args.push(...(files.length > 0 ? files : ['-']));
  return args;
}

export async function runKubeconform(
  options: KubeconformOptions,
  input: { files?: readonly string[]; stdin?: string },
  runner: ProcessRunner = runProcess,
): Promise<KubeconformReport> {
  const binary = locateTool('kubeconform');
  const result = await runner(binary, kubeconformArgs(options, input.files ?? []), {
    input: input.stdin ?? '',
    timeoutMs: 300_000,
  });
  let parsed: { resources?: KubeconformResource[]; summary?: KubeconformReport['summary'] };
  try {
    parsed = JSON.parse(result.stdout) as typeof parsed;
  } catch {
    throw new Error(`kubeconform did not print a JSON report (exit ${result.status}): ${result.stderr || result.error || result.stdout}`);
  }
  return {
    // kubeconform spells statuses `statusValid`, `statusInvalid`, ...
    resources: (parsed.resources ?? []).map((r) => ({
      ...r,
      status: r.status.replace(/^status/, '').toLowerCase() as KubeconformStatus,
    })),
    summary: parsed.summary ?? { valid: 0, invalid: 0, errors: 0, skipped: 0 },
    status: result.status,
    stderr: result.stderr,
  };
}
