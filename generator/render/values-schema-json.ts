// chart/values.schema.json: what `helm install/lint/template` and editors validate against.
// Its header names the Kubernetes version of the carried definitions.
import { KUBERNETES_DEFINITIONS_FILE } from '../kubernetes/definitions-source.ts';
import type { ChartModel } from '../model/chart-model.ts';
import type { RenderedFile } from './rendered-file.ts';

export function renderValuesSchemaJson(model: ChartModel): RenderedFile {
  return {
    path: 'chart/values.schema.json',
    content: `${JSON.stringify(model.publishedSchema, null, 2)}\n`,
    commentStyle: 'json',
    sources:
      Object.keys(model.kubernetesDefinitions.definitions).length === 0
        ? [model.schemaFile]
        : [model.schemaFile, `${KUBERNETES_DEFINITIONS_FILE} (Kubernetes ${model.kubernetesDefinitions.kubernetesVersion} definitions)`],
  };
}
