// The machine report: the summary, every finding and each render's flow table, as data (and,
// for a shard, which one: `bvchart report merge` joins shards back into one report, merge-reports.ts).
import type { ValidationReport } from './validation-report.ts';

export function jsonReport(report: ValidationReport): string {
  return `${JSON.stringify({ summary: report.summary, scenarios: report.scenarios, findings: report.findings, flows: report.flows ?? [], ...(report.shard ? { shard: report.shard } : {}) }, null, 2)}\n`;
}
