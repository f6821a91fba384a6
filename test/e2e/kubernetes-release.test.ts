// The wrapper module against the pinned Kubernetes release's own go.mod. Tests never reach the
// network: the go.mod is read from the Go module cache that the control plane build filled
// (GOPROXY=off), so this runs in the control-plane tier, skipped without the control plane
// (and failing under CI=true, like the other tests of that tier).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { expect, it } from 'vitest';
import { kubernetesWrapperGoMod as wrapper } from '../../scripts/kubernetes-wrapper.mjs';
import { controlPlaneOrFailUnderCI } from '../../toolchain/control-plane/cluster.ts';

const AVAILABLE = controlPlaneOrFailUnderCI();

it.skipIf(!AVAILABLE)('covers all staging modules of the pinned release (go.mod read offline from the module cache)', () => {
  const pins = JSON.parse(fs.readFileSync(new URL('../../toolchain/tools.json', import.meta.url), 'utf8')) as { controlPlane: { kubernetes: string } };
  const info = spawnSync('go', ['mod', 'download', '-json', `k8s.io/kubernetes@${pins.controlPlane.kubernetes}`], {
    encoding: 'utf8',
    env: { ...process.env, GOPROXY: 'off', GOFLAGS: '-mod=mod' },
  });
  expect(info.status, `${info.stderr}${info.stdout}`).toBe(0);
  const goMod = fs.readFileSync((JSON.parse(info.stdout) as { GoMod: string }).GoMod, 'utf8');
  const staging = goMod.match(/=> \.\/staging\/src\//g) ?? [];
  const out = wrapper(goMod, pins.controlPlane.kubernetes);
  expect(staging.length).toBeGreaterThan(20);
  expect(out.match(/ => k8s\.io\/[\w.-]+ v0\.\d+\.\d+/g)).toHaveLength(staging.length);
});
