// The default chart and every values/ scenario validate clean (no errors, no warnings) on
// Kubernetes 1.29–1.36 with Helm 3 and Helm 4: the same check `npm run gen` ends with.
import path from 'node:path';
import { expect, it } from 'vitest';
import { SCENARIO_API_VERSIONS } from '../../cli/gen-command.ts';
import { folderSchemaLocations } from '../../toolchain/kubeconform.ts';
import { textReport } from '../../validator/report/text-report.ts';
import { validate } from '../../validator/validate.ts';
import { CHART, SCENARIOS } from '../helpers/scenarios.ts';
import { KNOWN_FLOW_FINDINGS } from './flows/known-flow-findings.ts';

/** The known day-one flow findings (flows/known-flow-findings.ts; empty once the chart fixes merge). */
const known = (f: { ruleId: string; resource?: { kind: string; name: string } }) =>
  KNOWN_FLOW_FINDINGS.some((k) => k.rule === f.ruleId && new RegExp(`^${k.object.replace('*', '[a-z0-9-]+')}$`).test(`${f.resource?.kind}/${f.resource?.name}`));

it('validates clean across the whole matrix', async () => {
  const report = await validate({
    inputs: [CHART],
    valuesSets: SCENARIOS.map((s) => s.valuesFiles),
    schemaLocations: folderSchemaLocations(),
    apiVersions: SCENARIO_API_VERSIONS,
    namespace: 'boards',
  });
  const unexpected = report.findings.filter((f) => f.severity !== 'info' && !known(f));
  expect(unexpected, textReport({ ...report, findings: unexpected }, { color: false })).toEqual([]);
  expect(report.summary.renders).toBe(SCENARIOS.length * 8 * 2);
  expect(report.summary.schema.invalid + report.summary.schema.error).toBe(0);
  // The only notes: monitoring or backup switched off in a scenario, Redis without metrics, and
  // policy rules wider than the chart's flows need.
  for (const f of report.findings.filter((f) => !known(f))) expect(['workload-monitored', 'workload-backed-up', 'flow-unexplained']).toContain(f.ruleId);
  expect(path.isAbsolute(report.findings[0]?.file ?? '/')).toBe(true);
}, 300_000);
