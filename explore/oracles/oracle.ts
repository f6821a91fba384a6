// The oracles a case is judged by, in order, and what a disagreement looks like.
import type { ResourceRef } from '../../validator/finding.ts';

export const ORACLES = {
  'schema-verdict': 'oracle 1: our schema verdict (Ajv) agrees with Helm 3 and Helm 4',
  render: 'oracle 2: a schema-accepted case renders with both Helm majors, or fails in a guard the chart documents',
  validator: 'oracle 3: the render passes the validator (Kubernetes schemas, policy rules at error)',
  'dry-run': 'oracle 4: the API server accepts the render (server-side dry-run)',
} as const;

export type OracleId = keyof typeof ORACLES;

/** One oracle disagreeing on one case (before grouping and shrinking). */
export interface Disagreement {
  readonly oracle: OracleId;
  readonly message: string;
  /** What stays the same while the case shrinks: the oracle and the place it disagreed. */
  readonly signature: string;
  readonly helmMajor?: 3 | 4;
  readonly kubeVersion?: string;
  readonly resource?: ResourceRef;
  /** The values key the disagreement names, when it names one (a schema error's pointer). */
  readonly key?: string;
}
