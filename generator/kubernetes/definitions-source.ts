// Where the Kubernetes definitions that type values such as `extraVolumes` come from, read at
// generation time (the load edge of the pipeline):
// - `shared`: the upstream OpenAPI v2 definitions of one pinned Kubernetes version, and the
//   Prometheus Operator CRD schemas, in ../shared/kubernetes-schemas (or $BVCHART_SCHEMAS_DIR);
//   the generator then carries the definitions the values schema reaches and writes them to
//   schema/kubernetes-definitions.json;
// - `committed`: without that folder (a chart maintainer's clone), the definitions carried
//   the last time, from schema/kubernetes-definitions.json.
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../../core/diagnostic.ts';
import { isSchemaObject, type SchemaObject } from '../schema/schema-node.ts';

/**
 * The Kubernetes version whose definitions type the values: the oldest the chart supports, so
 * a values file never uses a field an older supported cluster would refuse.
 */
export const KUBERNETES_DEFINITIONS_VERSION = '1.29.0';

/** The generated, committed copy of the carried definitions. */
export const KUBERNETES_DEFINITIONS_FILE = 'schema/kubernetes-definitions.json';

/** Upstream definitions of the pinned version, relative to the shared schemas folder. */
export const UPSTREAM_DEFINITIONS_PATH = `sources/cdk8s-kubernetes-schemas/v${KUBERNETES_DEFINITIONS_VERSION}/_definitions.json`;

/**
 * Definitions taken from CRD schemas (which have no `definitions` of their own): a name in the
 * style of Kubernetes definitions, the CRD schema file and the JSON Pointer of the subschema.
 */
export const CRD_DEFINITIONS: Readonly<Record<string, { readonly file: string; readonly pointer: readonly string[] }>> = {
  'com.coreos.monitoring.v1.RelabelConfig': {
    file: 'crds/monitoring.coreos.com/servicemonitor_v1.json',
    pointer: ['properties', 'spec', 'properties', 'endpoints', 'items', 'properties', 'relabelings', 'items'],
  },
  'com.coreos.monitoring.v1.Rule': {
    file: 'crds/monitoring.coreos.com/prometheusrule_v1.json',
    pointer: ['properties', 'spec', 'properties', 'groups', 'items', 'properties', 'rules', 'items'],
  },
};

export interface DefinitionsSource {
  readonly origin: 'shared' | 'committed';
  readonly kubernetesVersion: string;
  /** Every definition that may be carried, by name. */
  readonly definitions: ReadonlyMap<string, SchemaObject>;
  /** The upstream files the definitions come from, as `../shared/kubernetes-schemas/…`. */
  readonly files: readonly string[];
}

export interface DefinitionsSourceResult {
  readonly source?: DefinitionsSource;
  readonly diagnostics: readonly Diagnostic[];
}

/** How generated files name the shared schemas folder. */
export const SHARED_SCHEMAS_NAME = '../shared/kubernetes-schemas';

/** The shared schemas folder for a project root: $BVCHART_SCHEMAS_DIR, else <root>/../shared/kubernetes-schemas. */
export function sharedSchemasDir(root: string): string {
  return process.env.BVCHART_SCHEMAS_DIR ?? path.resolve(root, '..', 'shared', 'kubernetes-schemas');
}

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
}

function subschema(document: unknown, pointer: readonly string[]): SchemaObject | undefined {
  let node: unknown = document;
  for (const key of pointer) node = isSchemaObject(node) ? node[key] : undefined;
  return isSchemaObject(node) ? node : undefined;
}

function fromShared(_root: string, dir: string): DefinitionsSourceResult {
  const upstream = path.join(dir, UPSTREAM_DEFINITIONS_PATH);
  const document = readJson(upstream);
  const definitions = new Map<string, SchemaObject>();
  const all = isSchemaObject(document) && isSchemaObject(document.definitions) ? document.definitions : {};
  for (const [name, schema] of Object.entries(all)) if (isSchemaObject(schema)) definitions.set(name, schema);
  const files = [upstream];
  const diagnostics: Diagnostic[] = [];
  for (const [name, { file, pointer }] of Object.entries(CRD_DEFINITIONS)) {
    const full = path.join(dir, file);
    const schema = subschema(readJson(full), pointer);
    if (!schema) {
      diagnostics.push({
        code: 'load/kubernetes-definitions',
        severity: 'error',
        file: full,
        message: `has no subschema at /${pointer.join('/')} for ${name}`,
      });
      continue;
    }
    definitions.set(name, schema);
    if (!files.includes(full)) files.push(full);
  }
  // Named as from the project root's ../shared, wherever the folder really is, so that the
  // generated files do not depend on $BVCHART_SCHEMAS_DIR.
  const named = files.map((f) => `${SHARED_SCHEMAS_NAME}/${path.relative(dir, f).split(path.sep).join('/')}`);
  return { source: { origin: 'shared', kubernetesVersion: KUBERNETES_DEFINITIONS_VERSION, definitions, files: named }, diagnostics };
}

function fromCommitted(root: string): DefinitionsSourceResult {
  const file = path.join(root, KUBERNETES_DEFINITIONS_FILE);
  const empty = { origin: 'committed', kubernetesVersion: KUBERNETES_DEFINITIONS_VERSION, definitions: new Map(), files: [] } as const;
  if (!fs.existsSync(file)) return { source: empty, diagnostics: [] };
  let document: unknown;
  try {
    document = readJson(file);
  } catch (error) {
    return {
      diagnostics: [
        { code: 'load/kubernetes-definitions', severity: 'error', file: KUBERNETES_DEFINITIONS_FILE, message: `is not JSON: ${(error as Error).message}` },
      ],
    };
  }
  const definitions = new Map<string, SchemaObject>();
  const carried = isSchemaObject(document) && isSchemaObject(document.definitions) ? document.definitions : {};
  for (const [name, schema] of Object.entries(carried)) if (isSchemaObject(schema)) definitions.set(name, schema);
  const version = isSchemaObject(document) && typeof document.kubernetesVersion === 'string' ? document.kubernetesVersion : KUBERNETES_DEFINITIONS_VERSION;
  const sources = isSchemaObject(document) && Array.isArray(document.sources) ? document.sources.filter((s): s is string => typeof s === 'string') : [];
  return { source: { origin: 'committed', kubernetesVersion: version, definitions, files: sources }, diagnostics: [] };
}

/** Reads the shared upstream definitions when that folder exists, else the committed copy. */
export function loadDefinitionsSource(root: string): DefinitionsSourceResult {
  const dir = sharedSchemasDir(root);
  if (fs.existsSync(path.join(dir, UPSTREAM_DEFINITIONS_PATH))) return fromShared(root, dir);
  return fromCommitted(root);
}
