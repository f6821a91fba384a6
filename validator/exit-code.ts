// Exit codes: 0 clean, 1 when an unsuppressed finding reaches --fail-on, 2 for usage or
// input errors (decided by the CLI).
import { type FindingSeverity, SEVERITY_ORDER } from './finding.ts';
import type { ValidationReport } from './report/validation-report.ts';

export function exitCodeFor(report: ValidationReport, failOn: FindingSeverity): 0 | 1 {
  return report.findings.some((f) => !f.suppressed && SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER[failOn]) ? 1 : 0;
}
