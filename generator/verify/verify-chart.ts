// Stage 7, verify: the written chart passes `helm lint --strict` and renders to parseable
// YAML with both Helm majors, at the oldest and newest supported Kubernetes version.
// (The full matrix and Kubernetes schema checks run in the test suite.)
import path from 'node:path';
import type { Diagnostic } from '../../core/diagnostic.ts';
import { parseYamlFile } from '../../core/yaml-source.ts';
import { HELM_MAJORS, Helm } from '../../toolchain/helm.ts';
import { NEWEST_KUBE_VERSION, OLDEST_KUBE_VERSION } from '../../toolchain/kube-versions.ts';
import { CHART_DIR } from '../layout.ts';

export interface VerifyResult {
  readonly diagnostics: readonly Diagnostic[];
  /** One line per check, for the summary. */
  readonly checks: readonly string[];
}

export async function verifyChart(root: string): Promise<VerifyResult> {
  const chart = path.join(root, CHART_DIR);
  const diagnostics: Diagnostic[] = [];
  const checks: string[] = [];
  const jobs = HELM_MAJORS.flatMap((major) =>
    [OLDEST_KUBE_VERSION, NEWEST_KUBE_VERSION].map(async (kubeVersion) => {
      const helm = new Helm(major);
      const label = `helm${major} k8s ${kubeVersion}`;
      const lint = await helm.lint({ chart, kubeVersion });
      if (lint.status !== 0) {
        diagnostics.push({
          code: 'verify/helm-lint',
          severity: 'error',
          file: CHART_DIR,
          message: `${label}: helm lint --strict failed:\n${lint.stdout}${lint.stderr}${lint.error ?? ''}`,
        });
        return;
      }
      const rendered = await helm.template({ chart, kubeVersion });
      if (rendered.status !== 0) {
        diagnostics.push({
          code: 'verify/helm-template',
          severity: 'error',
          file: CHART_DIR,
          message: `${label}: helm template failed:\n${rendered.stderr}${rendered.error ?? ''}`,
        });
        return;
      }
      const parsed = parseYamlFile(`${label} render`, rendered.stdout);
      diagnostics.push(...parsed.diagnostics);
      checks.push(`${label}: lint ok, ${parsed.documents.filter((d) => d.value !== null).length} objects rendered`);
    }),
  );
  await Promise.all(jobs);
  return { diagnostics, checks: checks.sort() };
}
