// The slice of draft-07 JSON Schema that exploration reads, and the few helpers every
// probe builder shares (types of a node, local `$ref`s).
export type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array' | 'null';

export interface JsonSchema {
  readonly $ref?: string;
  readonly type?: JsonType | readonly JsonType[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly default?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly multipleOf?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly format?: string;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly items?: JsonSchema | readonly JsonSchema[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly additionalProperties?: boolean | JsonSchema;
  readonly required?: readonly string[];
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly definitions?: Readonly<Record<string, JsonSchema>>;
  readonly $defs?: Readonly<Record<string, JsonSchema>>;
  readonly [keyword: string]: unknown;
}

/** Follows a local `$ref` (`#/definitions/x`, `#/$defs/x`); other schemas are returned as they are. */
export function resolveRef(root: JsonSchema, schema: JsonSchema, depth = 0): JsonSchema {
  if (!schema.$ref?.startsWith('#/') || depth > 16) return schema;
  let node: unknown = root;
  for (const raw of schema.$ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node && typeof node === 'object' ? resolveRef(root, node as JsonSchema, depth + 1) : schema;
}

/** The types a node admits: its `type`, else those implied by its keywords or branches. */
export function typesOf(schema: JsonSchema): JsonType[] {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return [...(schema.type as readonly JsonType[])];
  const branches = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].flatMap(typesOf);
  if (branches.length > 0) return [...new Set(branches)];
  if (schema.enum) return [...new Set(schema.enum.map(jsonTypeOf))];
  if (schema.properties) return ['object'];
  if (schema.items) return ['array'];
  if (schema.pattern !== undefined || schema.format !== undefined || schema.maxLength !== undefined) return ['string'];
  return [];
}

export function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as JsonType;
}
