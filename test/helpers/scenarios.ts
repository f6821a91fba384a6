// The values scenarios every chart test runs: the chart's defaults plus each values/ file.
import fs from 'node:fs';
import path from 'node:path';
import { REPO } from './project.ts';

export interface Scenario {
  readonly name: string;
  /** Values files passed with --values (none: the chart's defaults). */
  readonly valuesFiles: readonly string[];
}

export const CHART = path.join(REPO, 'chart');

export const SCENARIOS: readonly Scenario[] = [
  { name: 'defaults', valuesFiles: [] },
  ...fs
    .readdirSync(path.join(REPO, 'values'))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ name: f, valuesFiles: [path.join(REPO, 'values', f)] })),
];
