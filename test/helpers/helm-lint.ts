// `helm lint --strict` of every scenario, shared by the fast tier (oldest and newest
// Kubernetes) and the matrix tier (the versions between).
import { expect, it } from 'vitest';
import { Helm, type HelmMajor } from '../../toolchain/helm.ts';
import { CHART, SCENARIOS, type Scenario } from './scenarios.ts';

export interface LintCase {
  readonly major: HelmMajor;
  readonly scenario: Scenario;
  readonly kubeVersions: readonly string[];
}

export function lintCases(majors: readonly HelmMajor[], kubeVersions: readonly string[]): LintCase[] {
  return majors.flatMap((major) => SCENARIOS.map((scenario) => ({ major, scenario, kubeVersions })));
}

export function expectLintClean(major: HelmMajor, scenario: Scenario, kubeVersions: readonly string[]): void {
  const helm = new Helm(major);
  it.each(kubeVersions)('Kubernetes %s: helm lint --strict passes', async (kubeVersion) => {
    // helm lint cannot declare API versions; requireCRDs=false is the chart's offline switch.
    const lint = await helm.lint({ chart: CHART, kubeVersion, valuesFiles: scenario.valuesFiles, set: scenario.needsCRDs ? ['requireCRDs=false'] : [] });
    expect(lint.status, `${lint.stdout}${lint.stderr}`).toBe(0);
    expect(lint.stdout).toContain('1 chart(s) linted, 0 chart(s) failed');
  });
}
