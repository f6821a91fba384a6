// The chart validates clean on a set of (Kubernetes version, Helm major) cells for every
// values/ scenario: no errors or warnings, and exactly the notes each scenario's values call
// for (monitoring or backup off, the in-chart Redis unscraped), computed here from the values
// so the check also fails when the validator goes quiet. The fast tier runs one cell per
// scenario, the matrix tier the rest (test/validator/chart-clean.test.ts, test/chart/helm-matrix.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { parse } from 'yaml';
import { validateScenarios } from '../../generator/verify/validate-scenarios.ts';
import type { Values } from '../../schema/values.generated.ts';
import type { HelmMajor } from '../../toolchain/helm.ts';
import { HELM_MAJORS } from '../../toolchain/helm.ts';
import { KUBE_VERSIONS, NEWEST_KUBE_VERSION, OLDEST_KUBE_VERSION } from '../../toolchain/kube-versions.ts';
import { folderSchemaLocations } from '../../toolchain/kubeconform.ts';
import type { Finding } from '../../validator/finding.ts';
import { textReport } from '../../validator/report/text-report.ts';
import { REPO } from './project.ts';
import { CHART, SCENARIOS, type Scenario } from './scenarios.ts';

/** A block of the matrix: every listed Kubernetes version with every listed Helm major. */
export interface MatrixBlock {
  readonly kubeVersions: readonly string[];
  readonly helmMajors: readonly HelmMajor[];
}

/** The fast tier's cell: one render per scenario. */
export const FAST_CELLS: readonly MatrixBlock[] = [{ kubeVersions: [NEWEST_KUBE_VERSION], helmMajors: [4] }];

/** The rest of KUBE_VERSIONS × HELM_MAJORS: with FAST_CELLS, the whole matrix once. */
export const MATRIX_REST_CELLS: readonly MatrixBlock[] = [
  { kubeVersions: KUBE_VERSIONS.filter((v) => v !== NEWEST_KUBE_VERSION), helmMajors: HELM_MAJORS },
  { kubeVersions: [NEWEST_KUBE_VERSION], helmMajors: HELM_MAJORS.filter((m) => m !== 4) },
];

/** The Kubernetes versions `helm lint` runs at in the fast tier; the matrix tier lints at the others. */
export const FAST_LINT_VERSIONS: readonly string[] = [OLDEST_KUBE_VERSION, NEWEST_KUBE_VERSION];
export const MATRIX_LINT_VERSIONS: readonly string[] = KUBE_VERSIONS.filter((v) => !FAST_LINT_VERSIONS.includes(v));

const RELEASE = 'bv';
// The two StatefulSets, by role (a scenario may override the full name).
const APP = 'StatefulSet/app';
const REDIS = 'StatefulSet/redis';
const role = (name: string) => (name.endsWith('-redis') ? 'redis' : 'app');

/** The switches the notes depend on: the chart's defaults, overridden by the scenario's file. */
function switches(scenario: Scenario): { monitoring: boolean; backup: boolean; inChartRedis: boolean } {
  const read = (file: string) => parse(fs.readFileSync(file, 'utf8')) as Values;
  const layers = [read(path.join(CHART, 'values.yaml')), ...scenario.valuesFiles.map(read)];
  const last = <T>(pick: (v: Values) => T | undefined): T | undefined =>
    layers
      .map(pick)
      .filter((x) => x !== undefined)
      .at(-1);
  return {
    monitoring: last((v) => v.monitoring?.enabled) === true,
    backup: last((v) => v.backup?.enabled) === true,
    inChartRedis: last((v) => v.redis?.mode) === 'cluster',
  };
}

/** `<scenario values> <rule> <Kind/role>` for every note the scenario should produce. */
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

export async function expectCleanAcross(blocks: readonly MatrixBlock[]): Promise<void> {
  const findings: Finding[] = [];
  let cells = 0;
  for (const block of blocks) {
    // The same function `bvchart gen` ends with, on this repository's chart/ and values/.
    const report = await validateScenarios({
      root: REPO,
      kubernetesVersions: block.kubeVersions,
      helmMajors: block.helmMajors,
      schemaLocations: folderSchemaLocations(),
      releaseName: RELEASE,
      namespace: 'boards',
    });
    const unexpected = report.findings.filter((f) => f.severity !== 'info' && !f.suppressed);
    expect(unexpected, textReport({ ...report, findings: unexpected }, { color: false })).toEqual([]);
    const blockCells = block.kubeVersions.length * block.helmMajors.length;
    expect(report.summary.renders).toBe(SCENARIOS.length * blockCells);
    expect(report.summary.schema.valid).toBe(report.summary.resources);
    findings.push(...report.findings);
    cells += blockCells;
  }
  // Each expected note, once per cell, and nothing else.
  const seen = new Map<string, number>();
  for (const f of findings) {
    // flow-unexplained notes (a policy wider than the chart's flows, e.g. the default database
    // range) are the flow tests' subject (test/validator/flows/), not this check's.
    if (f.ruleId === 'flow-unexplained' || f.suppressed) continue;
    const key = `${f.scenario?.values ?? '?'} ${f.ruleId} ${f.resource?.kind ?? '?'}/${role(f.resource?.name ?? '?')}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const expected = SCENARIOS.flatMap(expectedNotes).sort();
  expect(expected.length, 'some scenario switches monitoring or backup off').toBeGreaterThan(0);
  expect([...seen.keys()].sort()).toEqual(expected);
  for (const [key, count] of seen) expect(count, key).toBe(cells);
  expect(findings.every((f) => f.file !== undefined && path.isAbsolute(f.file))).toBe(true);
}
