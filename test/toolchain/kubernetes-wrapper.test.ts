// The control plane's wrapper module: replace lines generated from the release's own go.mod.
// (The check against the pinned release's real go.mod is in test/e2e/kubernetes-release.test.ts,
// in the control-plane tier: it reads the module cache that the control plane build filled.)
import { expect, it } from 'vitest';
import { kubernetesWrapperGoMod as wrapper } from '../../scripts/kubernetes-wrapper.mjs';

it('maps every staging module of a kubernetes go.mod to its published release', () => {
  const goMod = [
    'module k8s.io/kubernetes',
    '',
    'go 1.26.0',
    '',
    'replace (',
    '\tk8s.io/api => ./staging/src/k8s.io/api',
    '\tk8s.io/client-go => ./staging/src/k8s.io/client-go',
    '\tgithub.com/some/other => github.com/some/other v1.2.3',
    ')',
  ].join('\n');
  expect(wrapper(goMod, 'v1.36.3')).toBe(
    [
      'module bvchart.local/kubernetes',
      '',
      'go 1.26.0',
      '',
      'require k8s.io/kubernetes v1.36.3',
      '',
      'replace (',
      '\tk8s.io/api => k8s.io/api v0.36.3',
      '\tk8s.io/client-go => k8s.io/client-go v0.36.3',
      ')',
      '',
    ].join('\n'),
  );
});
