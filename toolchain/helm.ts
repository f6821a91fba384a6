// Helm 3 and Helm 4 behind one interface. Arguments are built step by step; the Kubernetes
// version is always passed, because a go-installed Helm otherwise assumes its own default.
import os from 'node:os';
import path from 'node:path';
import { locateTool, type ToolName } from './locate-tool.ts';
import { type ProcessResult, type ProcessRunner, runProcess } from './run-process.ts';

export type HelmMajor = 3 | 4;
export const HELM_MAJORS: readonly HelmMajor[] = [3, 4];

export interface HelmRenderOptions {
  readonly chart: string;
  readonly kubeVersion: string;
  readonly valuesFiles?: readonly string[];
  readonly releaseName?: string;
  readonly namespace?: string;
  /** Extra `--api-versions` to declare (e.g. CRD groups such as monitoring.coreos.com/v1). */
  readonly apiVersions?: readonly string[];
  readonly set?: readonly string[];
  /** `--skip-schema-validation` (Helm 3.16+ and 4): render values the chart's schema would refuse. */
  readonly skipSchemaValidation?: boolean;
}

export function helmTemplateArgs(o: HelmRenderOptions): string[] {
  const args = ['template', o.releaseName ?? 'boardviewer', o.chart, '--namespace', o.namespace ?? 'boardviewer'];
  args.push('--kube-version', o.kubeVersion);
  for (const file of o.valuesFiles ?? []) args.push('--values', file);
  for (const api of o.apiVersions ?? []) args.push('--api-versions', api);
  for (const s of o.set ?? []) args.push('--set', s);
  if (o.skipSchemaValidation) args.push('--skip-schema-validation');
  return args;
}

export function helmLintArgs(o: HelmRenderOptions): string[] {
  const args = ['lint', o.chart, '--strict', '--namespace', o.namespace ?? 'boardviewer', '--kube-version', o.kubeVersion];
  for (const file of o.valuesFiles ?? []) args.push('--values', file);
  for (const s of o.set ?? []) args.push('--set', s);
  return args;
}

export class Helm {
  readonly major: HelmMajor;
  private readonly binary: string;
  private readonly run: ProcessRunner;

  constructor(major: HelmMajor, options: { binary?: string; runner?: ProcessRunner } = {}) {
    this.major = major;
    this.binary = options.binary ?? locateTool(`helm${major}` as ToolName);
    this.run = options.runner ?? runProcess;
  }

  template(options: HelmRenderOptions): Promise<ProcessResult> {
    return this.exec(helmTemplateArgs(options));
  }

  lint(options: HelmRenderOptions): Promise<ProcessResult> {
    return this.exec(helmLintArgs(options));
  }

  exec(args: readonly string[]): Promise<ProcessResult> {
    // Helm's own folders default to a scratch place, so no user repositories or plugins leak
    // into renders; callers that need their own (the end-to-end tests) set HELM_*_HOME.
    const scratch = path.join(os.tmpdir(), 'bvchart-helm');
    const env = {
      ...process.env,
      HELM_CACHE_HOME: process.env.HELM_CACHE_HOME ?? path.join(scratch, 'cache'),
      HELM_CONFIG_HOME: process.env.HELM_CONFIG_HOME ?? path.join(scratch, 'config'),
      HELM_DATA_HOME: process.env.HELM_DATA_HOME ?? path.join(scratch, 'data'),
    };
    return this.run(this.binary, args, { env, timeoutMs: 300_000 });
  }
}
