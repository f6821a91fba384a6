// The schema converters reproduce the shipped catalogue: converting the OpenAPI v2 definitions
// a catalogue folder was made from gives the same files (byte for byte, so also deep-equal);
// a converted CRD validates custom resources and, strict, rejects unknown fields; written
// into a temporary folder, the schemas are found and used through ordinary schema locations.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SHARED_SCHEMAS_DIR } from '../../toolchain/kubeconform.ts';
import { convertCrd } from '../../validator/schemas/convert-crd.ts';
import { convertOpenApiV2 } from '../../validator/schemas/convert-openapi.ts';
import { createKubeAjv } from '../../validator/schemas/kube-ajv.ts';
import { SchemaRegistry } from '../../validator/schemas/schema-registry.ts';
import { writeSchemaLayout } from '../../validator/schemas/write-schema-layout.ts';

const SCHEMAS = SHARED_SCHEMAS_DIR;
const VERSIONS = fs
  .readdirSync(SCHEMAS)
  .filter((name) => /^v\d+\.\d+\.0-standalone-strict$/.test(name))
  .map((name) => name.replace('-standalone-strict', ''))
  .sort();

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
}

function definitions(version: string): unknown {
  return readJson(path.join(SCHEMAS, 'sources', 'cdk8s-kubernetes-schemas', version, '_definitions.json'));
}

function shippedText(version: string, file: string): string {
  return fs.readFileSync(path.join(SCHEMAS, `${version}-standalone-strict`, file), 'utf8');
}

/** JSON normalisation: what a schema is once written and read back. */
function normalise(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

// Each definitions file is parsed and converted once for the whole test file.
const converted = new Map<string, { files: Map<string, object>; skipped: Map<string, string> }>();
function convertedFor(version: string): { files: Map<string, object>; skipped: Map<string, string> } {
  let entry = converted.get(version);
  if (!entry) {
    const skipped = new Map<string, string>();
    const files = convertOpenApiV2(definitions(version), { strict: true, onSkip: (name, reason) => skipped.set(name, reason) });
    entry = { files, skipped };
    converted.set(version, entry);
  }
  return entry;
}

const KINDS_1_33 = [
  'service-v1.json',
  'configmap-v1.json',
  'secret-v1.json',
  'serviceaccount-v1.json',
  'statefulset-apps-v1.json',
  'deployment-apps-v1.json',
  'persistentvolumeclaim-v1.json',
  'horizontalpodautoscaler-autoscaling-v2.json',
  'poddisruptionbudget-policy-v1.json',
  'ingress-networking-v1.json',
  'networkpolicy-networking-v1.json',
  'cronjob-batch-v1.json',
  'job-batch-v1.json',
  'storageclass-storage-v1.json',
  'role-rbac-v1.json',
  'rolebinding-rbac-v1.json',
  'deleteoptions-meta-v1.json',
] as const;

const KINDS_1_29 = ['service-v1.json', 'statefulset-apps-v1.json', 'horizontalpodautoscaler-autoscaling-v2.json', 'cronjob-batch-v1.json'] as const;

describe('convertOpenApiV2 reproduces the shipped per-kind schemas', () => {
  describe.each([
    ['v1.33.0', KINDS_1_33],
    ['v1.29.0', KINDS_1_29],
  ] as const)('%s', (version, kinds) => {
    it.each(kinds)('%s', (file) => {
      const schema = convertedFor(version).files.get(file);
      expect(schema, `${file} not produced`).toBeDefined();
      const text = shippedText(version, file);
      expect(normalise(schema)).toEqual(JSON.parse(text));
      // Key order too: the minified output is the shipped file itself.
      expect(JSON.stringify(schema)).toBe(text);
    });
  });

  it.each(VERSIONS)('%s: exactly the shipped folder, every file byte for byte', (version) => {
    const { files, skipped } = convertedFor(version);
    const folder = path.join(SCHEMAS, `${version}-standalone-strict`);
    expect([...files.keys()].sort()).toEqual(fs.readdirSync(folder).sort());
    const different = [...files].filter(([file, schema]) => JSON.stringify(schema) !== shippedText(version, file)).map(([file]) => file);
    expect(different).toEqual([]);
    // The one recursive kind is reported, not emitted (nor is anything unbounded emitted).
    const crd = 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition';
    expect(skipped.get(crd)).toMatch(/recursive \$ref \(JSONSchemaProps → JSONSchemaProps\)/);
    expect([...skipped.values()].filter((reason) => reason !== 'list kind' && !reason.startsWith('recursive'))).toEqual([]);
  });

  it('takes a whole swagger document or a bare definitions map, and does not modify its input', () => {
    const document = definitions('v1.29.0') as { definitions: Record<string, unknown> };
    const before = JSON.stringify(document);
    const fromBare = convertOpenApiV2(document.definitions, { strict: true });
    const fromSwagger = convertOpenApiV2({ swagger: '2.0', info: {}, paths: {}, definitions: document.definitions }, { strict: true });
    expect(JSON.stringify(document)).toBe(before);
    expect(JSON.stringify(fromBare.get('service-v1.json'))).toBe(shippedText('v1.29.0', 'service-v1.json'));
    expect(JSON.stringify(fromSwagger.get('service-v1.json'))).toBe(shippedText('v1.29.0', 'service-v1.json'));
  });

  it('without strict, leaves objects open but keeps enums and nullable types', () => {
    const open = convertOpenApiV2(definitions('v1.29.0'), { strict: false }).get('service-v1.json');
    const text = JSON.stringify(open);
    expect(text).not.toContain('"additionalProperties":false');
    expect(normalise(open)).toMatchObject({
      properties: { apiVersion: { enum: ['v1'], type: ['string', 'null'] }, kind: { enum: ['Service'] } },
    });
  });
});

const SERVICE_MONITOR_CRD = path.join(SCHEMAS, 'crd-manifests', 'monitoring.coreos.com', 'monitoring.coreos.com_servicemonitors.yaml');
const SERVICE_MONITOR_FILE = 'monitoring.coreos.com/servicemonitor_v1.json';

function serviceMonitor(endpoint: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'ServiceMonitor',
    metadata: { name: 'boardviewer', labels: { release: 'prometheus' } },
    spec: {
      selector: { matchLabels: { 'app.kubernetes.io/name': 'boardviewer' } },
      endpoints: [{ port: 'metrics', interval: '30s', path: '/metrics', ...endpoint }],
    },
  };
}

/** JSON pointer → additionalProperties of every object schema with `properties`. */
function closedObjects(schema: unknown, pointer = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (Array.isArray(schema)) schema.forEach((item, index) => closedObjects(item, `${pointer}/${index}`, out));
  else if (typeof schema === 'object' && schema !== null) {
    const node = schema as Record<string, unknown>;
    if ('properties' in node) out.set(pointer, node.additionalProperties);
    for (const [key, value] of Object.entries(node)) closedObjects(value, `${pointer}/${key}`, out);
  }
  return out;
}

describe('convertCrd', () => {
  const manifest = parse(fs.readFileSync(SERVICE_MONITOR_CRD, 'utf8')) as unknown;
  const strict = convertCrd(manifest, { strict: true });
  const schema = strict.get(SERVICE_MONITOR_FILE);

  it('names the file {group}/{kind}_{version}.json, one per served version', () => {
    expect([...strict.keys()]).toEqual([SERVICE_MONITOR_FILE]);
  });

  it('closes the same objects as the catalogue file (an older CRD version, so structure only)', () => {
    const catalogue = readJson(path.join(SCHEMAS, 'crds', SERVICE_MONITOR_FILE));
    const ours = closedObjects(schema);
    const theirs = closedObjects(catalogue);
    const common = [...ours.keys()].filter((pointer) => theirs.has(pointer));
    expect(common.length).toBeGreaterThan(30);
    for (const pointer of common) expect([pointer, ours.get(pointer)]).toEqual([pointer, theirs.get(pointer)]);
    // The root stays open and gets no $schema, as in the catalogue.
    expect(Object.keys(schema ?? {})).toEqual(Object.keys(catalogue as object));
  });

  it('validates a ServiceMonitor and, strict, rejects an unknown field', () => {
    const validate = createKubeAjv().compile(schema ?? {});
    expect(validate(serviceMonitor()), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(serviceMonitor({ scrapeIntervall: '30s' }))).toBe(false);
    expect(validate.errors).toContainEqual(
      expect.objectContaining({ instancePath: '/spec/endpoints/0', keyword: 'additionalProperties', params: { additionalProperty: 'scrapeIntervall' } }),
    );
    const lenient = createKubeAjv().compile(convertCrd(manifest, { strict: false }).get(SERVICE_MONITOR_FILE) ?? {});
    expect(lenient(serviceMonitor({ scrapeIntervall: '30s' }))).toBe(true);
  });

  it('rejects what is not a CustomResourceDefinition', () => {
    expect(() => convertCrd({ kind: 'Service' }, { strict: true })).toThrow(/CustomResourceDefinition/);
  });
});

describe('writeSchemaLayout', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-schemas-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('writes a folder that schema locations resolve, for kinds and CRDs', async () => {
    const kubernetesFolder = writeSchemaLayout(tmp, '1.33.4', convertedFor('v1.33.0').files, 'kubernetes', true);
    const crdFolder = writeSchemaLayout(tmp, '1.33.4', convertCrd(parse(fs.readFileSync(SERVICE_MONITOR_CRD, 'utf8')), { strict: true }), 'crd');
    expect(kubernetesFolder).toBe(path.join(tmp, 'v1.33.0-standalone-strict'));
    expect(crdFolder).toBe(path.join(tmp, 'crds'));
    const servicePath = path.join(tmp, 'v1.33.0-standalone-strict', 'service-v1.json');
    expect(fs.readFileSync(servicePath, 'utf8')).toBe(shippedText('v1.33.0', 'service-v1.json'));
    expect(fs.readdirSync(kubernetesFolder).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    // A bare folder location (kubeconform appends its layout) plus the CRD template.
    const registry = new SchemaRegistry({
      kubernetesVersion: '1.33.4',
      strict: true,
      schemaLocations: [tmp, `${tmp}/crds/{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json`],
    });
    const service = await registry.lookup('Service', 'v1');
    if (service.kind !== 'found') throw new Error(`Service schema not found: ${JSON.stringify(service)}`);
    expect(service.location).toBe(servicePath);
    const good = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'bv' }, spec: { selector: { app: 'bv' }, ports: [{ port: 80, targetPort: 'http' }] } };
    expect(service.validate(good), JSON.stringify(service.validate.errors)).toBe(true);
    expect(service.validate({ ...good, spec: { ...good.spec, clusterIPs: 'none', prots: [] } })).toBe(false);
    expect(service.validate.errors?.map((e) => e.keyword).sort()).toEqual(['additionalProperties', 'type']);

    const monitor = await registry.lookup('ServiceMonitor', 'monitoring.coreos.com/v1');
    if (monitor.kind !== 'found') throw new Error(`ServiceMonitor schema not found: ${JSON.stringify(monitor)}`);
    expect(monitor.location).toBe(path.join(tmp, 'crds', SERVICE_MONITOR_FILE));
    expect(monitor.validate(serviceMonitor())).toBe(true);
  });

  it('uses -standalone without strict and refuses names outside the folder', () => {
    const files = new Map<string, object>([['configmap-v1.json', { type: 'object' }]]);
    expect(writeSchemaLayout(tmp, 'v1.30', files, 'kubernetes', false)).toBe(path.join(tmp, 'v1.30.0-standalone'));
    expect(fs.readFileSync(path.join(tmp, 'v1.30.0-standalone', 'configmap-v1.json'), 'utf8')).toBe('{"type":"object"}');
    expect(() => writeSchemaLayout(tmp, '1.30.0', new Map([['../escape.json', {}]]), 'crd')).toThrow(/inside/);
  });
});
