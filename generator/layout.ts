// Where the generator reads and writes, relative to the project root.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SCHEMA_FILE = 'schema/values.schema.yaml';
export const CHART_META_FILE = 'schema/chart.yaml';
export const TYPES_FILE = 'schema/values.generated.ts';
/** The generated chart. Every file in it belongs to the generator. */
export const CHART_DIR = 'chart';

/** The Handlebars and static sources of chart files, shipped with the generator. */
export const TEMPLATES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'templates');

/** The folder that holds this package (the default project root). */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
