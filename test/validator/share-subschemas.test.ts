// Repeated subschemas shared before compiling (share-subschemas.ts). The judge is Ajv itself
// on the schema as Kubernetes wrote it: for every resource of the third-party manifests whose
// kind has a Kubernetes or CRD schema, and for broken copies of each (a field of the wrong type,
// an unknown field, a required field removed, at every depth), the shared validator gives the
// verdict and the errors (instance path, keyword, params, message) of the unshared one. And the
// point of it: a workload kind's generated code is less than half as long.
import fs from 'node:fs';
import path from 'node:path';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { ajvStandaloneLibrary } from '../../core/load-on-demand.ts';
import { folderSchemaLocations, SHARED_SCHEMAS_DIR } from '../../toolchain/kubeconform.ts';
import { resolveInput } from '../../validator/inputs.ts';
import { parseManifests } from '../../validator/parse/parse-manifests.ts';
import { createKubeAjv } from '../../validator/schemas/kube-ajv.ts';
import { expandLocation, templateVariables } from '../../validator/schemas/schema-location.ts';
import { shareRepeatedSubschemas } from '../../validator/schemas/share-subschemas.ts';
import { REPO } from '../helpers/project.ts';

type StandaloneCode = (ajv: Ajv, validate: ValidateFunction) => string;
const standalone = ajvStandaloneLibrary() as unknown as StandaloneCode & { default?: StandaloneCode };
const standaloneCode = standalone.default ?? standalone;
const schemaText = (file: string) => fs.readFileSync(path.join(SHARED_SCHEMAS_DIR, file), 'utf8');

describe('the transform', () => {
  const big = (tag: string) => ({ type: 'object', properties: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`${tag}${i}`, { type: 'string' }])) });

  it.each([
    [
      'a subschema used twice moves to definitions, both uses refer to it',
      { type: 'object', properties: { a: big('f'), b: { type: 'array', items: big('f') } } },
      { definitionsAdded: 1, refs: 2 },
    ],
    ['a subschema used once stays where it is', { type: 'object', properties: { a: big('f'), b: big('g') } }, { definitionsAdded: 0, refs: 0 }],
    [
      'copies that differ only in descriptions share',
      { properties: { a: { ...big('f'), description: 'one' }, b: { ...big('f'), description: 'two' } } },
      { definitionsAdded: 1, refs: 2 },
    ],
    ['small repeats are not worth a call', { properties: { a: { type: 'string' }, b: { type: 'string' } } }, { definitionsAdded: 0, refs: 0 }],
  ])('%s', (_name, schema, expected) => {
    const before = JSON.stringify(schema);
    const shared = shareRepeatedSubschemas(schema) as { definitions?: Record<string, unknown> };
    expect(JSON.stringify(schema)).toBe(before); // the input is not changed
    expect(Object.keys(shared.definitions ?? {}).length).toBe(expected.definitionsAdded);
    expect(JSON.stringify(shared).split('"$ref"').length - 1).toBe(expected.refs);
  });

  it('a schema with references or ids of its own is left as it is', () => {
    const schema = { $id: 'x', properties: { a: big('f'), b: big('f') } };
    expect(shareRepeatedSubschemas(schema)).toBe(schema);
    const withRef = { definitions: { d: big('f') }, properties: { a: { $ref: '#/definitions/d' }, b: big('f'), c: big('f') } };
    expect(shareRepeatedSubschemas(withRef)).toBe(withRef);
  });

  it.each([
    ['StatefulSet', 'v1.33.0-standalone-strict/statefulset-apps-v1.json'],
    ['Deployment', 'v1.33.0-standalone-strict/deployment-apps-v1.json'],
    ['CronJob', 'v1.33.0-standalone-strict/cronjob-batch-v1.json'],
  ])('%s: the generated code is less than half as long', (_kind, file) => {
    const codeOf = (schema: unknown) => {
      const ajv = createKubeAjv();
      return standaloneCode(ajv, ajv.compile(schema as object)).length;
    };
    const schema = JSON.parse(schemaText(file)) as unknown;
    expect(codeOf(shareRepeatedSubschemas(schema))).toBeLessThan(codeOf(schema) / 2);
  });
});

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Broken copies of an object: at each path (up to a bound), a wrong type, an unknown field, a field removed. */
function brokenCopies(object: Json, limit: number): Json[] {
  const copies: Json[] = [];
  const paths: (string | number)[][] = [];
  const walk = (value: Json, at: (string | number)[]) => {
    if (paths.length >= limit) return;
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...at, i]));
    else if (value !== null && typeof value === 'object') {
      paths.push(at);
      for (const [k, v] of Object.entries(value)) {
        paths.push([...at, k]);
        walk(v, [...at, k]);
      }
    }
  };
  walk(object, []);
  const edit = (path: (string | number)[], change: (parent: Record<string, Json> | Json[], key: string | number) => void) => {
    const copy = structuredClone(object);
    let parent: Json = copy;
    for (const step of path.slice(0, -1)) parent = (parent as Record<string, Json>)[step] as Json;
    change(parent as Record<string, Json>, path[path.length - 1] as string | number);
    copies.push(copy);
  };
  for (const p of paths) {
    if (p.length === 0) continue;
    edit(p, (parent, key) => {
      const value = (parent as Record<string | number, Json>)[key];
      (parent as Record<string | number, Json>)[key] = typeof value === 'string' ? 7 : typeof value === 'object' ? 'text' : { wrong: true };
    });
    edit(p, (parent, key) => {
      const value = (parent as Record<string | number, Json>)[key];
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) (value as Record<string, Json>).bvchartUnknown = 1;
    });
    edit(p, (parent, key) => {
      if (!Array.isArray(parent)) delete parent[key as string];
    });
  }
  return copies;
}

const found = (errors: readonly ErrorObject[] | null | undefined) =>
  (errors ?? []).map((e) => ({ instancePath: e.instancePath, keyword: e.keyword, params: e.params, message: e.message }));

describe('shared validators give the verdicts and errors of Ajv on the schema as written (third-party manifests and broken copies)', () => {
  const locations = folderSchemaLocations();
  const input = resolveInput(path.join(REPO, '..', 'shared', 'third-party', 'manifests'));
  const files = input.kind === 'manifests' ? input.files : [];
  const byKind = new Map<string, Json[]>();
  for (const file of files) {
    for (const r of parseManifests({ file, text: fs.readFileSync(file, 'utf8') }).resources) {
      const key = `${r.ref.apiVersion} ${r.ref.kind}`;
      byKind.set(key, [...(byKind.get(key) ?? []), r.object as unknown as Json]);
    }
  }
  const schemaFileOf = (apiVersion: string, kind: string) =>
    locations.map((l) => expandLocation(l, templateVariables(kind, apiVersion, '1.33.0', true))).find((f) => fs.existsSync(f));
  const kinds = [...byKind.keys()].filter((k) => {
    const [apiVersion = '', kind = ''] = k.split(' ');
    return schemaFileOf(apiVersion, kind) !== undefined;
  });

  it('covers the workload kinds, services, RBAC and custom resources', () => {
    expect(kinds.length).toBeGreaterThan(20);
    for (const k of ['apps/v1 Deployment', 'apps/v1 StatefulSet', 'apps/v1 DaemonSet', 'v1 Service', 'monitoring.coreos.com/v1 PrometheusRule'])
      expect(kinds).toContain(k);
  });

  it.each(kinds)('%s', (key) => {
    const [apiVersion = '', kind = ''] = key.split(' ');
    const schema = JSON.parse(fs.readFileSync(schemaFileOf(apiVersion, kind) as string, 'utf8')) as unknown;
    const asWritten: ValidateFunction = createKubeAjv().compile(schema as object);
    const shared: ValidateFunction = createKubeAjv().compile(shareRepeatedSubschemas(schema) as object);
    const objects = (byKind.get(key) ?? []).slice(0, 6);
    // CRD documents are large: fewer broken copies each.
    const copies = objects.flatMap((o) => [o, ...brokenCopies(o, kind === 'CustomResourceDefinition' ? 40 : 150)]);
    let invalid = 0;
    for (const object of copies) {
      const verdict = asWritten(object);
      expect(shared(object)).toBe(verdict);
      expect(found(shared.errors)).toEqual(found(asWritten.errors));
      if (!verdict) invalid += 1;
    }
    expect(invalid).toBeGreaterThan(0);
  });
});
