// Which chart a values file belongs to, as an editor opens it: the chart the client names
// (`initializationOptions.chart`), else the folder of the schema its yaml-language-server
// modeline names when a Chart.yaml sits beside it (`$schema=../chart/values.schema.json`),
// else the nearest folder with a Chart.yaml among the file's ancestors up to the workspace
// root, else a `chart/` folder there (this project's layout: values/ beside chart/).
import fs from 'node:fs';
import path from 'node:path';

const MODELINE = /^#\s*yaml-language-server:\s*\$schema=(\S+)\s*$/m;

const isChart = (dir: string): boolean => fs.existsSync(path.join(dir, 'Chart.yaml'));

function modelineChart(file: string, text: string): string | undefined {
  const schema = MODELINE.exec(text)?.[1];
  if (!schema || /^[a-z][a-z0-9+.-]*:\/\//i.test(schema)) return undefined;
  const dir = path.dirname(path.resolve(path.dirname(file), schema));
  return isChart(dir) ? dir : undefined;
}

function ancestorChart(file: string, root: string | undefined): string | undefined {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (isChart(dir)) return dir;
    if (isChart(path.join(dir, 'chart'))) return path.join(dir, 'chart');
    if (dir === root || path.dirname(dir) === dir) return undefined;
  }
}

/** The chart folder for the values file `file` (its buffer `text`), or undefined when none is found. */
export function chartForDocument(file: string, text: string, options: { readonly chart?: string; readonly root?: string }): string | undefined {
  if (options.chart) return path.resolve(options.root ?? path.dirname(file), options.chart);
  const fromModeline = modelineChart(file, text);
  if (fromModeline) return fromModeline;
  const fromAncestors = ancestorChart(file, options.root);
  if (fromAncestors) return fromAncestors;
  if (options.root && isChart(options.root)) return options.root;
  if (options.root && isChart(path.join(options.root, 'chart'))) return path.join(options.root, 'chart');
  return undefined;
}
