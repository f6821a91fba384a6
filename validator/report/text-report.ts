// The report for people: findings grouped by file, identical findings across renders (same
// line, same message) shown once with the renders they occur in, colour only on a terminal,
// a summary line last.
import path from 'node:path';
import { byCodeUnits } from '../../core/code-unit-order.ts';
import { type Finding, type Scenario, SEVERITY_ORDER } from '../finding.ts';
import { flowMatrix } from '../flows/format-flows.ts';
import { groupFindings, scenarioLabel, type ValidationReport } from './validation-report.ts';

export interface TextOptions {
  readonly color: boolean;
  /** Only the summary line. */
  readonly summaryOnly?: boolean;
}

const COLORS = { error: '\u001b[31m', warning: '\u001b[33m', info: '\u001b[36m', dim: '\u001b[2m', reset: '\u001b[0m' } as const;

function where(scenarios: readonly Scenario[], total: number): string {
  if (scenarios.length === 0) return '';
  if (scenarios.length === total && total > 1) return `in all ${total} renders`;
  const shown = scenarios
    .slice(0, 3)
    .map((s) => scenarioLabel(s, ', '))
    .join('; ');
  return scenarios.length > 3 ? `in ${scenarios.length} renders: ${shown}; …` : `in ${shown}`;
}

export function summaryLine(report: ValidationReport): string {
  const s = report.summary;
  return `${s.errors} error(s), ${s.warnings} warning(s), ${s.infos} info, ${s.suppressed} suppressed; ${s.resources} resources in ${s.renders} render(s); schemas: ${s.schema.valid} valid, ${s.schema.invalid} invalid, ${s.schema.error} errors, ${s.schema.skipped} skipped`;
}

export function textReport(report: ValidationReport, options: TextOptions): string {
  const paint = (color: keyof typeof COLORS, text: string) => (options.color ? `${COLORS[color]}${text}${COLORS.reset}` : text);
  if (options.summaryOnly) return `${summaryLine(report)}\n`;
  const groups = groupFindings(report.findings).sort(
    (a, b) =>
      byCodeUnits(a.finding.file ?? '', b.finding.file ?? '') ||
      (a.finding.position?.line ?? 0) - (b.finding.position?.line ?? 0) ||
      SEVERITY_ORDER[b.finding.severity] - SEVERITY_ORDER[a.finding.severity],
  );
  const byFile = new Map<string, typeof groups>();
  for (const g of groups) {
    const file = g.finding.file ?? '(no file)';
    byFile.set(file, [...(byFile.get(file) ?? []), g]);
  }
  const lines: string[] = [];
  for (const [file, list] of byFile) {
    lines.push(paint('dim', file));
    for (const { finding, scenarios } of list) {
      lines.push(`  ${line(finding, paint)}`);
      for (const located of locatedLines(finding)) lines.push(`      ${located}`);
      const context = where(scenarios, report.scenarios.length);
      if (context) lines.push(`      ${paint('dim', context)}`);
    }
  }
  lines.push(...flowSection(report, (t) => paint('dim', t)));
  lines.push(summaryLine(report));
  return `${lines.join('\n')}\n`;
}

/** The flow matrix of each render with flows, identical matrices shown once with their renders. */
function flowSection(report: ValidationReport, dim: (t: string) => string): string[] {
  const matrices = new Map<string, Scenario[]>();
  for (const { scenario, table } of report.flows ?? []) {
    const matrix = flowMatrix(table);
    if (matrix) matrices.set(matrix, [...(matrices.get(matrix) ?? []), scenario]);
  }
  const lines: string[] = [];
  for (const [matrix, scenarios] of matrices) {
    lines.push(dim(`flows (rows: sources; columns: destination ports; ok allowed, NO denied, . not implied) ${where(scenarios, report.scenarios.length)}`));
    lines.push(matrix);
  }
  return lines;
}

/** Shown per finding at most; the rest are counted (a pointer at a whole spec has many feeders). */
const MAX_KEYS_SHOWN = 5;

/** A path as the user typed it: relative to the working folder when inside it. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return path.isAbsolute(file) && relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/** Where the user fixes it: the values keys that feed the field (validator/locate/), else the template line. */
function locatedLines(f: Finding): string[] {
  const values = f.values ?? [];
  const lines = values.slice(0, MAX_KEYS_SHOWN).map((v) => `set by ${shown(v.file)}:${v.line} ${v.path}`);
  if (values.length > MAX_KEYS_SHOWN) lines.push(`… and ${values.length - MAX_KEYS_SHOWN} more values keys (JSON or SARIF output lists them all)`);
  if (values.length === 0 && f.template) lines.push(`written by ${shown(f.template.file)}:${f.template.line}`);
  return lines;
}

function line(f: Finding, paint: (c: keyof typeof COLORS, t: string) => string): string {
  const pos = f.position ? `${f.position.line}:${f.position.column}` : '-';
  const resource = f.resource ? `${f.resource.kind}/${f.resource.name}` : '';
  const suppressed = f.suppressed ? paint('dim', ` (suppressed by ${f.suppressed.by}: ${f.suppressed.reason})`) : '';
  const source = f.source ? paint('dim', ` (# Source: ${f.source})`) : '';
  return `${pos.padEnd(8)} ${paint(f.suppressed ? 'dim' : f.severity, f.severity.padEnd(7))} ${f.ruleId.padEnd(28)} ${resource ? `${resource} ` : ''}${f.message}${source}${suppressed}`;
}
