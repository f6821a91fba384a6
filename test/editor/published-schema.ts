// chart/values.schema.json as the editor tests read it.
import fs from 'node:fs';
import path from 'node:path';
import { CHART } from '../helpers/scenarios.ts';
import { keyPathSegments } from '../values/invalid-fixtures.ts';

export const SCHEMA_FILE = path.join(CHART, 'values.schema.json');

export interface SchemaNode {
  readonly type?: string | readonly string[];
  readonly title?: string;
  readonly description?: string;
  readonly markdownDescription?: string;
  readonly default?: unknown;
  readonly examples?: readonly unknown[];
  readonly enum?: readonly unknown[];
  readonly pattern?: string;
  readonly format?: string;
  readonly required?: readonly string[];
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly items?: SchemaNode;
  readonly additionalProperties?: boolean | SchemaNode;
  readonly not?: SchemaNode;
  readonly $ref?: string;
  readonly allOf?: readonly SchemaNode[];
  /** The carried Kubernetes definitions, by name (`io.k8s.api.core.v1.Volume`). */
  readonly definitions?: Readonly<Record<string, SchemaNode>>;
}

export function loadPublishedSchema(): SchemaNode {
  return JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as SchemaNode;
}

/** The schema of the value at `keyPath` (`a.b[0].c`); throws if the schema does not declare it. */
export function schemaAt(root: SchemaNode, keyPath: string): SchemaNode {
  let node = root;
  for (const segment of keyPathSegments(keyPath)) {
    const next = typeof segment === 'number' ? node.items : node.properties?.[segment];
    if (!next) throw new Error(`the schema declares no ${keyPath} (at ${String(segment)})`);
    node = next;
  }
  return node;
}

/** Every declared property with its key path, depth first (list items as `[0]`). */
export function* allProperties(node: SchemaNode, prefix = ''): Generator<{ keyPath: string; schema: SchemaNode }> {
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const keyPath = prefix ? `${prefix}.${key}` : key;
    yield { keyPath, schema: child };
    yield* allProperties(child, keyPath);
    if (child.items) yield* allProperties(child.items, `${keyPath}[0]`);
  }
}

/** What an editor shows for a value: the Markdown description if there is one. */
export function editorDocumentation(schema: SchemaNode): string {
  return schema.markdownDescription ?? schema.description ?? '';
}

/** Whitespace-insensitive comparison text (editors re-wrap and escape descriptions). */
export function normalize(text: string): string {
  return text
    .replace(/\\([\\`*_{}[\]()#+\-.!<>|])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
