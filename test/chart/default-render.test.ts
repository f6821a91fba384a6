// The default render, checked in as a file snapshot (update: `npx vitest run -u`). The
// in-chart Redis password is random at install, so it is masked in the snapshot; that it is
// fresh per install is tested here, that an upgrade keeps it (lookup) needs a cluster and is
// tested in test/e2e/control-plane.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { Helm } from '../../toolchain/helm.ts';
import { NEWEST_KUBE_VERSION } from '../../toolchain/kube-versions.ts';
import { CHART } from '../helpers/scenarios.ts';

const PASSWORD = /^(\s+redis-password: )(.+)$/m;
const mask = (text: string) => text.replace(PASSWORD, '$1<random>');
const passwordOf = (text: string) => Buffer.from(PASSWORD.exec(text)?.[2] ?? '', 'base64').toString('utf8');

let raw4 = '';
let render4 = '';
beforeAll(async () => {
  const result = await new Helm(4).template({ chart: CHART, kubeVersion: NEWEST_KUBE_VERSION, releaseName: 'bv' });
  if (result.status !== 0) throw new Error(result.stderr);
  raw4 = result.stdout;
  render4 = mask(raw4);
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

  it('generates a fresh random Redis password per install (no Secret to look up: two installs differ)', async () => {
    const again = await new Helm(4).template({ chart: CHART, kubeVersion: NEWEST_KUBE_VERSION, releaseName: 'bv' });
    expect(again.status, again.stderr).toBe(0);
    const [first, second] = [passwordOf(raw4), passwordOf(again.stdout)];
    expect(first).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(second).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(second).not.toBe(first);
  });

  it('holds no hostPath volume anywhere (R15)', () => {
    expect(render4).not.toContain('hostPath');
  });
});
