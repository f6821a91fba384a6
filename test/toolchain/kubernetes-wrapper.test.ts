// The control plane's wrapper module: replace lines generated from the release's own go.mod.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
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
    ['module bvchart.local/kubernetes', '', 'go 1.26.0', '', 'require k8s.io/kubernetes v1.36.3', '', 'replace (', '\tk8s.io/api => k8s.io/api v0.36.3', '\tk8s.io/client-go => k8s.io/client-go v0.36.3', ')', ''].join('\n'),
  );
});

it('covers all staging modules of the pinned release', () => {
  const pins = JSON.parse(fs.readFileSync(new URL('../../toolchain/tools.json', import.meta.url), 'utf8')) as { controlPlane: { kubernetes: string } };
  const info = spawnSync('go', ['mod', 'download', '-json', `k8s.io/kubernetes@${pins.controlPlane.kubernetes}`], { encoding: 'utf8' });
  expect(info.status, info.stderr).toBe(0);
  const goMod = fs.readFileSync((JSON.parse(info.stdout) as { GoMod: string }).GoMod, 'utf8');
  const staging = goMod.match(/=> \.\/staging\/src\//g) ?? [];
  const out = wrapper(goMod, pins.controlPlane.kubernetes);
  expect(staging.length).toBeGreaterThan(20);
  expect(out.match(/ => k8s\.io\/[\w.-]+ v0\.\d+\.\d+/g)).toHaveLength(staging.length);
});
