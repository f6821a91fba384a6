// One entry point from a report and an output kind to text. SARIF, which lists every rule's
// description (so it loads the policy rules), is loaded only when asked for.

import { jsonReport } from './json-report.ts';
import { junitReport } from './junit-report.ts';
import { textReport } from './text-report.ts';
import type { ValidationReport } from './validation-report.ts';

export const OUTPUT_FORMATS = ['text', 'json', 'sarif', 'junit'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export async function formatReport(
  report: ValidationReport,
  format: OutputFormat,
  options: { color: boolean; summaryOnly?: boolean; version: string },
): Promise<string> {
  switch (format) {
    case 'json':
      return jsonReport(report);
    case 'sarif':
      return (await import('./sarif-report.ts')).sarifReport(report, options.version);
    case 'junit':
      return junitReport(report);
    case 'text':
      return textReport(report, { color: options.color, ...(options.summaryOnly ? { summaryOnly: true } : {}) });
  }
}
