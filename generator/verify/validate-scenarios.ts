// After stage 8 (verify), the matrix: the written chart with its defaults and with every values/
// scenario, across the supported Kubernetes versions and both Helm majors, through the
// validator (schemas and policy rules). `bvchart gen` ends with it; the tests call it too.
import fs from 'node:fs';
import path from 'node:path';
import type { HelmMajor } from '../../toolchain/helm.ts';
import type { ValidationReport } from '../../validator/report/validation-report.ts';
import { validate } from '../../validator/validate.ts';
import { CHART_DIR } from '../layout.ts';

/** The folder of values scenarios, beside chart/. */
export const SCENARIOS_DIR = 'values';

/** The CRD API groups the scenarios' monitoring and backup need. */
export const SCENARIO_API_VERSIONS: readonly string[] = ['monitoring.coreos.com/v1', 'velero.io/v1'];

/** The scenarios' values files: none (the chart's defaults), then each values/*.yaml, sorted. */
export function scenarioValuesSets(root: string): string[][] {
  const valuesDir = path.join(root, SCENARIOS_DIR);
  const files = fs.existsSync(valuesDir)
    ? fs
        .readdirSync(valuesDir)
        .filter((f) => f.endsWith('.yaml'))
        .sort()
        .map((f) => [path.join(valuesDir, f)])
    : [];
  return [[], ...files];
}

export interface ScenarioValidationOptions {
  /** The project root: its chart/ and values/. */
  readonly root: string;
  readonly schemaLocations: readonly string[];
  /** Default: every supported version. */
  readonly kubernetesVersions?: readonly string[];
  /** Default: Helm 3 and 4. */
  readonly helmMajors?: readonly HelmMajor[];
  readonly releaseName?: string;
  readonly namespace?: string;
}

export function validateScenarios(options: ScenarioValidationOptions): Promise<ValidationReport> {
  return validate({
    inputs: [path.join(options.root, CHART_DIR)],
    valuesSets: scenarioValuesSets(options.root),
    schemaLocations: options.schemaLocations,
    apiVersions: SCENARIO_API_VERSIONS,
    kubernetesVersions: options.kubernetesVersions,
    helmMajors: options.helmMajors,
    releaseName: options.releaseName,
    namespace: options.namespace,
    // Pass or fail is what gen needs; locating (perturbed renders per render with notes) would
    // multiply its time. `bvchart validate -f values/x.yaml chart` locates a failing scenario.
    locate: false,
  });
}
