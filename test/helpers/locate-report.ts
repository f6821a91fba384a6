// Locating tests: validate a chart with values files (real Helm), then read the finding of a
// rule back from the three reports a user sees (text, JSON, SARIF).
import path from 'node:path';
import type { HelmMajor } from '../../toolchain/helm.ts';
import { NEWEST_KUBE_VERSION } from '../../toolchain/kube-versions.ts';
import { folderSchemaLocations } from '../../toolchain/kubeconform.ts';
import type { Finding } from '../../validator/finding.ts';
import { formatReport } from '../../validator/report/format-report.ts';
import type { ValidationReport } from '../../validator/report/validation-report.ts';
import { validate } from '../../validator/validate.ts';

export interface LocatedOutputs {
  readonly report: ValidationReport;
  readonly text: string;
  readonly json: { findings: Finding[] };
  readonly sarif: { runs: { results: SarifResult[] }[] };
}

export interface SarifLocation {
  readonly id?: number;
  readonly physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn?: number } };
}

export interface SarifResult {
  readonly ruleId: string;
  readonly locations: SarifLocation[];
  readonly relatedLocations?: SarifLocation[];
}

export async function validateAndReport(chart: string, valuesFiles: readonly string[], helmMajors: readonly HelmMajor[] = [3, 4]): Promise<LocatedOutputs> {
  const report = await validate({
    inputs: [chart],
    valuesSets: valuesFiles.length > 0 ? [valuesFiles] : [],
    kubernetesVersions: [NEWEST_KUBE_VERSION],
    helmMajors,
    schemaLocations: folderSchemaLocations(),
  });
  const options = { color: false, version: 'test' };
  return {
    report,
    text: await formatReport(report, 'text', options),
    json: JSON.parse(await formatReport(report, 'json', options)),
    sarif: JSON.parse(await formatReport(report, 'sarif', options)),
  };
}

/** A path as the text report shows it: relative to the working folder when inside it. */
export const shownPath = (file: string): string => {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') ? file : relative;
};
