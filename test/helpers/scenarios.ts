// The values scenarios every chart test runs: the chart's defaults plus each values/ file.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { SCENARIO_API_VERSIONS, scenarioValuesSets } from '../../generator/verify/validate-scenarios.ts';
import type { Values } from '../../schema/values.generated.ts';
import { REPO } from './project.ts';

export interface Scenario {
  readonly name: string;
  /** Values files passed with --values (none: the chart's defaults). */
  readonly valuesFiles: readonly string[];
  /** Enables features built on CRDs (monitoring, backup): renders need their API versions. */
  readonly needsCRDs: boolean;
}

export const CHART = path.join(REPO, 'chart');

/** The custom resource API groups a cluster with the Prometheus Operator and Velero serves. */
export const CRD_API_VERSIONS: readonly string[] = SCENARIO_API_VERSIONS;

function scenarioFor(valuesFiles: readonly string[]): Scenario {
  const [file] = valuesFiles;
  if (file === undefined) return { name: 'defaults', valuesFiles: [], needsCRDs: false };
  const values = parse(fs.readFileSync(file, 'utf8')) as Values;
  return {
    name: path.basename(file),
    valuesFiles: [file],
    needsCRDs: Boolean(values.monitoring?.enabled || values.backup?.enabled),
  };
}

/** The scenarios `bvchart gen` validates (generator/verify/validate-scenarios.ts): the defaults, then each values/ file. */
export const SCENARIOS: readonly Scenario[] = scenarioValuesSets(REPO).map(scenarioFor);
