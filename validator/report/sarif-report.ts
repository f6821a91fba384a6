// SARIF 2.1.0 for code-scanning UIs: one run, the rule catalogue with help text, one result
// per finding (grouped across renders), located at the values keys that feed it when known
// (validator/locate/), else at the template or manifest file.
import type { FindingSeverity } from '../finding.ts';
import { ruleCatalog } from './rule-catalog.ts';
import { groupFindings, scenarioLabel, type ValidationReport } from './validation-report.ts';

const uriOf = (file: string): string => file.replace(/\\/g, '/');

const LEVEL: Readonly<Record<FindingSeverity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', info: 'note' };

export function sarifReport(report: ValidationReport, toolVersion: string): string {
  const catalog = ruleCatalog();
  const index = new Map(catalog.map((r, i) => [r.id, i]));
  const results = groupFindings(report.findings).map(({ finding, scenarios }) => {
    const ruleIndex = index.get(finding.ruleId);
    const rendered = finding.file
      ? {
          physicalLocation: {
            artifactLocation: { uri: uriOf(finding.file) },
            ...(finding.position ? { region: { startLine: finding.position.line, startColumn: finding.position.column } } : {}),
          },
          ...(finding.resource
            ? {
                logicalLocations: [
                  {
                    name: finding.resource.name,
                    kind: finding.resource.kind,
                    fullyQualifiedName: `${finding.resource.kind}/${finding.resource.namespace ? `${finding.resource.namespace}/` : ''}${finding.resource.name}`,
                  },
                ],
              }
            : {}),
        }
      : undefined;
    // The line the user edits first: the values keys that feed the field (validator/locate/);
    // the rendered document and the template source line go to relatedLocations.
    const values = (finding.values ?? []).map((v) => ({
      physicalLocation: { artifactLocation: { uri: uriOf(v.file) }, region: { startLine: v.line, startColumn: v.column } },
      message: { text: `set by ${v.path}` },
    }));
    const template = finding.template
      ? {
          physicalLocation: { artifactLocation: { uri: uriOf(finding.template.file) }, region: { startLine: finding.template.line } },
          message: { text: 'template source line' },
        }
      : undefined;
    const location = values.length > 0 ? values : rendered ? [rendered] : [];
    const related = [...(values.length > 0 && rendered ? [{ ...rendered, message: { text: 'rendered document' } }] : []), ...(template ? [template] : [])].map(
      (l, id) => ({ id, ...l }),
    );
    return {
      ruleId: finding.ruleId,
      ...(ruleIndex !== undefined ? { ruleIndex } : {}),
      level: LEVEL[finding.severity],
      message: { text: finding.message },
      locations: location,
      ...(related.length > 0 ? { relatedLocations: related } : {}),
      ...(scenarios.length > 0 ? { properties: { renders: scenarios.map((s) => scenarioLabel(s, ' | ')) } } : {}),
      ...(finding.suppressed
        ? { suppressions: [{ kind: finding.suppressed.by === 'annotation' ? 'inSource' : 'external', justification: finding.suppressed.reason }] }
        : {}),
    };
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'bvchart',
            version: toolVersion,
            informationUri: 'https://github.com/boardviewer/bvchart',
            rules: catalog.map((r) => ({
              id: r.id,
              shortDescription: { text: r.rationale },
              fullDescription: { text: r.rationale },
              help: { text: r.remediation, markdown: `**Why:** ${r.rationale}\n\n**Fix:** ${r.remediation}` },
              defaultConfiguration: { level: LEVEL[r.severity] },
            })),
          },
        },
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
