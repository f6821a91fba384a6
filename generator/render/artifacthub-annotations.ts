// Artifact Hub's annotations for chart/Chart.yaml, from the model: the images the chart can
// deploy (every `{repository, tag}` block among the default values; an empty tag is the
// appVersion, as the templates' `boardviewer.imageRef` resolves it), the licence, the
// changes of this version (schema/CHANGELOG.yaml), the CRDs its templates need and the key
// releases are signed with. Each multi-line annotation is a YAML string, as Artifact Hub
// reads them (https://artifacthub.io/docs/topics/annotations/helm/).
import { stringify } from 'yaml';
import { isObject } from '../../core/is-object.ts';
import type { ChartModel } from '../model/chart-model.ts';

export interface ChartImage {
  /** The values path of the image block, e.g. `redis.cluster.image`. */
  readonly name: string;
  readonly image: string;
}

/** Every image block (`repository` and `tag` strings) in the values, depth first in schema order. */
export function chartImages(defaults: unknown, appVersion: string, prefix: readonly string[] = []): ChartImage[] {
  if (!isObject(defaults)) return [];
  if (typeof defaults.repository === 'string' && typeof defaults.tag === 'string') {
    return [{ name: prefix.join('.'), image: `${defaults.repository}:${defaults.tag || appVersion}` }];
  }
  return Object.entries(defaults).flatMap(([key, value]) => chartImages(value, appVersion, [...prefix, key]));
}

const block = (value: unknown) => stringify(value, { lineWidth: 0 });

export function artifactHubAnnotations(model: ChartModel): Record<string, string> {
  const { chart } = model;
  return {
    'artifacthub.io/changes': block(model.changes.map((c) => ({ kind: c.kind, description: c.description }))),
    'artifacthub.io/crds': block(
      chart.requiredCrds.map((c) => ({ kind: c.kind, version: c.version, name: c.name, displayName: c.displayName, description: c.description })),
    ),
    'artifacthub.io/images': block(chartImages(model.defaults, chart.appVersion).map((i) => ({ name: i.name, image: i.image }))),
    'artifacthub.io/license': chart.license,
    'artifacthub.io/signKey': block({ fingerprint: chart.signKey.fingerprint, url: chart.signKey.url }),
  };
}
