// Stage 2a, carry: the Kubernetes definitions the values schema refers to (`$ref:
// '#/definitions/io.k8s.api.core.v1.Volume'`), with every definition they reach in turn
// (transitive closure) and nothing else, made strict the way kubeconform's strict schemas
// are: an object with properties accepts no other key, so a misspelt field is an error in
// Helm and in the editor. `x-kubernetes-*` keywords and the numeric `format`s (int32, …),
// which no values validator reads, are dropped, and descriptions are cut to their first
// sentence (what an editor shows on completion; the full text is in the Kubernetes API
// reference): that keeps the published schema about 40% smaller. Pure. (The published schema
// adds the API server's rules from tightenings.ts; the carried file stays as Kubernetes says.)
import { type Diagnostic, toPointer } from '../../core/diagnostic.ts';
import { isSchemaObject, type SchemaObject } from '../schema/schema-node.ts';
import { type DefinitionsSource, KUBERNETES_DEFINITIONS_FILE } from './definitions-source.ts';

export const DEFINITIONS_REF_PREFIX = '#/definitions/';

export interface CarriedDefinitions {
  readonly origin: DefinitionsSource['origin'];
  readonly kubernetesVersion: string;
  readonly files: readonly string[];
  /** The carried definitions, sorted by name; their `$ref`s point inside this set. */
  readonly definitions: Readonly<Record<string, SchemaObject>>;
}

export interface CarryResult {
  readonly carried?: CarriedDefinitions;
  readonly diagnostics: readonly Diagnostic[];
}

/** A `$ref` found in a document, with where it sits. */
export interface FoundRef {
  readonly name: string;
  readonly path: readonly (string | number)[];
}

const DROPPED_FORMATS = new Set(['int32', 'int64', 'double', 'float']);
/** Keywords whose value is data, not a subschema: copied as they are. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples', 'required', 'description', 'type', 'pattern']);

/** The first sentence of a description: up to the first full stop followed by a capital. */
export function firstSentence(text: string): string {
  const paragraph = text.split('\n\n')[0] ?? '';
  const end = /\.\s+(?=[A-Z])/.exec(paragraph);
  return (end ? paragraph.slice(0, end.index + 1) : paragraph).replace(/\s+/g, ' ').trim();
}

/** Every `#/definitions/<name>` reference in a JSON value, depth first. */
export function findDefinitionRefs(value: unknown, path: (string | number)[] = []): FoundRef[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => findDefinitionRefs(v, [...path, i]));
  if (!isSchemaObject(value)) return [];
  const out: FoundRef[] = [];
  for (const [key, child] of Object.entries(value)) {
    if (key === '$ref' && typeof child === 'string' && child.startsWith(DEFINITIONS_REF_PREFIX)) {
      out.push({ name: child.slice(DEFINITIONS_REF_PREFIX.length), path: [...path, key] });
    } else if (!DATA_KEYWORDS.has(key)) {
      out.push(...findDefinitionRefs(child, [...path, key]));
    }
  }
  return out;
}

/** The strict form of a definition (see the file comment). */
export function strictDefinition(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strictDefinition);
  if (!isSchemaObject(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(node)) {
    if (keyword.startsWith('x-kubernetes-')) continue;
    if (keyword === 'format' && typeof value === 'string' && DROPPED_FORMATS.has(value)) continue;
    if (keyword === 'description' && typeof value === 'string') out.description = firstSentence(value);
    else if (DATA_KEYWORDS.has(keyword)) out[keyword] = structuredClone(value);
    else if (keyword === 'properties' && isSchemaObject(value)) {
      out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, strictDefinition(v)]));
    } else out[keyword] = strictDefinition(value);
  }
  if (isSchemaObject(out.properties) && !('additionalProperties' in out)) out.additionalProperties = false;
  return out;
}

/**
 * Carries what `schema` refers to from `source`. References to the schema's own `definitions`
 * are not carried; a reference to a name the source does not have is a diagnostic at its
 * `$ref` in `schemaFile`.
 */
export function carryDefinitions(schema: SchemaObject, schemaFile: string, source: DefinitionsSource): CarryResult {
  const own = isSchemaObject(schema.definitions) ? new Set(Object.keys(schema.definitions)) : new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const queue: string[] = [];
  for (const ref of findDefinitionRefs(schema)) {
    if (own.has(ref.name)) continue;
    if (source.definitions.has(ref.name)) queue.push(ref.name);
    else {
      diagnostics.push({
        code: 'schema/kubernetes-ref',
        severity: 'error',
        file: schemaFile,
        pointer: toPointer(ref.path),
        message:
          `$ref names ${ref.name}, which is neither a Kubernetes ${source.kubernetesVersion} definition nor a known CRD definition ` +
          `(new definitions are carried from ../shared/kubernetes-schemas or $BVCHART_SCHEMAS_DIR into ${KUBERNETES_DEFINITIONS_FILE})`,
      });
    }
  }
  const reached = new Set<string>();
  while (queue.length > 0) {
    const name = queue.pop() as string;
    if (reached.has(name)) continue;
    reached.add(name);
    for (const inner of findDefinitionRefs(source.definitions.get(name))) {
      if (!source.definitions.has(inner.name)) {
        diagnostics.push({
          code: 'schema/kubernetes-ref',
          severity: 'error',
          file: source.files[0] ?? KUBERNETES_DEFINITIONS_FILE,
          message: `${name} refers to ${inner.name}, which is not defined`,
        });
      } else queue.push(inner.name);
    }
  }
  if (diagnostics.length > 0) return { diagnostics };
  const definitions = Object.fromEntries([...reached].sort().map((name) => [name, strictDefinition(source.definitions.get(name)) as SchemaObject]));
  return {
    carried: { origin: source.origin, kubernetesVersion: source.kubernetesVersion, files: source.files, definitions },
    diagnostics: [],
  };
}
