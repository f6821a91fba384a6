// What an exploration produced: the summary (cases, coverage per leaf, timing) and the
// findings (an oracle that disagreed, at a values key, with the value and its message).
import type { ResourceRef } from '../validator/finding.ts';
import type { OracleId } from './oracles/oracle.ts';

export interface LeafCoverage {
  readonly key: string;
  /** Cases that set the leaf (boundary and pairwise). */
  readonly cases: number;
  /** Boundary cases of the leaf the schema accepted, and rejected. */
  readonly accepted: number;
  readonly rejected: number;
}

export interface ExploreFinding {
  readonly oracle: OracleId;
  /** The values key (dotted), `(release name)` or `(namespace)`, after shrinking. */
  readonly key: string;
  readonly value: unknown;
  readonly message: string;
  /** The first case that showed it, and how many did. */
  readonly caseId: string;
  readonly caseTitle: string;
  readonly occurrences: number;
  readonly helmMajor?: 3 | 4;
  readonly kubeVersion?: string;
  readonly resource?: ResourceRef;
  /** The shrunk values override, release name and namespace that still fail. */
  readonly values: Record<string, unknown>;
  readonly releaseName: string;
  readonly namespace: string;
  /** Where the shrunk case was written (`--out`). */
  readonly file?: string;
}

export interface ExploreSummary {
  readonly chart: string;
  readonly seed: number;
  readonly budget: number | null;
  /** Cases planned from the schema, and run (at most the budget). */
  readonly planned: number;
  readonly cases: number;
  readonly schemaAccepted: number;
  readonly schemaRejected: number;
  /** Renders stopped by a guard the chart documents (a `fail` naming a values key). */
  readonly guarded: number;
  readonly renders: number;
  readonly helmMajors: readonly number[];
  readonly kubernetesVersions: readonly string[];
  readonly oracles: readonly OracleId[];
  readonly leaves: number;
  /** Leaves with at least one boundary case the schema accepted and one it rejected. */
  readonly leavesCovered: number;
  readonly perLeaf: readonly LeafCoverage[];
  /** Error-level validator findings of the chart's defaults (not held against cases). */
  readonly baseline: readonly string[];
  /** Kinds the API server did not serve (not sent). */
  readonly unservedKinds: readonly string[];
  readonly findings: number;
  readonly seconds: number;
}

export interface ExploreReport {
  readonly summary: ExploreSummary;
  readonly findings: readonly ExploreFinding[];
}
