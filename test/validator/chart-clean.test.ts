// The default chart and every values/ scenario validate clean (no errors, no warnings) on
// every supported Kubernetes version with Helm 3 and Helm 4: the same check `npm run gen`
// ends with. The only findings are the notes each scenario's values call for, computed here
// from the values (monitoring or backup off, the in-chart Redis unscraped), so the test also
// fails when the validator goes quiet.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { parse } from 'yaml';
import { SCENARIO_API_VERSIONS } from '../../cli/gen-command.ts';
import type { Values } from '../../schema/values.generated.ts';
import { HELM_MAJORS } from '../../toolchain/helm.ts';
import { KUBE_VERSIONS } from '../../toolchain/kube-versions.ts';
import { folderSchemaLocations } from '../../toolchain/kubeconform.ts';
import { textReport } from '../../validator/report/text-report.ts';
import { validate } from '../../validator/validate.ts';
import { CHART, SCENARIOS, type Scenario } from '../helpers/scenarios.ts';

const RELEASE = 'bv';
// The two StatefulSets, by role (a scenario may override the full name).
const APP = 'StatefulSet/app';
const REDIS = 'StatefulSet/redis';
const role = (name: string) => (name.endsWith('-redis') ? 'redis' : 'app');

/** The switches the notes depend on: the chart's defaults, overridden by the scenario's file. */
function switches(scenario: Scenario): { monitoring: boolean; backup: boolean; inChartRedis: boolean } {
  const read = (file: string) => parse(fs.readFileSync(file, 'utf8')) as Values;
  const layers = [read(path.join(CHART, 'values.yaml')), ...scenario.valuesFiles.map(read)];
  const last = <T>(pick: (v: Values) => T | undefined): T | undefined => layers.map(pick).filter((x) => x !== undefined).at(-1);
  return {
    monitoring: last((v) => v.monitoring?.enabled) === true,
    backup: last((v) => v.backup?.enabled) === true,
    inChartRedis: last((v) => v.redis?.mode) === 'cluster',
  };
}

/** `<scenario values> <rule> <Kind/name>` for every note the scenario should produce. */
function expectedNotes(scenario: Scenario): string[] {
  const s = switches(scenario);
  const label = scenario.valuesFiles.length > 0 ? scenario.valuesFiles.join(' + ') : '(defaults)';
  const workloads = [APP, ...(s.inChartRedis ? [REDIS] : [])];
  const notes: string[] = [];
  if (!s.monitoring) notes.push(`workload-monitored ${APP}`);
  // The ServiceMonitor scrapes BoardViewer only; the in-chart Redis exports no metrics.
  if (s.inChartRedis) notes.push(`workload-monitored ${REDIS}`);
  if (!s.backup) for (const w of workloads) notes.push(`workload-backed-up ${w}`);
  return notes.map((n) => `${label} ${n}`);
}

it('validates clean across the whole matrix; the only notes are the ones the values call for', async () => {
  const report = await validate({
    inputs: [CHART],
    valuesSets: SCENARIOS.map((s) => s.valuesFiles),
    schemaLocations: folderSchemaLocations(),
    apiVersions: SCENARIO_API_VERSIONS,
    releaseName: RELEASE,
    namespace: 'boards',
  });
  const unexpected = report.findings.filter((f) => f.severity !== 'info');
  expect(unexpected, textReport({ ...report, findings: unexpected }, { color: false })).toEqual([]);
  const matrix = KUBE_VERSIONS.length * HELM_MAJORS.length;
  expect(report.summary.renders).toBe(SCENARIOS.length * matrix);
  expect(report.summary.schema.invalid + report.summary.schema.error).toBe(0);
  expect(report.summary.schema.valid).toBe(report.summary.resources);

  // Each expected note, once per Kubernetes version × Helm major, and nothing else.
  const seen = new Map<string, number>();
  for (const f of report.findings) {
    const key = `${f.scenario?.values ?? '?'} ${f.ruleId} ${f.resource?.kind ?? '?'}/${role(f.resource?.name ?? '?')}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const expected = SCENARIOS.flatMap(expectedNotes).sort();
  expect(expected.length, 'some scenario switches monitoring or backup off').toBeGreaterThan(0);
  expect([...seen.keys()].sort()).toEqual(expected);
  for (const [key, count] of seen) expect(count, key).toBe(matrix);
  expect(report.findings.every((f) => f.file !== undefined && path.isAbsolute(f.file))).toBe(true);
}, 300_000);
