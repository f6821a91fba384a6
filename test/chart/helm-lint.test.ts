// Fast tier: every scenario passes `helm lint --strict` with Helm 3 and Helm 4 at the oldest
// and newest supported Kubernetes (the matrix tier lints at the versions between).
import { describe } from 'vitest';
import { HELM_MAJORS } from '../../toolchain/helm.ts';
import { FAST_LINT_VERSIONS } from '../helpers/clean-matrix.ts';
import { expectLintClean, lintCases } from '../helpers/helm-lint.ts';

describe.each(lintCases(HELM_MAJORS, FAST_LINT_VERSIONS))('helm$major, $scenario.name', ({ major, scenario, kubeVersions }) => {
  expectLintClean(major, scenario, kubeVersions);
});
