// JUnit XML for CI dashboards: one test suite per render; one test case per finding
// (failure for errors and warnings, skipped when suppressed, output for info), and a
// passing case for a render without findings.
import type { Finding, Scenario } from '../finding.ts';
import { scenarioLabel, type ValidationReport } from './validation-report.ts';

const xmlText = (s: string) =>
  s
    .replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

function suiteName(s: Scenario | undefined): string {
  return s ? scenarioLabel(s, ' | ') : '(no render)';
}

function testCase(f: Finding): string {
  const object = f.resource ? `${f.resource.kind}/${f.resource.namespace ? `${f.resource.namespace}/` : ''}${f.resource.name}` : '(input)';
  const where = `${f.file ?? ''}${f.position ? `:${f.position.line}:${f.position.column}` : ''}`;
  const open = `    <testcase classname="${xmlText(f.file ?? object)}" name="${xmlText(`${f.ruleId} ${object}`)}">`;
  if (f.suppressed) return `${open}\n      <skipped message="${xmlText(`suppressed by ${f.suppressed.by}: ${f.suppressed.reason}`)}"/>\n    </testcase>`;
  if (f.severity === 'info') return `${open}\n      <system-out>${xmlText(`${where} ${f.message}`)}</system-out>\n    </testcase>`;
  return `${open}\n      <failure type="${xmlText(f.ruleId)}" message="${xmlText(f.message)}">${xmlText(`${f.severity}: ${where} ${f.message}`)}</failure>\n    </testcase>`;
}

export function junitReport(report: ValidationReport): string {
  const bySuite = new Map<string, Finding[]>();
  for (const s of report.scenarios) bySuite.set(suiteName(s), []);
  for (const f of report.findings) bySuite.set(suiteName(f.scenario), [...(bySuite.get(suiteName(f.scenario)) ?? []), f]);
  let totalTests = 0;
  let totalFailures = 0;
  const suites = [...bySuite].map(([name, findings]) => {
    const cases = findings.length > 0 ? findings.map(testCase) : ['    <testcase classname="bvchart" name="all objects"/>'];
    const failures = findings.filter((f) => !f.suppressed && f.severity !== 'info').length;
    totalTests += cases.length;
    totalFailures += failures;
    return `  <testsuite name="${xmlText(name)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${findings.filter((f) => f.suppressed).length}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="bvchart validate" tests="${totalTests}" failures="${totalFailures}">\n${suites.join('\n')}\n</testsuites>\n`;
}
