// The generator as one function; it reads as its pipeline:
//   load → validate → model → render → consistency → format → plan → write (or check).
// I/O happens in load (reading sources), readTemplateSources, planWrites and applyPlan;
// the stages between are pure.
import type { Diagnostic } from '../core/diagnostic.ts';
import { checkValuesUsage } from './consistency/values-usage.ts';
import { formatFiles, type GeneratedFile } from './format/format-files.ts';
import { CHART_DIR, TEMPLATES_DIR } from './layout.ts';
import { loadSources } from './load/load-sources.ts';
import { buildModel } from './model/build-model.ts';
import { renderChart } from './render/render-chart.ts';
import { readTemplateSources } from './render/template-files.ts';
import { validateSources } from './validate/validate-sources.ts';
import { applyPlan } from './write/apply-plan.ts';
import { drift, type PlannedFile, planWrites, type WritePlan } from './write/plan-writes.ts';

export interface GenerateOptions {
  /** The project root: holds schema/ and receives chart/. */
  readonly root: string;
  /** `check` writes nothing and reports drift. */
  readonly mode: 'write' | 'check';
  /** Overwrite hand-edited or foreign files under chart/ instead of stopping. */
  readonly force?: boolean;
  readonly templatesDir?: string;
}

export interface GenerateResult {
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
  /** Files that differ from the generated set (check: drifted; write: written or deleted). */
  readonly changed: readonly PlannedFile[];
  /** Source texts for quoting in diagnostics. */
  readonly texts: ReadonlyMap<string, string>;
}

export interface BuildResult {
  readonly files?: readonly GeneratedFile[];
  readonly diagnostics: readonly Diagnostic[];
  readonly texts: ReadonlyMap<string, string>;
}

/** Stages 1–5: from the sources under `root` to the formatted files, without touching disk. */
export async function buildChartFiles(root: string, templatesDir: string = TEMPLATES_DIR): Promise<BuildResult> {
  const loaded = loadSources(root);
  if (!loaded.sources) return { diagnostics: loaded.diagnostics, texts: loaded.texts };
  const validated = validateSources(loaded.sources);
  if (!validated.validated) return { diagnostics: validated.diagnostics, texts: loaded.texts };
  const model = buildModel(validated.validated);
  const rendered = await renderChart(model, readTemplateSources(templatesDir));
  const schemaSource = loaded.sources.schema;
  const inconsistencies = checkValuesUsage(model, rendered).map((d) =>
    d.file === schemaSource.file && d.pointer !== undefined ? { ...d, position: schemaSource.positionOf(d.pointer) } : d,
  );
  if (inconsistencies.length > 0) return { diagnostics: inconsistencies, texts: loaded.texts };
  const files = formatFiles(rendered);
  return { files, diagnostics: [], texts: loaded.texts };
}

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const built = await buildChartFiles(options.root, options.templatesDir);
  if (!built.files) return { ok: false, diagnostics: built.diagnostics, changed: [], texts: built.texts };
  const plan: WritePlan = planWrites(options.root, built.files, [CHART_DIR]);
  const changed = drift(plan);
  if (options.mode === 'check') {
    const diagnostics: Diagnostic[] = changed.map((f) => ({
      code: 'check/drift',
      severity: 'error',
      file: f.path,
      message: { create: 'is missing', update: 'differs from the generated file', delete: 'is stale (no longer generated)', unchanged: '' }[f.action],
    }));
    return { ok: changed.length === 0, diagnostics, changed, texts: built.texts };
  }
  if (plan.conflicts.length > 0 && !options.force) {
    return { ok: false, diagnostics: plan.conflicts, changed: [], texts: built.texts };
  }
  applyPlan(options.root, plan);
  return { ok: true, diagnostics: [], changed, texts: built.texts };
}
