// Render errors name the values key where the user set it, with real Helm 3 and Helm 4:
// Helm's values-schema errors (one finding per error path) and template guards (`fail`
// messages in the `<key>, <key>: <why>` form of our chart, Bitnami's `VALUES VALIDATION:`
// block), each located in the override file, else in the chart's values.yaml, with the
// template line Helm names (for our chart in generator/templates/chart/, the file to edit). Each case: an override file in test/fixtures/locate-render/ and
// the expected `file:line key` list (file relative to the repository).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELM_MAJORS, Helm } from '../../../toolchain/helm.ts';
import { NEWEST_KUBE_VERSION } from '../../../toolchain/kube-versions.ts';
import type { Finding } from '../../../validator/finding.ts';
import { renderChart } from '../../../validator/render/render-chart.ts';
import { REPO } from '../../helpers/project.ts';

const FIXTURES = path.join(REPO, 'test', 'fixtures', 'locate-render');
const CHART = path.join(REPO, 'chart');
const BITNAMI_REDIS = path.join(REPO, '..', 'shared', 'third-party', 'charts', 'redis');

/** The line of the chart's values.yaml that matches `pattern`, found by text search (not by our YAML locator). */
function defaultLine(chart: string, pattern: RegExp): string {
  const lines = fs.readFileSync(path.join(chart, 'values.yaml'), 'utf8').split('\n');
  const index = lines.findIndex((l) => pattern.test(l));
  if (index < 0) throw new Error(`${pattern} is not in ${chart}/values.yaml`);
  return `${path.relative(REPO, path.join(chart, 'values.yaml'))}:${index + 1}`;
}

interface Case {
  readonly name: string;
  readonly chart?: string;
  /** One entry per finding: its values locations as `file:line key`. */
  readonly expected: readonly (readonly string[])[];
  /** Text the template line Helm names must hold (guards only). */
  readonly templateLine?: string;
}

const GUARD_SITE = 'include "boardviewer.validate"';

const CASES: readonly Case[] = [
  { name: 'schema-enum.yaml', expected: [['schema-enum.yaml:3 storageClass.reclaimPolicy']] },
  { name: 'schema-unknown-key.yaml', expected: [['schema-unknown-key.yaml:4 persistence.sise']] },
  { name: 'schema-several.yaml', expected: [['schema-several.yaml:6 ingress.hosts[0].host'], ['schema-several.yaml:2 replicas']] },
  {
    name: 'guard-quorum.yaml',
    expected: [['guard-quorum.yaml:4 replicas', `${defaultLine(CHART, /^ {2}writeQuorum:/)} quorum.writeQuorum`]],
    templateLine: GUARD_SITE,
  },
  {
    name: 'guard-autoscaling.yaml',
    expected: [['guard-autoscaling.yaml:4 autoscaling.maxReplicas', 'guard-autoscaling.yaml:3 autoscaling.minReplicas']],
    templateLine: GUARD_SITE,
  },
  { name: 'guard-cidr.yaml', expected: [['guard-cidr.yaml:3 networkPolicy.databaseCIDR']], templateLine: GUARD_SITE },
  { name: 'guard-cloud-cidr.yaml', expected: [['guard-cloud-cidr.yaml:6 networkPolicy.cloudApiCIDRs[1]']], templateLine: GUARD_SITE },
  {
    name: 'guard-redis-external.yaml',
    expected: [[`${defaultLine(CHART, /^ {4}addresses:/)} redis.external.addresses`, 'guard-redis-external.yaml:3 redis.mode']],
    templateLine: GUARD_SITE,
  },
  { name: 'guard-requests.yaml', expected: [['guard-requests.yaml:4 resources.requests.cpu']], templateLine: GUARD_SITE },
  { name: 'guard-anti-affinity.yaml', expected: [['guard-anti-affinity.yaml:3 affinity.podAntiAffinity']], templateLine: GUARD_SITE },
  { name: 'guard-monitoring.yaml', expected: [['guard-monitoring.yaml:3 monitoring.enabled']], templateLine: 'boardviewer.requireAPI' },
  { name: 'subchart-schema.yaml', chart: path.join(FIXTURES, 'parent-chart'), expected: [['subchart-schema.yaml:3 sub.port']] },
  { name: 'bitnami-redis-schema.yaml', chart: BITNAMI_REDIS, expected: [['bitnami-redis-schema.yaml:3 auth.enabled']] },
  { name: 'bitnami-redis-required.yaml', chart: BITNAMI_REDIS, expected: [[]], templateLine: 'include' },
  {
    name: 'bitnami-redis-architecture.yaml',
    chart: BITNAMI_REDIS,
    expected: [['bitnami-redis-architecture.yaml:2 architecture']],
    templateLine: 'redis.validateValues',
  },
];

function located(f: Finding): string[] {
  return (f.values ?? []).map((v) => `${path.relative(v.file.startsWith(FIXTURES) ? FIXTURES : REPO, v.file)}:${v.line} ${v.path}`);
}

describe.each(HELM_MAJORS)('render errors name the values key (Helm %i)', (major) => {
  const helms = new Map([[major, new Helm(major)]]);
  it.each(CASES)('$name', async (c) => {
    const chart = c.chart ?? CHART;
    const outcome = await renderChart(
      {
        chart,
        valuesFiles: [path.join(FIXTURES, c.name)],
        kubeVersion: NEWEST_KUBE_VERSION,
        helmMajor: major,
        releaseName: 'bv',
        namespace: 'boards',
        apiVersions: [],
      },
      helms,
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.findings.map(located)).toEqual(c.expected);
    for (const f of outcome.findings) expect(f).toMatchObject({ ruleId: 'render-failed', severity: 'error' });
    if (c.templateLine) {
      const template = outcome.findings[0]?.template;
      // Our chart's templates are located in their generator sources, the files to edit.
      expect(template?.file.startsWith(c.chart ?? path.join(REPO, 'generator', 'templates', 'chart', 'templates'))).toBe(true);
      const line = fs.readFileSync(template?.file ?? '', 'utf8').split('\n')[(template?.line ?? 0) - 1];
      expect(line).toContain(c.templateLine);
    } else {
      const name = c.chart === BITNAMI_REDIS ? 'redis' : c.chart ? 'sub' : 'boardviewer';
      for (const f of outcome.findings) expect(f.message.startsWith(`helm template failed: the values do not meet the schema of chart ${name}: `)).toBe(true);
    }
  });
});
