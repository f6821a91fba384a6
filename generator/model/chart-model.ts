// Stage 3's output: everything the renderers need, derived from the validated schema.
import type { Values } from '../../schema/values.generated.ts';
import type { CarriedDefinitions } from '../kubernetes/carry-definitions.ts';
import type { SchemaObject } from '../schema/schema-node.ts';
import type { ChartChange } from '../validate/changelog.ts';
import type { ChartMetadata } from '../validate/chart-meta.ts';

/**
 * object: declared properties (children); map: typed values under any key; list: an array;
 * open: a pass-through object (e.g. a Kubernetes Affinity); scalar: everything else.
 */
export type ValueKind = 'object' | 'map' | 'list' | 'open' | 'scalar';

export interface ValueNode {
  readonly key: string;
  /** Keys from the values root, e.g. ['image', 'tag']. */
  readonly path: readonly string[];
  readonly kind: ValueKind;
  /** For people: `string`, `integer | string`, `map of string`, `list of object`. */
  readonly typeLabel: string;
  readonly description: string;
  /** The default; for objects, built from the children's defaults. */
  readonly default: unknown;
  readonly children: readonly ValueNode[];
  /** Why no template reads this value (`x-bv-unused`), when that is intended. */
  readonly unusedReason?: string;
  /** The environment variable that carries this value into the container (`x-bv-env`). */
  readonly env?: string;
}

/** An application setting wired from the schema into the container's environment. */
export interface EnvSetting {
  readonly env: string;
  /** Dotted values path, e.g. `app.logLevel`. */
  readonly valuesPath: string;
  readonly description: string;
}

export interface ChartModel {
  readonly chart: ChartMetadata;
  /** The changelog entry of `chart.version`. */
  readonly changes: readonly ChartChange[];
  readonly schemaFile: string;
  /** Top-level values in schema order. */
  readonly values: readonly ValueNode[];
  /** The complete default values (what values.yaml holds). */
  readonly defaults: Values;
  /** Settings with `x-bv-env`, sorted by variable name. */
  readonly envSettings: readonly EnvSetting[];
  /**
   * The schema Helm and editors get: generator extensions stripped, object defaults filled,
   * the carried Kubernetes definitions under `definitions`.
   */
  readonly publishedSchema: SchemaObject;
  /** The Kubernetes definitions carried for `$ref`s, also written to schema/kubernetes-definitions.json. */
  readonly kubernetesDefinitions: CarriedDefinitions;
}
