// Chart files from generator/templates/chart/: `*.hbs` files go through Handlebars with the
// model as context, every other file is copied as it is (plain Helm templates).
import fs from 'node:fs';
import path from 'node:path';
import type { ChartModel } from '../model/chart-model.ts';
import { compileTemplate, createTemplateEnv } from './handlebars-env.ts';
import type { CommentStyle, RenderedFile } from './rendered-file.ts';
import { valuesTableRows } from './values-table.ts';

/** A template source: path relative to the templates folder, and its text. */
export interface TemplateSource {
  readonly path: string;
  readonly text: string;
}

export function readTemplateSources(templatesDir: string): TemplateSource[] {
  const out: TemplateSource[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push({ path: path.relative(templatesDir, full).split(path.sep).join('/'), text: fs.readFileSync(full, 'utf8') });
    }
  };
  walk(templatesDir);
  return out;
}

function commentStyleFor(outputPath: string): CommentStyle {
  if (/^chart\/templates\//.test(outputPath)) return 'go-template';
  if (outputPath.endsWith('.md')) return 'html';
  return 'hash';
}

export function renderTemplateFiles(model: ChartModel, templates: readonly TemplateSource[]): RenderedFile[] {
  const env = createTemplateEnv();
  const context = {
    chart: model.chart,
    rows: valuesTableRows(model.values),
    envSettings: model.envSettings,
  };
  return templates.map((template) => {
    const isHandlebars = template.path.endsWith('.hbs');
    const outputPath = isHandlebars ? template.path.slice(0, -'.hbs'.length) : template.path;
    const content = isHandlebars ? compileTemplate(env, template.text)(context) : template.text;
    const sources = [`generator/templates/${template.path}`];
    if (isHandlebars) sources.push(model.schemaFile);
    return { path: outputPath, content, commentStyle: commentStyleFor(outputPath), sources };
  });
}
