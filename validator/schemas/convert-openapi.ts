// Converts a Kubernetes OpenAPI v2 document into the per-kind, self-contained JSON schemas
// kubeconform reads (`{kind}-{group}-{version}.json`). Why our own converter: a cluster's
// `/openapi/v2` (aggregated APIs, CRDs, a minor nobody published) must give the same files
// as the shipped catalogue, offline and without Python. It reproduces openapi2jsonschema
// `--expanded --kubernetes --stand-alone [--strict]` (yannh's fork, which kubeconform's
// repository is built with) step by step, quirks included, so its output is deep-equal to
// the shipped files (test/validator/convert.test.ts proves it per kind):
//   1. IntOrString → oneOf[string, integer], Quantity → oneOf[string, number];
//   2. `apiVersion`/`kind` enums appended from `x-kubernetes-group-version-kind`;
//   3. strict: `additionalProperties: false` on every nested object that has `properties`
//      (recursing through objects only, not arrays such as oneOf), and on the root;
//   4. `$schema` added, every `$ref` inlined; keys next to a `$ref` are dropped (jsonref);
//   5. on the root's properties: `format: int-or-string` → oneOf, then every `type` not named
//      in the grand-parent's `required` becomes `[type, "null"]` (the reference's
//      parent/grand-parent walk, so oneOf branches and array items are always nullable).
// Kinds whose references are recursive (CustomResourceDefinition, via JSONSchemaProps) have
// no finite stand-alone form; the reference tool refuses them and the catalogue has none, so
// they are skipped and reported through `onSkip`. `*List` kinds are skipped as in the
// catalogue (`--no-lists`).

import { isObject } from '../../core/is-object.ts';

type Json = null | boolean | number | string | Json[] | JsonObject;
interface JsonObject {
  [key: string]: Json;
}

export interface ConvertOpenApiOptions {
  readonly strict: boolean;
  /** Called for every kind that has no file, with the reason (recursive schema, old API). */
  readonly onSkip?: (definition: string, reason: string) => void;
}

const DEFINITION_REF = '#/definitions/';
const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
const SCHEMA_DIALECT = 'http://json-schema.org/schema#';

/** A deep copy that also checks the input is JSON (no functions, undefined, cycles). */
function toJson(value: unknown): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}

/** `{definitions}` of a swagger document, or the value itself when it is a bare map. */
function definitionsOf(document: unknown): JsonObject {
  if (!isObject(document)) throw new Error('OpenAPI document: expected an object');
  if (typeof document.openapi === 'string') throw new Error(`OpenAPI ${document.openapi} is not supported: expected OpenAPI v2 (swagger) definitions`);
  const definitions = isObject(document.definitions) ? document.definitions : document;
  const copy = toJson(definitions);
  if (!isObject(copy)) throw new Error('OpenAPI document: definitions must be an object');
  return copy;
}

/** Python `needle in container` for the containers the reference walk meets. */
function pyIn(needle: Json | undefined, container: Json | undefined): boolean {
  if (Array.isArray(container)) return container.some((item) => item === needle);
  if (isObject(container)) return typeof needle === 'string' && Object.hasOwn(container, needle);
  return false;
}

/** Python truthiness of a parent in the reference walk (None, {} and [] are false). */
function pyTruthy(value: Json | undefined): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (isObject(value)) return Object.keys(value).length > 0;
  return Boolean(value);
}

function appendEnum(property: Json | undefined, value: string): void {
  if (!isObject(property)) return;
  if (!Array.isArray(property.enum)) property.enum = [];
  const current = property.enum as Json[];
  if (!current.includes(value)) current.push(value);
}

/** Steps 1 and 2, in place on the copied definitions. */
function applyKubernetesOverrides(definitions: JsonObject): void {
  definitions[INT_OR_STRING] = { oneOf: [{ type: 'string' }, { type: 'integer' }] };
  definitions[QUANTITY] = { oneOf: [{ type: 'string' }, { type: 'number' }] };
  for (const definition of Object.values(definitions)) {
    if (!isObject(definition) || !Array.isArray(definition['x-kubernetes-group-version-kind'])) continue;
    const properties = isObject(definition.properties) ? definition.properties : {};
    for (const gvk of definition['x-kubernetes-group-version-kind']) {
      if (!isObject(gvk)) continue;
      const group = typeof gvk.group === 'string' ? gvk.group : '';
      const version = typeof gvk.version === 'string' ? gvk.version : '';
      if (Object.hasOwn(properties, 'apiVersion')) appendEnum(properties.apiVersion, group ? `${group}/${version}` : version);
      if (Object.hasOwn(properties, 'kind') && typeof gvk.kind === 'string') appendEnum(properties.kind, gvk.kind);
    }
  }
}

/** Step 3 (`additional_properties`): mutates nested objects, objects only, not arrays. */
function forbidAdditionalProperties(node: JsonObject): void {
  for (const value of Object.values(node)) {
    if (!isObject(value)) continue;
    if (Object.hasOwn(value, 'properties') && !Object.hasOwn(value, 'additionalProperties')) value.additionalProperties = false;
    forbidAdditionalProperties(value);
  }
}

class RecursiveSchemaError extends Error {}

/** Step 4: inlines `$ref`s; expansions are shared (memoised), the later steps copy. */
class RefInliner {
  private readonly expanded = new Map<string, Json>();
  private readonly inProgress: string[] = [];

  constructor(private readonly definitions: JsonObject) {}

  inline(node: Json): Json {
    if (Array.isArray(node)) return node.map((item) => this.inline(item));
    if (!isObject(node)) return node;
    if (typeof node.$ref === 'string') return this.resolve(node.$ref);
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) out[key] = this.inline(value);
    return out;
  }

  private resolve(ref: string): Json {
    if (!ref.startsWith(DEFINITION_REF)) throw new Error(`unsupported $ref ${ref}: only ${DEFINITION_REF}… is resolved`);
    const name = decodeURIComponent(ref.slice(DEFINITION_REF.length)).replace(/~1/g, '/').replace(/~0/g, '~');
    const done = this.expanded.get(name);
    if (done !== undefined) return done;
    if (this.inProgress.includes(name)) {
      const cycle = [...this.inProgress.slice(this.inProgress.indexOf(name)), name].map((n) => n.split('.').pop());
      throw new RecursiveSchemaError(`recursive $ref (${cycle.join(' → ')}): no finite stand-alone schema`);
    }
    const target = this.definitions[name];
    if (target === undefined) throw new Error(`unresolved $ref ${ref}`);
    this.inProgress.push(name);
    try {
      const result = this.inline(target);
      this.expanded.set(name, result);
      return result;
    } finally {
      this.inProgress.pop();
    }
  }
}

/** Step 5a (`replace_int_or_string`): returns a copy. */
function replaceIntOrString(node: Json): Json {
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (isObject(value)) {
      out[key] = value.format === 'int-or-string' ? { oneOf: [{ type: 'string' }, { type: 'integer' }] } : replaceIntOrString(value);
    } else if (Array.isArray(value)) {
      out[key] = value.map(replaceIntOrString);
    } else {
      out[key] = value;
    }
  }
  return out;
}

/**
 * Step 5b (`allow_null_optional_fields`): returns a copy. The reference decides "required"
 * by looking two levels up from the object holding `type`, which is right for a property
 * (object → properties → property) and makes everything else nullable; kept as is, since
 * kubeconform's files (and the known null-in-oneOf quirk) come from exactly this walk.
 */
function allowNullOptionalFields(data: Json, parent: Json | undefined, grandParent: Json | undefined, key: string | undefined): Json {
  if (!isObject(data)) return data;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(data)) {
    if (isObject(v)) {
      out[k] = allowNullOptionalFields(v, data, parent, k);
    } else if (Array.isArray(v)) {
      out[k] = v.map((item) => allowNullOptionalFields(item, v, parent, k));
    } else if (typeof v === 'string' && k === 'type' && v !== 'null') {
      const required = pyTruthy(grandParent) && pyIn('required', grandParent) && isObject(grandParent) && pyIn(key, grandParent.required);
      out[k] = required ? v : [v, 'null'];
    } else {
      out[k] = v;
    }
  }
  return out;
}

/** The catalogue's file name for a definition, from its dotted name (not its gvk). */
export function kubernetesSchemaFileName(definitionName: string): string {
  const parts = definitionName.split('.');
  const kind = (parts[parts.length - 1] ?? '').toLowerCase();
  const group = (parts[parts.length - 3] ?? '').toLowerCase();
  const version = (parts[parts.length - 2] ?? '').toLowerCase();
  return group === 'core' || group === 'api' ? `${kind}-${version}.json` : `${kind}-${group}-${version}.json`;
}

function skipReason(name: string, definition: Json): string | undefined {
  if (!isObject(definition) || !Array.isArray(definition['x-kubernetes-group-version-kind'])) return 'not an API kind';
  if (name.endsWith('List')) return 'list kind';
  const parts = name.split('.');
  if (parts[2] === 'kubernetes' && parts[3] === 'pkg') return 'deprecated io.k8s.kubernetes.pkg namespace';
  return undefined;
}

export function convertOpenApiV2(document: unknown, options: ConvertOpenApiOptions): Map<string, object> {
  const definitions = definitionsOf(document);
  applyKubernetesOverrides(definitions);
  if (options.strict) forbidAdditionalProperties(definitions);
  const inliner = new RefInliner(definitions);
  const files = new Map<string, object>();
  for (const [name, definition] of Object.entries(definitions)) {
    const reason = skipReason(name, definition);
    if (reason !== undefined || !isObject(definition)) {
      if (reason !== 'not an API kind') options.onSkip?.(name, reason ?? 'not an object');
      continue;
    }
    const specification: JsonObject = { ...definition, $schema: SCHEMA_DIALECT };
    if (!Object.hasOwn(specification, 'type')) specification.type = 'object';
    if (options.strict) specification.additionalProperties = false;
    let inlined: Json;
    try {
      inlined = inliner.inline(specification);
    } catch (error) {
      if (!(error instanceof RecursiveSchemaError)) throw error;
      options.onSkip?.(name, error.message);
      continue;
    }
    if (isObject(inlined) && isObject(inlined.properties)) {
      inlined.properties = allowNullOptionalFields(replaceIntOrString(inlined.properties), undefined, undefined, undefined);
    }
    files.set(kubernetesSchemaFileName(name), inlined as object);
  }
  return files;
}
