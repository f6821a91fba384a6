// chart/values.schema.json: what `helm install/lint/template` and editors validate against.
import type { ChartModel } from '../model/chart-model.ts';
import type { RenderedFile } from './rendered-file.ts';

export function renderValuesSchemaJson(model: ChartModel): RenderedFile {
  return {
    path: 'chart/values.schema.json',
    content: `${JSON.stringify(model.publishedSchema, null, 2)}\n`,
    commentStyle: 'json',
    sources: [model.schemaFile],
  };
}
