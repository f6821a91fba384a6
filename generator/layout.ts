// Where the generator reads and writes, relative to the project root.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SCHEMA_FILE = 'schema/values.schema.yaml';
export const CHART_META_FILE = 'schema/chart.yaml';
/** The chart's release notes, one entry per version (artifacthub.io/changes). */
export const CHANGELOG_FILE = 'schema/CHANGELOG.yaml';
export const TYPES_FILE = 'schema/values.generated.ts';
/** The generated chart. Every file in it belongs to the generator. */
export const CHART_DIR = 'chart';

/**
 * The folder that holds this package (the default project root): the parent of `generator/`
 * when the TypeScript sources run (tests, a clone), or of `dist/` when the compiled package
 * runs (`dist/generator/layout.js`, e.g. under node_modules/bvchart/).
 */
export const PACKAGE_ROOT = packageRoot(path.dirname(fileURLToPath(import.meta.url)));

export function packageRoot(generatorDir: string): string {
  const parent = path.resolve(generatorDir, '..');
  return path.basename(parent) === 'dist' ? path.dirname(parent) : parent;
}

/** The Handlebars and static sources of chart files, shipped with the generator. */
export const TEMPLATES_DIR = path.join(PACKAGE_ROOT, 'generator', 'templates');
