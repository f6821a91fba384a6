// chart/Chart.yaml from schema/chart.yaml, with Artifact Hub's annotations (images from the
// values, changes from schema/CHANGELOG.yaml).
import { stringify } from 'yaml';
import { CHANGELOG_FILE, CHART_META_FILE, SCHEMA_FILE } from '../layout.ts';
import type { ChartModel } from '../model/chart-model.ts';
import { artifactHubAnnotations } from './artifacthub-annotations.ts';
import type { RenderedFile } from './rendered-file.ts';

export function renderChartYaml(model: ChartModel): RenderedFile {
  const { chart } = model;
  const document = {
    apiVersion: 'v2',
    name: chart.name,
    description: chart.description,
    type: chart.type,
    version: chart.version,
    appVersion: chart.appVersion,
    kubeVersion: chart.kubeVersion,
    home: chart.home,
    sources: chart.sources,
    keywords: chart.keywords,
    maintainers: chart.maintainers,
    annotations: { ...artifactHubAnnotations(model), ...(chart.annotations ?? {}) },
  };
  return {
    path: 'chart/Chart.yaml',
    content: stringify(document, { lineWidth: 0 }),
    commentStyle: 'hash',
    sources: [CHART_META_FILE, CHANGELOG_FILE, SCHEMA_FILE],
  };
}
