// Where the generator reads and writes, relative to the project root.
import path from 'node:path';
import { PACKAGE_ROOT } from '../core/package-root.ts';

export const SCHEMA_FILE = 'schema/values.schema.yaml';
export const CHART_META_FILE = 'schema/chart.yaml';
/** The chart's release notes, one entry per version (artifacthub.io/changes). */
export const CHANGELOG_FILE = 'schema/CHANGELOG.yaml';
export const TYPES_FILE = 'schema/values.generated.ts';
/** The generated chart. Every file in it belongs to the generator. */
export const CHART_DIR = 'chart';

/** The Handlebars and static sources of chart files, shipped with the generator. */
export const TEMPLATES_DIR = path.join(PACKAGE_ROOT, 'generator', 'templates');
