// schema/kubernetes-definitions.json: the Kubernetes definitions carried into the published
// schema, committed so that the generator works without ../shared/kubernetes-schemas (it
// reads them back from here). Written only when the values schema refers to any.
import { KUBERNETES_DEFINITIONS_FILE } from '../kubernetes/definitions-source.ts';
import type { ChartModel } from '../model/chart-model.ts';
import type { RenderedFile } from './rendered-file.ts';

export function renderKubernetesDefinitions(model: ChartModel): RenderedFile[] {
  const carried = model.kubernetesDefinitions;
  if (Object.keys(carried.definitions).length === 0) return [];
  const document = { kubernetesVersion: carried.kubernetesVersion, sources: carried.files, definitions: carried.definitions };
  return [
    {
      path: KUBERNETES_DEFINITIONS_FILE,
      content: `${JSON.stringify(document, null, 1)}\n`,
      commentStyle: 'json',
      sources: [...carried.files, model.schemaFile],
    },
  ];
}
