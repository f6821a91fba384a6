// The machine report: the summary, every finding and each render's flow table, as data.
import type { ValidationReport } from '../validate.ts';

export function jsonReport(report: ValidationReport): string {
  return `${JSON.stringify({ summary: report.summary, scenarios: report.scenarios, findings: report.findings, flows: report.flows ?? [] }, null, 2)}\n`;
}
