// A probe is one value tried at one leaf: a boundary inside or just outside one of the
// leaf's constraints. Builders (one per JSON Schema keyword family, listed in index.ts)
// turn a leaf into probes.
import type { JsonSchema } from '../json-schema.ts';
import type { SchemaLeaf } from '../leaves.ts';
import type { Draw } from '../sampling.ts';

/** Which side of the leaf's own constraint the probe was built for. */
export type ProbeSide = 'inside' | 'outside';

export interface Probe {
  /** What the value tests, e.g. `maximum 65535`, `pattern match 2`, `enum non-member`. */
  readonly label: string;
  readonly side: ProbeSide;
  readonly value: unknown;
  /** Set when the value came from an arbitrary: shrinking replays it from here. */
  readonly draw?: Draw;
}

export interface ProbeContext {
  readonly root: JsonSchema;
  /** A seeded value from an arbitrary, with its replay data. */
  draw<T>(arbitrary: import('fast-check').Arbitrary<T>, label: string): { value: T; draw: Draw };
  /** A value the node accepts (its default, an enum member, a drawn match), for items and bases. */
  validValue(schema: JsonSchema, label: string): unknown;
}

export interface ProbeBuilder {
  /** The keyword family, for reports and tests. */
  readonly family: string;
  build(leaf: SchemaLeaf, ctx: ProbeContext): Probe[];
}
