// Every scenario renders and validates clean (schemas and policy rules, name-length
// included) with the shortest and the longest release name Helm accepts (1 and 53
// characters) in a namespace of the longest allowed name (63), with Helm 3 and Helm 4.
import { expect, it } from 'vitest';
import { SCENARIO_API_VERSIONS } from '../../generator/verify/validate-scenarios.ts';
import { NEWEST_KUBE_VERSION } from '../../toolchain/kube-versions.ts';
import { folderSchemaLocations } from '../../toolchain/kubeconform.ts';
import { textReport } from '../../validator/report/text-report.ts';
import { validate } from '../../validator/validate.ts';
import { CHART, SCENARIOS } from '../helpers/scenarios.ts';

const NAMESPACE = `ns-${'n'.repeat(57)}-63`;
// The second name does not contain the chart name, so the fullname is release + "-boardviewer".
it.each(['r', `release-${'x'.repeat(42)}-53`])(
  'release name %s with a 63-character namespace',
  async (releaseName) => {
    expect(NAMESPACE).toHaveLength(63);
    expect([1, 53]).toContain(releaseName.length);
    const report = await validate({
      inputs: [CHART],
      valuesSets: SCENARIOS.map((s) => s.valuesFiles),
      kubernetesVersions: [NEWEST_KUBE_VERSION],
      helmMajors: [3, 4],
      schemaLocations: folderSchemaLocations(),
      apiVersions: SCENARIO_API_VERSIONS,
      releaseName,
      namespace: NAMESPACE,
      // Names are the point here, not where a finding is set (locating re-renders, test/validator/locate/).
      locate: false,
    });
    const problems = report.findings.filter((f) => f.severity !== 'info' && !f.suppressed);
    expect(problems, textReport({ ...report, findings: problems }, { color: false })).toEqual([]);
    expect(report.summary.renders).toBe(SCENARIOS.length * 2);
  },
  240_000,
);
