// Stage 4, render: every generated file from the model, sorted by path.
import type { ChartModel } from '../model/chart-model.ts';
import { renderChartYaml } from './chart-yaml.ts';
import { renderKubernetesDefinitions } from './kubernetes-definitions-json.ts';
import type { RenderedFile } from './rendered-file.ts';
import { renderTemplateFiles, type TemplateSource } from './template-files.ts';
import { renderValuesSchemaJson } from './values-schema-json.ts';
import { renderValuesTypes } from './values-types.ts';
import { renderValuesYaml } from './values-yaml.ts';

export async function renderChart(model: ChartModel, templates: readonly TemplateSource[]): Promise<RenderedFile[]> {
  const files = [
    renderChartYaml(model),
    renderValuesYaml(model),
    renderValuesSchemaJson(model),
    await renderValuesTypes(model),
    ...renderTemplateFiles(model, templates),
    ...renderKubernetesDefinitions(model),
  ];
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
