// Chart.yaml's Artifact Hub annotations against what Helm renders: the images listed are
// exactly the images of every container the chart can deploy (all optional parts on), and
// the CRDs listed are exactly the non-built-in kinds it creates. The changes come from the
// changelog entry of the chart's version, and a version without an entry stops generation.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { generate } from '../../generator/generate.ts';
import { Helm } from '../../toolchain/helm.ts';
import { NEWEST_KUBE_VERSION } from '../../toolchain/kube-versions.ts';
import { editFile, tempProject } from '../helpers/project.ts';
import { CHART, CRD_API_VERSIONS } from '../helpers/scenarios.ts';

interface ChartYaml {
  version: string;
  license?: string;
  annotations: Record<string, string>;
}
const chartYaml = parse(fs.readFileSync(path.join(CHART, 'Chart.yaml'), 'utf8')) as ChartYaml;
const annotation = <T>(name: string) => parse(chartYaml.annotations[`artifacthub.io/${name}`] ?? '') as T;

type Obj = { apiVersion?: string; kind?: string; spec?: unknown };

/** Every `image` of a container or init container anywhere in an object. */
function images(node: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => images(n, out));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'containers' || key === 'initContainers') && Array.isArray(value))
        for (const c of value as { image?: string }[]) if (c.image) out.add(c.image);
      images(value, out);
    }
  }
  return out;
}

describe('Artifact Hub annotations', () => {
  it.each([3, 4] as const)('images and CRDs: exactly what Helm %i renders with every optional part on', async (major) => {
    const r = await new Helm(major).template({
      chart: CHART,
      kubeVersion: `${NEWEST_KUBE_VERSION}`,
      apiVersions: CRD_API_VERSIONS,
      set: ['monitoring.enabled=true', 'backup.enabled=true', 'chaosDrill.enabled=true', 'redis.mode=cluster', 'redis.cluster.metrics.enabled=true'],
    });
    expect(r.status, r.stderr).toBe(0);
    const objects = parseAllDocuments(r.stdout)
      .map((d) => d.toJS() as Obj | null)
      .filter((o): o is Obj => Boolean(o?.kind));
    const rendered = images(objects, new Set());
    expect(new Set(annotation<{ image: string }[]>('images').map((i) => i.image))).toEqual(rendered);
    const builtIn = (apiVersion: string) =>
      !apiVersion.includes('/') || !apiVersion.split('/')[0]?.includes('.') || apiVersion.split('/')[0]?.endsWith('.k8s.io');
    const custom = new Set(objects.filter((o) => !builtIn(o.apiVersion ?? '')).map((o) => `${o.kind} ${o.apiVersion?.split('/')[1]}`));
    expect(new Set(annotation<{ kind: string; version: string }[]>('crds').map((c) => `${c.kind} ${c.version}`))).toEqual(custom);
  });

  it('license, signing key and the changes of this version', () => {
    expect(chartYaml.annotations['artifacthub.io/license']).toBe('Apache-2.0');
    expect(annotation<{ fingerprint: string; url: string }>('signKey').fingerprint).toMatch(/^[0-9A-F]{40}$/);
    const changelog = parse(fs.readFileSync(path.join(CHART, '..', 'schema', 'CHANGELOG.yaml'), 'utf8')) as { version: string; changes: unknown[] }[];
    expect(annotation<unknown[]>('changes')).toEqual(changelog.find((e) => e.version === chartYaml.version)?.changes);
  });

  it('a version without a changelog entry stops generation at the version line', async () => {
    const root = tempProject();
    editFile(root, 'schema/chart.yaml', /^version: .*$/m, 'version: 9.9.9');
    const result = await generate({ root, mode: 'check' });
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        code: 'chart/changelog',
        file: 'schema/chart.yaml',
        position: { line: 4, column: 1 },
        message: expect.stringContaining('version 9.9.9 has no entry in schema/CHANGELOG.yaml'),
      }),
    ]);
  });
});
