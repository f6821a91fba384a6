// `npm run bench` renders our chart over values variants (bench/corpora.ts) to build its
// "our renders" corpus. Every variant must be values the chart accepts, or the benchmark stops
// at its first render: it did once the quorum guard (R8/R12) refused 3 pods under the default
// 25% disruption bounds. Helm 4 judges each of the first 60 variants (every combination of the
// residues mod 3, 4 and 5 the variants cycle through).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { variant } from '../../bench/corpora.ts';
import { Helm } from '../../toolchain/helm.ts';
import { NEWEST_KUBE_VERSION } from '../../toolchain/kube-versions.ts';
import { CHART, CRD_API_VERSIONS } from '../helpers/scenarios.ts';

it('every values variant of the benchmark corpus renders (Helm 4)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bv-bench-variants-'));
  const helm = new Helm(4);
  const failed: string[] = [];
  for (let start = 0; start < 60; start += 6) {
    await Promise.all(
      Array.from({ length: 6 }, async (_, k) => {
        const n = start + k;
        const file = path.join(dir, `values-${n}.yaml`);
        fs.writeFileSync(file, variant(n));
        const r = await helm.template({
          chart: CHART,
          kubeVersion: NEWEST_KUBE_VERSION,
          valuesFiles: [file],
          releaseName: `r${n}`,
          namespace: `ns${n % 9}`,
          apiVersions: CRD_API_VERSIONS,
        });
        if (r.status !== 0) failed.push(`variant ${n}: ${r.stderr.split('\n')[0]}`);
      }),
    );
  }
  fs.rmSync(dir, { recursive: true, force: true });
  expect(failed).toEqual([]);
}, 300_000);
