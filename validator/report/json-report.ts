// The machine report: the summary and every finding, as data (and, for a shard, which one:
// `bvchart report merge` joins shards back into one report, merge-reports.ts).
import type { ValidationReport } from '../validate.ts';

export function jsonReport(report: ValidationReport): string {
  return `${JSON.stringify({ summary: report.summary, scenarios: report.scenarios, findings: report.findings, ...(report.shard ? { shard: report.shard } : {}) }, null, 2)}\n`;
}
