// Converts a CustomResourceDefinition into the JSON schemas kubeconform reads from a CRD
// location (`{group}/{kind}_{version}.json`). Why: a chart's custom resources must be checked
// against the CRD version actually installed (crd-manifests/, or one read from a cluster),
// not only against whatever the public catalogue last generated.
// It does what the catalogue's generator (kubeconform's scripts/openapi2jsonschema.py) does:
//   - the schema is `spec.versions[].schema.openAPIV3Schema` as is (no `$schema`, no
//     nullable types: structural CRD schemas already say `nullable` where they mean it);
//   - `format: int-or-string` → oneOf[string, integer];
//   - strict: `additionalProperties: false` on every nested object schema that has
//     `properties` and says nothing about extra fields; the root stays open, as in the
//     catalogue, unless `denyRootAdditionalProperties` is set.
// Deliberate differences, none of which the catalogue's current files exercise: objects with
// `x-kubernetes-preserve-unknown-fields: true` stay open (the API server keeps their unknown
// fields, so rejecting them would be a false error), and only schema positions are walked, so
// a property that happens to be named `properties` is not mistaken for a schema. Versions with
// `served: false` are left out: no manifest can use them.

import { isObject } from '../../core/is-object.ts';

type Json = null | boolean | number | string | Json[] | JsonObject;
interface JsonObject {
  [key: string]: Json;
}

export interface ConvertCrdOptions {
  readonly strict: boolean;
  /** Also close the root object (the catalogue leaves it open). */
  readonly denyRootAdditionalProperties?: boolean;
}

function field(object: JsonObject, key: string, where: string): JsonObject {
  const value = object[key];
  if (!isObject(value)) throw new Error(`CustomResourceDefinition: ${where}.${key} must be an object`);
  return value;
}

function text(object: JsonObject, key: string, where: string): string {
  const value = object[key];
  if (typeof value !== 'string' || value === '') throw new Error(`CustomResourceDefinition: ${where}.${key} must be a non-empty string`);
  return value;
}

/** Keywords whose value is one schema, a map of schemas, or a list of schemas. */
const ONE_SCHEMA = ['items', 'additionalProperties', 'not', 'additionalItems'] as const;
const SCHEMA_MAPS = ['properties', 'patternProperties', 'definitions', 'dependencies'] as const;
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'items'] as const;

/** A copy of `schema` with the conversion applied to it and every sub-schema. */
function convertSchema(schema: Json, close: boolean, options: ConvertCrdOptions): Json {
  if (!isObject(schema)) return schema;
  if (schema.format === 'int-or-string') return { oneOf: [{ type: 'string' }, { type: 'integer' }] };
  const out: JsonObject = { ...schema };
  const sub = (value: Json): Json => convertSchema(value, true, options);
  for (const key of ONE_SCHEMA) if (isObject(out[key])) out[key] = sub(out[key]);
  for (const key of SCHEMA_LISTS) {
    const list = out[key];
    if (Array.isArray(list)) out[key] = list.map(sub);
  }
  for (const key of SCHEMA_MAPS) {
    const map = out[key];
    if (isObject(map)) out[key] = Object.fromEntries(Object.entries(map).map(([name, value]) => [name, sub(value)]));
  }
  const open = out['x-kubernetes-preserve-unknown-fields'] === true;
  if (options.strict && close && isObject(out.properties) && !Object.hasOwn(out, 'additionalProperties') && !open) {
    out.additionalProperties = false;
  }
  return out;
}

/** File name (relative to the `crds/` folder) → schema, one per served version. */
export function convertCrd(manifest: unknown, options: ConvertCrdOptions): Map<string, object> {
  if (!isObject(manifest) || manifest.kind !== 'CustomResourceDefinition') {
    throw new Error('convertCrd: expected a CustomResourceDefinition manifest');
  }
  const spec = field(manifest as JsonObject, 'spec', ''); // parsed YAML or JSON: JSON values only
  const group = text(spec, 'group', 'spec').toLowerCase();
  const kind = text(field(spec, 'names', 'spec'), 'kind', 'spec.names').toLowerCase();
  const versions = spec.versions;
  if (!Array.isArray(versions)) throw new Error('CustomResourceDefinition: spec.versions must be a list (apiextensions.k8s.io/v1)');
  const files = new Map<string, object>();
  versions.forEach((version, index) => {
    const where = `spec.versions[${index}]`;
    if (!isObject(version)) throw new Error(`CustomResourceDefinition: ${where} must be an object`);
    if (version.served === false) return;
    const name = text(version, 'name', where).toLowerCase();
    const openApi = isObject(version.schema) ? version.schema.openAPIV3Schema : undefined;
    if (!isObject(openApi)) throw new Error(`CustomResourceDefinition: ${where}.schema.openAPIV3Schema is missing`);
    const schema = convertSchema(JSON.parse(JSON.stringify(openApi)) as Json, options.denyRootAdditionalProperties === true, options);
    files.set(`${group}/${kind}_${name}.json`, schema as object);
  });
  return files;
}
