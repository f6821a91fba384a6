// SARIF 2.1.0 for code-scanning UIs: one run, the rule catalogue with help text, one result
// per finding (grouped across renders), located at the values keys that feed it when known
// (validator/locate/), else at the template or manifest file.
import { type SarifLevel, sarifLog, sarifPhysicalLocation } from '../../core/sarif.ts';
import type { FindingSeverity } from '../finding.ts';
import { ruleCatalog } from './rule-catalog.ts';
import { groupFindings, scenarioLabel, type ValidationReport } from './validation-report.ts';

const LEVEL: Readonly<Record<FindingSeverity, SarifLevel>> = { error: 'error', warning: 'warning', info: 'note' };

export function sarifReport(report: ValidationReport, toolVersion: string): string {
  const catalog = ruleCatalog();
  const index = new Map(catalog.map((r, i) => [r.id, i]));
  const results = groupFindings(report.findings).map(({ finding, scenarios }) => {
    const ruleIndex = index.get(finding.ruleId);
    const rendered = finding.file
      ? {
          physicalLocation: sarifPhysicalLocation(finding.file, finding.position?.line, finding.position?.column),
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
      physicalLocation: sarifPhysicalLocation(v.file, v.line, v.column),
      message: { text: `set by ${v.path}` },
    }));
    const template = finding.template
      ? {
          physicalLocation: sarifPhysicalLocation(finding.template.file, finding.template.line),
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
  return sarifLog({
    tool: 'bvchart',
    version: toolVersion,
    rules: catalog.map((r) => ({
      id: r.id,
      shortDescription: { text: r.rationale },
      fullDescription: { text: r.rationale },
      help: { text: r.remediation, markdown: `**Why:** ${r.rationale}\n\n**Fix:** ${r.remediation}` },
      defaultConfiguration: { level: LEVEL[r.severity] },
    })),
    results,
  });
}
