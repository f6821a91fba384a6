// Schema locations as kubeconform reads them: template variables, folders, the `default`
// catalogue, and URL locations cached on disk (no network: the fetch is replaced).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_SCHEMAS_DIR } from '../../toolchain/kubeconform.ts';
import { expandLocation, normalizeKubernetesVersion, templateVariables } from '../../validator/schemas/schema-location.ts';
import { SchemaRegistry } from '../../validator/schemas/schema-registry.ts';
import { createSchemaSource } from '../../validator/schemas/schema-source.ts';

describe('template variables (as kubeconform computes them)', () => {
  it.each([
    ['Service', 'v1', { ResourceKind: 'service', ResourceAPIVersion: 'v1', Group: 'v1', KindSuffix: '-v1' }],
    ['StatefulSet', 'apps/v1', { ResourceKind: 'statefulset', ResourceAPIVersion: 'v1', Group: 'apps', KindSuffix: '-apps-v1' }],
    ['Ingress', 'networking.k8s.io/v1', { ResourceKind: 'ingress', ResourceAPIVersion: 'v1', Group: 'networking.k8s.io', KindSuffix: '-networking-v1' }],
    [
      'ServiceMonitor',
      'monitoring.coreos.com/v1',
      { ResourceKind: 'servicemonitor', ResourceAPIVersion: 'v1', Group: 'monitoring.coreos.com', KindSuffix: '-monitoring-v1' },
    ],
  ] as const)('%s %s', (kind, apiVersion, expected) => {
    expect(templateVariables(kind, apiVersion, '1.31.0', true)).toEqual({ NormalizedKubernetesVersion: 'v1.31.0', StrictSuffix: '-strict', ...expected });
  });

  it.each([
    ['/schemas', '/schemas/v1.31.0-standalone-strict/statefulset-apps-v1.json'],
    ['/crds/{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json', '/crds/apps/statefulset_v1.json'],
    ['https://example.com/{{.NormalizedKubernetesVersion}}/{{ .ResourceKind }}{{ .KindSuffix }}.json', 'https://example.com/v1.31.0/statefulset-apps-v1.json'],
    ['default', 'https://raw.githubusercontent.com/yannh/kubernetes-json-schema/master/v1.31.0-standalone-strict/statefulset-apps-v1.json'],
  ])('%s', (location, expected) => {
    expect(expandLocation(location, templateVariables('StatefulSet', 'apps/v1', '1.31.0', true))).toBe(expected);
  });

  it.each([
    ['1.30.5', '1.30.0'],
    ['v1.36.2', '1.36.0'],
    ['1.29', '1.29.0'],
    ['master', 'master'],
  ])('version %s → %s', (input, expected) => expect(normalizeKubernetesVersion(input)).toBe(expected));
});

describe('URL locations', () => {
  it('are fetched once and then read from the on-disk cache; a 404 means missing', async () => {
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-schema-cache-'));
    const service = fs.readFileSync(path.join(SHARED_SCHEMAS_DIR, 'v1.33.0-standalone-strict', 'service-v1.json'), 'utf8');
    const fetched: string[] = [];
    const source = createSchemaSource({
      cacheDir,
      fetchText: async (url) => {
        fetched.push(url);
        return url.endsWith('/service-v1.json') ? { status: 200, text: service } : { status: 404, text: '' };
      },
    });
    const location = 'https://schemas.example/{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json';
    for (let i = 0; i < 2; i++) {
      const registry = new SchemaRegistry({ kubernetesVersion: '1.33.5', schemaLocations: [location], strict: true, source });
      expect((await registry.lookup('Service', 'v1')).kind).toBe('found');
      expect((await registry.lookup('Widget', 'example.com/v1')).kind).toBe('missing');
    }
    expect(fetched.filter((u) => u.endsWith('service-v1.json'))).toEqual(['https://schemas.example/v1.33.0-standalone-strict/service-v1.json']);
    expect(fs.readdirSync(cacheDir)).toHaveLength(1);
  });

  it('a server error is reported, not taken for a missing schema', async () => {
    const source = createSchemaSource({ cacheDir: fs.mkdtempSync(path.join(os.tmpdir(), 'c-')), fetchText: async () => ({ status: 503, text: '' }) });
    const registry = new SchemaRegistry({ kubernetesVersion: '1.33.0', schemaLocations: ['https://x.example/{{ .ResourceKind }}.json'], strict: true, source });
    expect(await registry.lookup('Service', 'v1')).toMatchObject({ kind: 'broken', reason: expect.stringContaining('HTTP 503') });
  });
});
