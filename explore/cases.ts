// Cases from the schema: the chart's defaults; release names of 1 and 53 characters and a
// 63-character namespace (the limits Helm and Kubernetes put on them); every leaf's probes
// (boundaries inside and just outside its constraints); booleans and enums pairwise. The
// order is seeded and interleaved so that a budget still covers many leaves on both sides.

import { type JsonSchema, typesOf } from './json-schema.ts';
import type { PathSegment, SchemaLeaf } from './leaves.ts';
import { coveringArray, seededRandom } from './pairwise.ts';
import { PROBE_BUILDERS } from './probes/index.ts';
import type { Probe, ProbeContext, ProbeSide } from './probes/probe.ts';
import type { Draw } from './sampling.ts';
import { drawOne, seedFor } from './sampling.ts';
import { validValue } from './valid-value.ts';

export const DEFAULT_RELEASE = 'explore';
export const DEFAULT_NAMESPACE = 'explore';
/** Helm's longest release name, and Kubernetes' longest namespace (a DNS label). */
export const LONGEST_RELEASE = 53;
export const LONGEST_NAMESPACE = 63;

export type CaseOrigin = 'defaults' | 'names' | 'boundary' | 'pairwise';

export interface CaseAssignment {
  readonly path: readonly PathSegment[];
  readonly key: string;
  readonly value: unknown;
  readonly probe: string;
  readonly side: ProbeSide;
  readonly draw?: Draw;
}

export interface ExploreCase {
  readonly id: string;
  readonly origin: CaseOrigin;
  /** What the case tries, e.g. `service.port: above maximum 65535`. */
  readonly title: string;
  readonly assignments: readonly CaseAssignment[];
  readonly releaseName: string;
  readonly namespace: string;
}

/** A DNS label of exactly `length` characters, readable in reports. */
export function labelOfLength(prefix: string, length: number): string {
  const body = `${prefix}-${'x'.repeat(Math.max(0, length))}`.slice(0, length);
  return body.replace(/-+$/, (m) => 'x'.repeat(m.length));
}

export function probeContext(root: JsonSchema, runSeed: number): ProbeContext {
  return {
    root,
    draw(arbitrary, label) {
      const seed = seedFor(runSeed, label);
      return { value: drawOne(arbitrary, seed), draw: { arbitrary: arbitrary as Draw['arbitrary'], seed } };
    },
    validValue: (schema, label) => validValue(root, schema, seedFor(runSeed, label)),
  };
}

/** Probes of one leaf, alternating inside and outside so the first two cover both sides. */
export function leafProbes(leaf: SchemaLeaf, ctx: ProbeContext): Probe[] {
  const all = PROBE_BUILDERS.flatMap((b) => b.build(leaf, ctx));
  const inside = all.filter((p) => p.side === 'inside');
  const outside = all.filter((p) => p.side === 'outside');
  const out: Probe[] = [];
  for (let i = 0; i < Math.max(inside.length, outside.length); i++) {
    if (inside[i]) out.push(inside[i] as Probe);
    if (outside[i]) out.push(outside[i] as Probe);
  }
  return out;
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export interface CasePlan {
  readonly cases: readonly ExploreCase[];
  /** Cases planned before the budget cut. */
  readonly planned: number;
  readonly leaves: readonly SchemaLeaf[];
}

/** `names: false` leaves out the release-name and namespace cases (a run focused on some keys). */
export function generateCases(root: JsonSchema, leaves: readonly SchemaLeaf[], seed: number, budget = Infinity, names = true): CasePlan {
  const ctx = probeContext(root, seed);
  const random = seededRandom(seed);
  const base = { releaseName: DEFAULT_RELEASE, namespace: DEFAULT_NAMESPACE };
  const fixed: ExploreCase[] = [{ id: '', origin: 'defaults', title: 'chart defaults', assignments: [], ...base }];
  if (names)
    fixed.push(
      { id: '', origin: 'names', title: 'release name of 1 character', assignments: [], releaseName: 'r', namespace: DEFAULT_NAMESPACE },
      {
        id: '',
        origin: 'names',
        title: `release name of ${LONGEST_RELEASE} characters`,
        assignments: [],
        releaseName: labelOfLength('release', LONGEST_RELEASE),
        namespace: DEFAULT_NAMESPACE,
      },
      {
        id: '',
        origin: 'names',
        title: `namespace of ${LONGEST_NAMESPACE} characters`,
        assignments: [],
        releaseName: DEFAULT_RELEASE,
        namespace: labelOfLength('namespace', LONGEST_NAMESPACE),
      },
    );

  // Leaves of the chart's own keys whose first two probes are on both sides come first (each
  // group in seeded order): a small budget then covers many leaves on both sides, rather than
  // fields deep inside list items of carried Kubernetes types (a volume's managedFields).
  const first = (l: { leaf: SchemaLeaf; probes: readonly Probe[] }) =>
    new Set(l.probes.slice(0, 2).map((p) => p.side)).size === 2 && !l.leaf.path.some((s) => typeof s === 'number');
  const shuffledLeaves = shuffled(leaves, random).map((leaf) => ({ leaf, probes: leafProbes(leaf, ctx) }));
  const probesByLeaf = [...shuffledLeaves.filter(first), ...shuffledLeaves.filter((l) => !first(l))];
  const boundary: ExploreCase[] = [];
  for (let round = 0; probesByLeaf.some(({ probes }) => probes.length > round * 2); round++) {
    for (const { leaf, probes } of probesByLeaf) {
      for (const probe of probes.slice(round * 2, round * 2 + 2)) {
        boundary.push({
          id: '',
          origin: 'boundary',
          title: `${leaf.key}: ${probe.label}`,
          assignments: [
            { path: leaf.path, key: leaf.key, value: probe.value, probe: probe.label, side: probe.side, ...(probe.draw ? { draw: probe.draw } : {}) },
          ],
          ...base,
        });
      }
    }
  }

  const params = leaves
    .filter((l) => !l.path.some((s) => typeof s === 'number'))
    .flatMap((l) => {
      if (l.schema.enum && l.schema.enum.length > 0) return [{ leaf: l, values: l.schema.enum }];
      const types = typesOf(l.schema);
      return types.length === 1 && types[0] === 'boolean' ? [{ leaf: l, values: [true, false] as const }] : [];
    });
  const rows = coveringArray(
    params.map((p) => ({ key: p.leaf.key, values: p.values })),
    seed,
  );
  const pairwise: ExploreCase[] = rows.map((row, r) => ({
    id: '',
    origin: 'pairwise',
    title: `pairwise row ${r + 1} of ${rows.length} (${params.length} booleans and enums)`,
    assignments: params.map((p, i) => ({ path: p.leaf.path, key: p.leaf.key, value: p.values[row[i] ?? 0], probe: 'pairwise', side: 'inside' as const })),
    ...base,
  }));

  // Four boundary cases, then a pairwise row, until both run out.
  const ordered: ExploreCase[] = [...fixed];
  for (let b = 0, p = 0; b < boundary.length || p < pairwise.length; ) {
    for (let k = 0; k < 4 && b < boundary.length; k++) ordered.push(boundary[b++] as ExploreCase);
    if (p < pairwise.length) ordered.push(pairwise[p++] as ExploreCase);
  }
  const cases = ordered.slice(0, budget).map((c, i) => ({ ...c, id: `case-${String(i + 1).padStart(4, '0')}` }));
  return { cases, planned: ordered.length, leaves };
}
