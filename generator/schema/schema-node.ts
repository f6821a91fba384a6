// A JSON Schema object as the generator reads it, and the walk over every subschema with
// its JSON Pointer and role. Rules look at one visit at a time.
import { toPointer } from '../../core/diagnostic.ts';
import { isObject } from '../../core/is-object.ts';

export type SchemaObject = { readonly [keyword: string]: unknown };

/** Why a subschema is where it is: rules about values apply to properties and items. */
export type SchemaRole = 'root' | 'property' | 'items' | 'map-values' | 'nested';

export interface SchemaVisit {
  readonly node: SchemaObject;
  readonly pointer: string;
  readonly path: readonly (string | number)[];
  readonly role: SchemaRole;
  /** The property name, for role `property`. */
  readonly key?: string;
  /**
   * True inside list items or map values: such keys describe elements the user writes, so
   * they have no default of their own in values.yaml.
   */
  readonly inElement: boolean;
}

/** A subschema in the schema's vocabulary: core's plain-object test, narrowed to SchemaObject. */
export function isSchemaObject(value: unknown): value is SchemaObject {
  return isObject(value);
}

/** The `type` keyword as a list (empty when absent). */
export function typesOf(node: SchemaObject): string[] {
  const t = node.type;
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

export function propertiesOf(node: SchemaObject): [string, SchemaObject][] {
  const props = node.properties;
  if (!isSchemaObject(props)) return [];
  return Object.entries(props).filter((e): e is [string, SchemaObject] => isSchemaObject(e[1]));
}

/** An object schema whose keys are declared (as opposed to a map or an open object). */
export function hasDeclaredProperties(node: SchemaObject): boolean {
  return typesOf(node).includes('object') && propertiesOf(node).length > 0;
}

/**
 * The definition a value is typed with (`$ref`, or `allOf: [{$ref}]` next to `type` and
 * `description`), e.g. `io.k8s.api.core.v1.Volume`; undefined for a schema typed by keywords.
 */
export function refTypeOf(node: SchemaObject): string | undefined {
  const direct = node.$ref;
  if (typeof direct === 'string') return direct.replace(/^#\/definitions\//, '');
  if (!Array.isArray(node.allOf)) return undefined;
  const refs = node.allOf
    .filter(isSchemaObject)
    .map((s) => s.$ref)
    .filter((r): r is string => typeof r === 'string');
  return refs.length === 1 ? refs[0]?.replace(/^#\/definitions\//, '') : undefined;
}

const SINGLE: readonly string[] = ['not', 'if', 'then', 'else', 'contains', 'propertyNames', 'additionalItems'];
const LISTS: readonly string[] = ['allOf', 'anyOf', 'oneOf'];
const MAPS: readonly string[] = ['definitions', 'dependencies'];

export function* walkSchema(root: unknown): Generator<SchemaVisit> {
  if (!isSchemaObject(root)) return;
  yield* visit(root, [], 'root', undefined, false);
}

function* visit(node: SchemaObject, path: (string | number)[], role: SchemaRole, key: string | undefined, inElement: boolean): Generator<SchemaVisit> {
  yield { node, path, pointer: toPointer(path), role, inElement, ...(key !== undefined ? { key } : {}) };
  const el = inElement || role === 'items' || role === 'map-values';
  for (const [name, child] of propertiesOf(node)) yield* visit(child, [...path, 'properties', name], 'property', name, el);
  if (isSchemaObject(node.patternProperties)) {
    for (const [name, child] of Object.entries(node.patternProperties)) {
      if (isSchemaObject(child)) yield* visit(child, [...path, 'patternProperties', name], 'map-values', undefined, el);
    }
  }
  if (isSchemaObject(node.additionalProperties)) {
    yield* visit(node.additionalProperties, [...path, 'additionalProperties'], 'map-values', undefined, el);
  }
  if (isSchemaObject(node.items)) yield* visit(node.items, [...path, 'items'], 'items', undefined, el);
  if (Array.isArray(node.items)) {
    for (const [i, child] of node.items.entries()) {
      if (isSchemaObject(child)) yield* visit(child, [...path, 'items', i], 'items', undefined, el);
    }
  }
  for (const kw of SINGLE) {
    const child = node[kw];
    if (isSchemaObject(child)) yield* visit(child, [...path, kw], 'nested', undefined, el);
  }
  for (const kw of LISTS) {
    const list = node[kw];
    if (!Array.isArray(list)) continue;
    for (const [i, child] of list.entries()) {
      if (isSchemaObject(child)) yield* visit(child, [...path, kw, i], 'nested', undefined, el);
    }
  }
  for (const kw of MAPS) {
    const map = node[kw];
    if (!isSchemaObject(map)) continue;
    for (const [name, child] of Object.entries(map)) {
      if (isSchemaObject(child)) yield* visit(child, [...path, kw, name], 'nested', undefined, el);
    }
  }
}
