// One entry point from a report and an output kind to text.

import { jsonReport } from './json-report.ts';
import { junitReport } from './junit-report.ts';
import { sarifReport } from './sarif-report.ts';
import { textReport } from './text-report.ts';
import type { ValidationReport } from './validation-report.ts';

export const OUTPUT_FORMATS = ['text', 'json', 'sarif', 'junit'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function formatReport(report: ValidationReport, format: OutputFormat, options: { color: boolean; summaryOnly?: boolean; version: string }): string {
  switch (format) {
    case 'json':
      return jsonReport(report);
    case 'sarif':
      return sarifReport(report, options.version);
    case 'junit':
      return junitReport(report);
    case 'text':
      return textReport(report, { color: options.color, ...(options.summaryOnly ? { summaryOnly: true } : {}) });
  }
}
