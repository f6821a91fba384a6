// SARIF 2.1.0: one rule per oracle, one result per finding, located at the shrunk values
// file when one was written (else the chart's values.schema.json), with the values key as
// the logical location.
import path from 'node:path';
import { sarifLog, sarifPhysicalLocation } from '../../core/sarif.ts';
import type { ExploreReport } from '../explore-report.ts';
import { ORACLES, type OracleId } from '../oracles/oracle.ts';

export function sarifReport(report: ExploreReport, toolVersion: string): string {
  const ids = Object.keys(ORACLES) as OracleId[];
  const results = report.findings.map((f) => ({
    ruleId: f.oracle,
    ruleIndex: ids.indexOf(f.oracle),
    level: 'error',
    message: { text: `${f.key} = ${JSON.stringify(f.value)}: ${f.message}` },
    locations: [
      {
        physicalLocation: sarifPhysicalLocation(f.file ?? path.join(report.summary.chart, 'values.schema.json')),
        logicalLocations: [{ name: f.key, fullyQualifiedName: f.key, kind: 'member' }],
      },
    ],
    properties: {
      value: f.value,
      caseId: f.caseId,
      occurrences: f.occurrences,
      releaseName: f.releaseName,
      namespace: f.namespace,
      ...(f.helmMajor ? { helmMajor: f.helmMajor } : {}),
      ...(f.kubeVersion ? { kubeVersion: f.kubeVersion } : {}),
    },
  }));
  return sarifLog({
    tool: 'bvchart explore',
    version: toolVersion,
    rules: ids.map((id) => ({
      id,
      shortDescription: { text: ORACLES[id] },
      fullDescription: { text: ORACLES[id] },
      defaultConfiguration: { level: 'error' },
    })),
    results,
    properties: { summary: { ...report.summary, perLeaf: undefined } },
  });
}
