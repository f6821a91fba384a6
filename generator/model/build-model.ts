// Stage 3, model: turn the validated schema into the value tree, the default values and the
// published schema. Pure; the input is not mutated.
import type { Values } from '../../schema/values.generated.ts';
import { tighten } from '../kubernetes/tightenings.ts';
import { EXTENSION_PREFIX } from '../schema/extensions.ts';
import { hasDeclaredProperties, isSchemaObject, propertiesOf, refTypeOf, type SchemaObject, typesOf } from '../schema/schema-node.ts';
import type { ValidatedSources } from '../validate/validate-sources.ts';
import type { ChartModel, EnvSetting, ValueKind, ValueNode } from './chart-model.ts';

function kindOf(schema: SchemaObject): ValueKind {
  const types = typesOf(schema);
  if (hasDeclaredProperties(schema)) return 'object';
  if (types.includes('array')) return 'list';
  if (types.includes('object')) return isSchemaObject(schema.additionalProperties) ? 'map' : 'open';
  return 'scalar';
}

/** `io.k8s.api.core.v1.Volume` → `Volume`: the name people know a definition by. */
function definitionLabel(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

function typeLabel(schema: SchemaObject, kind: ValueKind): string {
  const inner = (s: unknown): string => {
    if (!isSchemaObject(s)) return 'any';
    const ref = refTypeOf(s);
    if (ref !== undefined) return definitionLabel(ref);
    const types = typesOf(s);
    if (types.length === 1 && types[0] === 'object' && isSchemaObject(s.additionalProperties)) return `map of ${inner(s.additionalProperties)}`;
    return types.join(' | ') || 'any';
  };
  if (kind === 'map') return `map of ${inner(schema.additionalProperties)}`;
  if (kind === 'list') return `list of ${inner(schema.items)}`;
  const ref = refTypeOf(schema);
  if (ref !== undefined) return definitionLabel(ref);
  return typesOf(schema).join(' | ');
}

function buildNode(key: string, schema: SchemaObject, parent: readonly string[]): ValueNode {
  const path = [...parent, key];
  const kind = kindOf(schema);
  const children = kind === 'object' ? propertiesOf(schema).map(([k, s]) => buildNode(k, s, path)) : [];
  const defaultValue = kind === 'object' ? Object.fromEntries(children.map((c) => [c.key, c.default])) : structuredClone(schema.default);
  const unused = schema['x-bv-unused'];
  const env = schema['x-bv-env'];
  return {
    key,
    path,
    kind,
    typeLabel: typeLabel(schema, kind),
    description: typeof schema.description === 'string' ? schema.description.trim() : '',
    default: defaultValue,
    children,
    ...(typeof unused === 'string' ? { unusedReason: unused } : {}),
    ...(typeof env === 'string' ? { env } : {}),
  };
}

/**
 * A copy of the schema without generator extensions and with object defaults filled in
 * (not inside list items or map values: those elements have no defaults of their own).
 */
function publish(schema: SchemaObject, inElement = false): SchemaObject {
  const out: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (keyword.startsWith(EXTENSION_PREFIX)) continue;
    if (keyword === 'properties' && isSchemaObject(value)) {
      out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isSchemaObject(v) ? publish(v, inElement) : v]));
    } else if (['items', 'additionalProperties', 'not'].includes(keyword) && isSchemaObject(value)) {
      out[keyword] = publish(value, inElement || keyword !== 'not');
    } else {
      out[keyword] = structuredClone(value);
    }
  }
  // Editors (yaml-language-server) show markdownDescription on hover but never the default:
  // the published text ends with the default, so hovering a key tells both.
  if (!inElement && 'default' in out && typeof out.description === 'string') {
    const shown = JSON.stringify(out.default);
    if (shown.length <= 160) {
      const base = typeof out.markdownDescription === 'string' ? out.markdownDescription : out.description;
      out.markdownDescription = `${base}\n\nDefault: \`${shown}\``;
    }
  }
  // An object that says why it is open (x-bv-open) says so in plain JSON Schema once published.
  if (typeof schema['x-bv-open'] === 'string' && !('additionalProperties' in schema)) out.additionalProperties = true;
  if (!inElement && hasDeclaredProperties(schema) && !('default' in schema)) {
    out.default = Object.fromEntries(propertiesOf(schema).map(([k, s]) => [k, buildNode(k, s, []).default]));
  }
  return out;
}

export function buildModel(validated: ValidatedSources): ChartModel {
  const values = propertiesOf(validated.schema).map(([key, schema]) => buildNode(key, schema, []));
  const defaults = Object.fromEntries(values.map((v) => [v.key, v.default])) as Values;
  const publishedSchema = publish(validated.schema) as Record<string, unknown>;
  // The root's default would duplicate values.yaml in every editor hover; leave it out.
  delete publishedSchema.default;
  // The carried Kubernetes definitions go last, after the values people read first.
  const carried = validated.carried.definitions;
  if (Object.keys(carried).length > 0) {
    const own = isSchemaObject(publishedSchema.definitions) ? publishedSchema.definitions : {};
    delete publishedSchema.definitions;
    // Published with the rules the API server enforces beyond the OpenAPI schema (tightenings.ts).
    publishedSchema.definitions = { ...tighten(carried), ...own };
  }
  const envSettings: EnvSetting[] = [...allValueNodes(values)]
    .filter((n): n is ValueNode & { env: string } => n.env !== undefined)
    .map((n) => ({ env: n.env, valuesPath: n.path.join('.'), description: n.description }))
    .sort((a, b) => (a.env < b.env ? -1 : a.env > b.env ? 1 : 0));
  const changes = validated.changelog.find((e) => e.version === validated.chartMeta.version)?.changes ?? [];
  return {
    chart: validated.chartMeta,
    changes,
    schemaFile: validated.schemaFile,
    values,
    defaults,
    envSettings,
    publishedSchema,
    kubernetesDefinitions: validated.carried,
  };
}

/** Every node of the tree, depth first. */
export function* allValueNodes(nodes: readonly ValueNode[]): Generator<ValueNode> {
  for (const node of nodes) {
    yield node;
    yield* allValueNodes(node.children);
  }
}
