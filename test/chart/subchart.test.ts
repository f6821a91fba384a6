// BoardViewer as a subchart: a parent chart that lists it as a dependency (copied into its
// charts/), passes `global` values (which the chart's closed schema must let through) and
// overrides under `boardviewer:`. Helm 3 and Helm 4 lint it strictly and render it with the
// overrides applied; the subchart's schema still rejects a typo made in the parent's values.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { HELM_MAJORS, Helm } from '../../toolchain/helm.ts';
import { NEWEST_KUBE_VERSION } from '../../toolchain/kube-versions.ts';
import { at, container, type K8sObject } from '../helpers/render.ts';
import { CHART } from '../helpers/scenarios.ts';

const RELEASE = 'platform';
const chartMeta = parse(fs.readFileSync(path.join(CHART, 'Chart.yaml'), 'utf8')) as { name: string; version: string };

const PARENT_VALUES = {
  global: { platform: 'boards-prod', imageRegistry: 'registry.example.com' },
  boardviewer: {
    autoscaling: { enabled: false },
    replicas: 5,
    image: { tag: '4.2.1' },
    persistence: { size: '200Gi' },
  },
};

let parent: string;

beforeAll(() => {
  parent = fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-parent-'));
  fs.writeFileSync(
    path.join(parent, 'Chart.yaml'),
    stringify({
      apiVersion: 'v2',
      name: 'boards-platform',
      description: 'A parent chart that installs BoardViewer as a dependency.',
      type: 'application',
      version: '1.0.0',
      dependencies: [{ name: chartMeta.name, version: chartMeta.version, repository: `file://${CHART}` }],
    }),
  );
  fs.writeFileSync(path.join(parent, 'values.yaml'), stringify(PARENT_VALUES));
  fs.mkdirSync(path.join(parent, 'templates'));
  fs.writeFileSync(
    path.join(parent, 'templates', 'platform.yaml'),
    [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: {{ .Release.Name }}-platform',
      'data:',
      '  platform: {{ .Values.global.platform | quote }}',
      '',
    ].join('\n'),
  );
  fs.cpSync(CHART, path.join(parent, 'charts', chartMeta.name), { recursive: true });
});

afterAll(() => {
  if (parent) fs.rmSync(parent, { recursive: true, force: true });
});

describe.each(HELM_MAJORS)('helm%i, BoardViewer as a subchart with global values', (major) => {
  const helm = new Helm(major);
  const options = () => ({ chart: parent, kubeVersion: NEWEST_KUBE_VERSION, releaseName: RELEASE, namespace: 'boards' });

  it('passes helm lint --strict', async () => {
    const lint = await helm.lint(options());
    expect(lint.status, `${lint.stdout}${lint.stderr}`).toBe(0);
    expect(lint.stdout).toContain('0 chart(s) failed');
  });

  it('renders the StatefulSet with the overrides under boardviewer:', async () => {
    const result = await helm.template(options());
    expect(result.status, result.stderr).toBe(0);
    const objects = parseAllDocuments(result.stdout)
      .map((d) => d.toJS() as K8sObject | null)
      .filter((o): o is K8sObject => o !== null);
    const statefulSets = objects.filter((o) => o.kind === 'StatefulSet' && o.metadata.name === `${RELEASE}-${chartMeta.name}`);
    expect(statefulSets).toHaveLength(1);
    const sts = statefulSets[0] as K8sObject;
    expect(at(sts, 'spec.replicas')).toBe(5);
    expect(container(sts, 'boardviewer').image).toMatch(/:4\.2\.1$/);
    const claims = at(sts, 'spec.volumeClaimTemplates') as { spec: { resources: { requests: { storage: string } } } }[];
    expect(claims.map((c) => c.spec.resources.requests.storage)).toContain('200Gi');
    // autoscaling off in the override: no HPA from the subchart.
    expect(objects.filter((o) => o.kind === 'HorizontalPodAutoscaler')).toEqual([]);
    // The parent's own template sees the global value the subchart was also given.
    const platform = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === `${RELEASE}-platform`);
    expect(at(platform, 'data.platform')).toBe('boards-prod');
  });

  it("still validates the subchart's values against its schema (a typo under boardviewer: fails)", async () => {
    const result = await helm.template({ ...options(), set: ['boardviewer.replicsa=3'] });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/values don't meet the specifications of the schema/);
    expect(result.stderr).toContain(`${chartMeta.name}:`);
    expect(result.stderr).toMatch(/additional properties 'replicsa' not allowed/);
  });
});
