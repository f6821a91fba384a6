// The flow findings the chart has on this branch: the "day one" defects (issue 9). The
// chart fixes (branch issue-9a: a Redis NetworkPolicy, the `helm test` pod allowed, DNS
// egress limited to the cluster DNS pods) remove them. After merging those fixes, empty this
// list: scenario-flows.test.ts then asserts no flow-blocked and no workload-unisolated in any
// values/ scenario (chart-clean, policy-rules and validate-cli read the list too).
import fs from 'node:fs';
import path from 'node:path';
export interface KnownFlowFinding {
  readonly rule: 'flow-blocked' | 'workload-unisolated';
  /** `Kind/name` of the object the finding is reported on; `*` stands for the release's full name (`bv-boardviewer`, or a fullnameOverride). */
  readonly object: string;
  /** Scenario names (test/helpers/scenarios.ts) where it occurs. */
  readonly scenarios: readonly string[];
}

// Empty since the chart fixes merged (issue 9): no scenario has a blocked flow or an unisolated workload.
export const KNOWN_FLOW_FINDINGS: readonly KnownFlowFinding[] = [];

/** A validator config file suppressing the known findings (by rule and kind), for CLI tests that expect a clean chart. */
export function knownFlowFindingsConfig(dir: string): string {
  const file = path.join(dir, 'known-flow-findings.yaml');
  const entries = KNOWN_FLOW_FINDINGS.map(
    (k) => `  - {rule: ${k.rule}, kind: ${k.object.split('/')[0]}, reason: "known day-one defect (test/validator/flows/known-flow-findings.ts)"}`,
  );
  fs.writeFileSync(file, entries.length > 0 ? `suppressions:\n${entries.join('\n')}\n` : 'suppressions: []\n');
  return file;
}
