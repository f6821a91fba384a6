// Stage 4b, consistency: the schema and the templates agree.
// - every value the schema declares is read by some template (no dead values), unless it
//   says why not (`x-bv-unused`);
// - every `.Values.<path>` a template reads is declared by the schema.
// The reads come from Go's template parser (toolchain/template-reads.ts), following variables,
// `with`, `range` and named templates. A value used as it is (`toYaml .Values.resources`)
// reads everything below it; a value only tested (`if .Values.monitoring`) reads nothing
// below it; a read below a map or an open object reads one of its free keys.
import type { Diagnostic } from '../../core/diagnostic.ts';
import { readTemplateValues, type ValuesRead } from '../../toolchain/template-reads.ts';
import { allValueNodes } from '../model/build-model.ts';
import type { ChartModel, ValueNode } from '../model/chart-model.ts';
import type { RenderedFile } from '../render/rendered-file.ts';

/** Whether a reference names something the schema declares. */
function isDeclared(roots: readonly ValueNode[], path: readonly string[]): boolean {
  let level: readonly ValueNode[] = roots;
  for (const [i, key] of path.entries()) {
    const node = level.find((n) => n.key === key);
    if (!node) return false;
    if (node.kind === 'object') {
      level = node.children;
      continue;
    }
    const rest = path.length - i - 1;
    return rest === 0 || node.kind === 'map' || node.kind === 'open';
  }
  return true;
}

const startsWith = (a: readonly string[], b: readonly string[]) => b.every((k, i) => a[i] === k);

/** A node is read when a read names it or something below it, or uses something above it whole. */
const reads = (r: ValuesRead, node: readonly string[]) => startsWith(r.path, node) || (r.whole && startsWith(node, r.path));

export function checkValuesUsage(model: ChartModel, files: readonly RenderedFile[]): Diagnostic[] {
  const templates = files.filter((f) => f.path.startsWith('chart/templates/'));
  const parsed = readTemplateValues(templates.map((f) => ({ name: f.sources[0] ?? f.path, text: f.content })));
  const references = parsed.reads;
  const diagnostics: Diagnostic[] = parsed.errors.map((e) => ({
    code: 'consistency/template-parse',
    severity: 'error',
    file: e.file,
    position: { line: e.line, column: 1 },
    message: `the template does not parse: ${e.message}`,
  }));
  for (const ref of references) {
    if (!isDeclared(model.values, ref.path)) {
      diagnostics.push({
        code: 'consistency/undeclared-value',
        severity: 'error',
        file: ref.file,
        position: { line: ref.line, column: 1 },
        message: `.Values.${ref.path.join('.')} is read by the template but not declared in ${model.schemaFile}`,
      });
    }
  }
  for (const node of allValueNodes(model.values)) {
    if (node.kind === 'object' || node.unusedReason !== undefined) continue;
    const used = references.some((r) => reads(r, node.path));
    if (!used) {
      diagnostics.push({
        code: 'consistency/dead-value',
        severity: 'error',
        file: model.schemaFile,
        pointer: `/properties/${node.path.join('/properties/')}`,
        message: `${node.path.join('.')} is declared but no template reads it (use it, remove it, or say why with x-bv-unused)`,
      });
    }
  }
  return diagnostics;
}
