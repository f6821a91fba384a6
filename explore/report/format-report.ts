// One entry point from an exploration report and an output kind to text.
import type { ExploreReport } from '../explore-report.ts';
import { jsonReport } from './json-report.ts';
import { sarifReport } from './sarif-report.ts';
import { textReport } from './text-report.ts';

export const EXPLORE_FORMATS = ['text', 'json', 'sarif'] as const;
export type ExploreFormat = (typeof EXPLORE_FORMATS)[number];

export function formatExploreReport(report: ExploreReport, format: ExploreFormat, version: string): string {
  switch (format) {
    case 'json':
      return jsonReport(report);
    case 'sarif':
      return sarifReport(report, version);
    case 'text':
      return textReport(report);
  }
}
