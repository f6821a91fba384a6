// Stage 4b, consistency: the schema and the templates agree.
// - every value the schema declares is read by some template (no dead values), unless it
//   says why not (`x-bv-unused`);
// - every `.Values.<path>` a template reads is declared by the schema.
// A reference to a path reads everything below it (`toYaml .Values.resources`); a reference
// below a map or an open object reads one of its free keys.
import type { Diagnostic } from '../../core/diagnostic.ts';
import { allValueNodes } from '../model/build-model.ts';
import type { ChartModel, ValueNode } from '../model/chart-model.ts';
import type { RenderedFile } from '../render/rendered-file.ts';

export interface ValuesReference {
  readonly file: string;
  readonly line: number;
  readonly path: readonly string[];
}

const REFERENCE = /\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)+)/g;

export function findValuesReferences(file: string, text: string): ValuesReference[] {
  const out: ValuesReference[] = [];
  text.split('\n').forEach((line, i) => {
    for (const match of line.matchAll(REFERENCE)) {
      out.push({ file, line: i + 1, path: (match[1] ?? '').slice(1).split('.') });
    }
  });
  return out;
}

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

export function checkValuesUsage(model: ChartModel, files: readonly RenderedFile[]): Diagnostic[] {
  const templates = files.filter((f) => f.path.startsWith('chart/templates/'));
  const references = templates.flatMap((f) => findValuesReferences(f.sources[0] ?? f.path, f.content));
  const diagnostics: Diagnostic[] = [];
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
    const used = references.some((r) => startsWith(node.path, r.path) || startsWith(r.path, node.path));
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
