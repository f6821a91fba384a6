// The default render, checked in as a file snapshot (update: `npx vitest run -u`). The
// in-chart Redis password is random at install, so it is masked.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { Helm } from '../../toolchain/helm.ts';
import { NEWEST_KUBE_VERSION } from '../../toolchain/kube-versions.ts';
import { CHART } from '../helpers/scenarios.ts';

const mask = (text: string) => text.replace(/^(\s+redis-password: ).+$/m, '$1<random>');

let render4 = '';
beforeAll(async () => {
  const result = await new Helm(4).template({ chart: CHART, kubeVersion: NEWEST_KUBE_VERSION, releaseName: 'bv' });
  if (result.status !== 0) throw new Error(result.stderr);
  render4 = mask(result.stdout);
});

describe('default render', () => {
  it('matches the checked-in snapshot', async () => {
    await expect(render4).toMatchFileSnapshot('__snapshots__/default-render.yaml');
  });

  it('renders the same objects with Helm 3 (the majors differ only in blank lines between documents)', async () => {
    const result = await new Helm(3).template({ chart: CHART, kubeVersion: NEWEST_KUBE_VERSION, releaseName: 'bv' });
    expect(result.status, result.stderr).toBe(0);
    const objects = (text: string) => parseAllDocuments(text).map((d) => d.toJS() as unknown);
    expect(objects(mask(result.stdout))).toEqual(objects(render4));
  });

  it('generates a fresh Redis password per install, kept on upgrade by lookup', () => {
    expect(render4).toContain('redis-password: <random>');
  });

  it('holds no hostPath volume anywhere (R15)', () => {
    expect(render4).not.toContain('hostPath');
  });
});
