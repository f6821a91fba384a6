// Every image of the chart goes through one helper (boardviewer.image in _images.tpl), whose
// guard refuses the tag `latest` naming the values key of that image, as bvchart explore and
// users read it. The schema refuses `latest` first; Helm's --skip-schema-validation lets the
// render reach the template guard, as a values file with the schema check off would.
import { describe, expect, it } from 'vitest';
import { HELM_MAJORS, Helm } from '../../toolchain/helm.ts';
import { NEWEST_KUBE_VERSION } from '../../toolchain/kube-versions.ts';
import { CHART } from '../helpers/scenarios.ts';

const IMAGES: readonly (readonly [string, readonly string[]])[] = [
  ['image', []],
  ['renderer.image', []],
  ['volumeMarkerImage', []],
  ['redis.cluster.image', []],
  ['redis.cluster.metrics.image', ['redis.cluster.metrics.enabled=true']],
  ['kubectlImage', ['chaosDrill.enabled=true']],
];

describe.each(HELM_MAJORS)('helm%i', (major) => {
  it.each(IMAGES)('%s.tag latest stops in the image guard, which names that key', async (block, extra) => {
    const helm = new Helm(major);
    const args = [
      'template',
      'bv',
      CHART,
      '--kube-version',
      NEWEST_KUBE_VERSION,
      '--skip-schema-validation',
      '--set',
      `${block}.tag=latest`,
      ...extra.flatMap((s) => ['--set', s]),
    ];
    const r = await helm.exec(args);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`${block}.tag: the tag "latest" is not allowed`);
  });
});
