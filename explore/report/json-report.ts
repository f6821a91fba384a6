// The machine report: `{summary, findings: [...]}`.
import type { ExploreReport } from '../explore-report.ts';

export function jsonReport(report: ExploreReport): string {
  return `${JSON.stringify({ summary: report.summary, findings: report.findings }, null, 2)}\n`;
}
