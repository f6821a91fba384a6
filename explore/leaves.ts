// The leaves of a values schema: every key exploration varies. A leaf is a scalar, an
// array, or a typed map (an object whose keys are free); objects with declared properties
// are walked into. Array items that are objects are walked into as `list[0].key`.
import { type JsonSchema, resolveRef, typesOf } from './json-schema.ts';

export type PathSegment = string | number;

export interface SchemaLeaf {
  /** Path from the values root; a number is an index into an array. */
  readonly path: readonly PathSegment[];
  /** The dotted key (`service.port`, `ingress.hosts[0].host`). */
  readonly key: string;
  readonly schema: JsonSchema;
}

export function dottedKey(path: readonly PathSegment[]): string {
  return path.reduce<string>((acc, seg) => (typeof seg === 'number' ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), '');
}

/** Merges `allOf` branches into one node (properties unioned), for walking only. */
function flatten(root: JsonSchema, schema: JsonSchema): JsonSchema {
  const node = resolveRef(root, schema);
  if (!node.allOf) return node;
  return (
    node.allOf
      .map((s) => flatten(root, s))
      // biome-ignore lint/performance/noAccumulatingSpread: allOf lists are a few branches long; a new node per step keeps the inputs untouched.
      .reduce<JsonSchema>((acc, s) => ({ ...s, ...acc, properties: { ...(s.properties ?? {}), ...(acc.properties ?? {}) } }), node)
  );
}

export function collectLeaves(root: JsonSchema): SchemaLeaf[] {
  const leaves: SchemaLeaf[] = [];
  const walk = (raw: JsonSchema, path: PathSegment[], depth: number) => {
    const schema = flatten(root, raw);
    const props = schema.properties ?? {};
    if (Object.keys(props).length > 0 && depth < 12) {
      for (const [name, child] of Object.entries(props)) walk(child, [...path, name], depth + 1);
      return;
    }
    if (path.length > 0) leaves.push({ path, key: dottedKey(path), schema });
    const items = schema.items && !Array.isArray(schema.items) ? flatten(root, schema.items as JsonSchema) : undefined;
    if (items && Object.keys(items.properties ?? {}).length > 0 && typesOf(schema).includes('array') && depth < 12) {
      for (const [name, child] of Object.entries(items.properties ?? {})) walk(child, [...path, 0, name], depth + 2);
    }
  };
  walk(root, [], 0);
  return leaves;
}

/** Every key path the schema declares (objects and leaves, array items as `list.key`), for guard messages. */
export function schemaKeyPaths(root: JsonSchema): Set<string> {
  const keys = new Set<string>();
  const walk = (raw: JsonSchema, prefix: string, depth: number) => {
    if (depth > 12) return;
    const schema = flatten(root, raw);
    for (const [name, child] of Object.entries(schema.properties ?? {})) {
      const key = prefix ? `${prefix}.${name}` : name;
      keys.add(key);
      walk(child, key, depth + 1);
    }
    if (schema.items && !Array.isArray(schema.items)) walk(schema.items as JsonSchema, prefix, depth + 1);
  };
  walk(root, '', 0);
  return keys;
}
