// Matrix tier (slow): the rest of every scenario × Kubernetes 1.29–1.36 × Helm 3 and 4 that the
// fast tier leaves out: `helm lint --strict` at the versions between the oldest and newest, and
// the clean validation (in-process schema check, proven equal to kubeconform by
// test/validator/schema-parity.test.ts, and the policy rules) on every other cell.
import { describe, it } from 'vitest';
import { HELM_MAJORS } from '../../toolchain/helm.ts';
import { expectCleanAcross, MATRIX_LINT_VERSIONS, MATRIX_REST_CELLS } from '../helpers/clean-matrix.ts';
import { expectLintClean, lintCases } from '../helpers/helm-lint.ts';

describe.each(lintCases(HELM_MAJORS, MATRIX_LINT_VERSIONS))('helm$major, $scenario.name', ({ major, scenario, kubeVersions }) => {
  expectLintClean(major, scenario, kubeVersions);
});

it('validates clean on the rest of the matrix; the only notes are the ones the values call for', async () => {
  await expectCleanAcross(MATRIX_REST_CELLS);
}, 600_000);
