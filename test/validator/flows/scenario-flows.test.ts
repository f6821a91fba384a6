// Across every values/ scenario, the chart's NetworkPolicies allow every flow the chart
// implies and isolate every workload: no flow-blocked and no workload-unisolated finding
// beyond the known ones in known-flow-findings.ts (the "day one" defects, until the chart
// fixes merge; then that list is empty and this test asserts none at all).
import path from 'node:path';
import { expect, it } from 'vitest';
import { SCENARIO_API_VERSIONS } from '../../../generator/verify/validate-scenarios.ts';
import { NEWEST_KUBE_VERSION } from '../../../toolchain/kube-versions.ts';
import { folderSchemaLocations } from '../../../toolchain/kubeconform.ts';
import { validate } from '../../../validator/validate.ts';
import { CHART, SCENARIOS } from '../../helpers/scenarios.ts';
import { KNOWN_FLOW_FINDINGS } from './known-flow-findings.ts';

it('no scenario has a blocked implied flow or an unisolated workload beyond the known list', async () => {
  const report = await validate({
    inputs: [CHART],
    valuesSets: SCENARIOS.map((s) => s.valuesFiles),
    kubernetesVersions: [NEWEST_KUBE_VERSION],
    helmMajors: [4],
    schemaLocations: folderSchemaLocations(),
    apiVersions: SCENARIO_API_VERSIONS,
    releaseName: 'bv',
    namespace: 'boards',
  });
  expect(report.summary.renders).toBe(SCENARIOS.length);
  const nameOf = (values: string) => SCENARIOS.find((s) => s.valuesFiles.join(',') === (values === '(defaults)' ? '' : values))?.name ?? path.basename(values);
  // Suppressed with a reason in the chart: the chaos drill's STATEFULSET variable (a name for
  // kubectl, read by the stage as a host); it is checked to stay the only one.
  const suppressed = report.findings.filter((f) => f.suppressed && (f.ruleId === 'flow-blocked' || f.ruleId === 'workload-unisolated'));
  expect([...new Set(suppressed.map((f) => `${f.resource?.kind}/${f.resource?.name}`))]).toEqual(
    suppressed.length > 0 ? ['CronJob/bv-boardviewer-chaos-drill'] : [],
  );
  const actual = report.findings
    .filter((f) => !f.suppressed && (f.ruleId === 'flow-blocked' || f.ruleId === 'workload-unisolated'))
    .map((f) => {
      const object = `${f.resource?.kind}/${f.resource?.name}`;
      const known = KNOWN_FLOW_FINDINGS.find((k) => k.rule === f.ruleId && new RegExp(`^${k.object.replace('*', '[a-z0-9-]+')}$`).test(object));
      return `${nameOf(f.scenario?.values ?? '')}: ${f.ruleId} ${known ? known.object : object}`;
    })
    .sort();
  const expected = KNOWN_FLOW_FINDINGS.flatMap((k) => k.scenarios.map((s) => `${s}: ${k.rule} ${k.object}`)).sort();
  expect(actual).toEqual(expected);
  // Every render with NetworkPolicies has a flow table with implied flows.
  expect(report.flows?.every((f) => f.table.flows.length > 0)).toBe(true);
}, 300_000);
