// Repeated subschemas shared before compiling. Kubernetes' standalone schemas inline every
// definition, so a StatefulSet schema spells out the Container schema for `containers` and
// `initContainers`, the Probe schema six times, ResourceRequirements, VolumeMounts and so on,
// and Ajv turned each copy into its own code: about 2 MB of generated code per workload kind,
// most of a cold process's memory. Each subschema that occurs more than once (and is big
// enough to be worth a call) moves to `definitions` once and every occurrence becomes a `$ref`;
// Ajv, told not to inline references (kube-ajv.ts), compiles it to one function.
// Errors keep their instance paths (`/spec/template/spec/containers/0/...`): only schema
// paths change, and nothing reads those. A schema that has references or ids of its own is left
// as it is (the standalone and CRD schemas have none).

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Below this many characters of JSON, a copy costs less than a call. */
const MIN_SHARED_LENGTH = 200;

/** Bumped when the transform changes what Ajv compiles (part of the validator cache digest). */
export const SHARE_SUBSCHEMAS_VERSION = '1';

/** Keywords whose value is a map of names to schemas. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependencies']);
/** Keywords whose value is a schema. */
const SCHEMA_VALUES = new Set(['items', 'additionalProperties', 'additionalItems', 'not', 'contains', 'propertyNames', 'if', 'then', 'else']);
/** Keywords whose value is a list of schemas. */
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'items']);

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasOwnReferences(schema: Json): boolean {
  if (Array.isArray(schema)) return schema.some(hasOwnReferences);
  if (!isObject(schema)) return false;
  for (const [key, value] of Object.entries(schema)) {
    if ((key === '$ref' || key === '$id' || key === 'id' || key === '$anchor' || key === '$dynamicRef') && typeof value === 'string') return true;
    if (hasOwnReferences(value)) return true;
  }
  return false;
}

/** Calls `visit` on each subschema position of `schema` (not on `schema` itself), children first is up to `visit`. */
function forEachSubschema(schema: JsonObject, visit: (value: Json, replace: (next: Json) => void) => void): void {
  for (const [key, value] of Object.entries(schema)) {
    if (SCHEMA_MAPS.has(key) && isObject(value)) {
      for (const [name, sub] of Object.entries(value)) {
        if (key === 'dependencies' && Array.isArray(sub)) continue;
        visit(sub, (next) => {
          value[name] = next;
        });
      }
    } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) {
      value.forEach((sub, i) =>
        visit(sub, (next) => {
          value[i] = next;
        }),
      );
    } else if (SCHEMA_VALUES.has(key) && isObject(value)) {
      visit(value, (next) => {
        schema[key] = next;
      });
    }
  }
}

/** Drops `description` annotations in place (Ajv ignores them; copies differing only in them can share). */
function dropDescriptions(schema: Json): void {
  if (!isObject(schema)) return;
  if (typeof schema.description === 'string') delete schema.description;
  forEachSubschema(schema, dropDescriptions);
}

/**
 * The schema with repeated subschemas moved to `definitions` and referenced. Occurrences are
 * counted once per distinct parent shape (a field of the Container schema is not repeated just
 * because Container is), and a shared subschema's own repeated parts are shared inside it.
 */
export function shareRepeatedSubschemas(root: unknown): unknown {
  if (!isObject(root as Json) || hasOwnReferences(root as Json)) return root;
  const schema = structuredClone(root) as JsonObject;
  dropDescriptions(schema);
  // Each subschema's text, bottom-up.
  const textOf = new WeakMap<JsonObject, string>();
  const measure = (value: Json): void => {
    if (!isObject(value)) return;
    forEachSubschema(value, measure);
    textOf.set(value, JSON.stringify(value));
  };
  forEachSubschema(schema, measure);
  // Occurrences, top-down, entering each distinct shape once.
  const counts = new Map<string, number>();
  const count = (value: Json): void => {
    if (!isObject(value)) return;
    const text = textOf.get(value) ?? '';
    const seen = counts.get(text) ?? 0;
    counts.set(text, seen + 1);
    if (seen === 0) forEachSubschema(value, count);
  };
  forEachSubschema(schema, count);

  const definitions: JsonObject = {};
  const names = new Map<string, string>();
  const share = (value: Json, replace: (next: Json) => void): void => {
    if (!isObject(value)) return;
    const text = textOf.get(value) ?? '';
    if ((counts.get(text) ?? 0) < 2 || text.length < MIN_SHARED_LENGTH) {
      forEachSubschema(value, share);
      return;
    }
    let name = names.get(text);
    if (name === undefined) {
      name = `bvchart-shared-${names.size}`;
      names.set(text, name);
      forEachSubschema(value, share);
      definitions[name] = value;
    }
    replace({ $ref: `#/definitions/${name}` });
  };
  forEachSubschema(schema, share);
  if (names.size === 0) return schema;
  const existing = isObject(schema.definitions) ? schema.definitions : {};
  return { ...schema, definitions: { ...existing, ...definitions } };
}
