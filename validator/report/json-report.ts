// The machine report: the summary and every finding, as data.
import type { ValidationReport } from '../validate.ts';

export function jsonReport(report: ValidationReport): string {
  return `${JSON.stringify({ summary: report.summary, scenarios: report.scenarios, findings: report.findings }, null, 2)}\n`;
}
