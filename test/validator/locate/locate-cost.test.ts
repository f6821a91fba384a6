// Locating costs renders only when a render has findings: a clean render runs no perturbed
// Helm process, --no-locate runs none, and renders with identical output share the work.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderSchemaLocations } from '../../../toolchain/kubeconform.ts';
import { CheckContext, type CheckSettings, checkItem } from '../../../validator/check-item.ts';
import { EMPTY_CONFIG } from '../../../validator/config.ts';
import { DEFAULT_FLOW_OPTIONS } from '../../../validator/flows/flow-options.ts';
import type { WorkItem } from '../../../validator/work-plan.ts';
import { REPO, runCli } from '../../helpers/project.ts';
import { CHART } from '../../helpers/scenarios.ts';

const REDIS = path.resolve(REPO, '..', 'shared', 'third-party', 'charts', 'redis');
const INVALID = path.join(REPO, 'test', 'fixtures', 'locate', 'redis', 'schema-invalid.yaml');

const settings = (extra: Partial<CheckSettings> = {}): CheckSettings => ({
  schemaLocations: folderSchemaLocations(),
  strict: true,
  ignoreMissingSchemas: false,
  ruleSets: ['schema'],
  config: EMPTY_CONFIG,
  flows: DEFAULT_FLOW_OPTIONS,
  ...extra,
});

const render = (valuesFiles: string[], kubeVersion = '1.36.0', helmMajor: 3 | 4 = 4): WorkItem => ({
  kind: 'render',
  request: { chart: REDIS, valuesFiles, kubeVersion, helmMajor, releaseName: 'release', namespace: 'default', apiVersions: [] },
});

describe('the cost of locating', () => {
  it('a clean render runs no perturbed render', async () => {
    const context = new CheckContext(settings());
    const result = await checkItem(render([]), context);
    expect(result.findings).toEqual([]);
    expect((await context.locator()).renders).toBe(0);
  });

  it('a render with infos only (our chart as shipped: no monitor, no backup, a flow to explain) runs no perturbed render', async () => {
    const context = new CheckContext(settings({ ruleSets: undefined }));
    const item: WorkItem = {
      kind: 'render',
      request: { chart: CHART, valuesFiles: [], kubeVersion: '1.36.0', helmMajor: 4, releaseName: 'release', namespace: 'default', apiVersions: [] },
    };
    const result = await checkItem(item, context);
    expect(result.findings.length).toBeGreaterThan(0);
    expect(result.findings.every((f) => f.severity === 'info')).toBe(true);
    expect(result.findings.some((f) => f.values || f.template)).toBe(false);
    expect((await context.locator()).renders).toBe(0);
  });

  it('a render with findings runs perturbed renders; one with the same objects (other Kubernetes version, other Helm major) shares them', async () => {
    const context = new CheckContext(settings());
    const first = await checkItem(render([INVALID], '1.35.0'), context);
    expect(first.findings.length).toBeGreaterThan(0);
    expect(first.findings.every((f) => f.values?.[0]?.path === 'commonAnnotations.team')).toBe(true);
    const renders = (await context.locator()).renders;
    expect(renders).toBeGreaterThan(0);
    const second = await checkItem(render([INVALID], '1.36.0'), context);
    expect(second.findings.map((f) => f.values)).toEqual(first.findings.map((f) => f.values));
    expect((await context.locator()).renders).toBe(renders);
    // Helm 3 lays the documents out differently (blank lines); the objects are the same.
    const helm3 = await checkItem(render([INVALID], '1.36.0', 3), context);
    expect(helm3.findings.map((f) => f.values)).toEqual(first.findings.map((f) => f.values));
    expect((await context.locator()).renders).toBe(renders);
  }, 120_000);

  it('locate: false (--no-locate) runs none and adds no locations', async () => {
    const context = new CheckContext(settings({ locate: false }));
    const result = await checkItem(render([INVALID]), context);
    expect(result.findings.length).toBeGreaterThan(0);
    expect(result.findings.some((f) => f.values || f.template)).toBe(false);
    expect((await context.locator()).renders).toBe(0);
  });
});

describe('bvchart validate --no-locate', () => {
  const SCHEMA_ARGS = folderSchemaLocations().flatMap((l) => ['--schema-location', l]);
  const args = ['validate', REDIS, '-f', INVALID, '--rules', 'schema', '--kubernetes-version', '1.36', '--helm', '4', '-o', 'json', ...SCHEMA_ARGS];
  it.each([
    ['located by default', [], true],
    ['not located with --no-locate', ['--no-locate'], false],
  ])('%s', async (_name, extra, located) => {
    const run = await runCli([...args, ...extra], REPO);
    expect(run.code).toBe(1);
    const findings = JSON.parse(run.stdout).findings as { values?: { path: string }[] }[];
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => (f.values?.[0]?.path === 'commonAnnotations.team') === located)).toBe(true);
  });
});
