// The default render, checked in as a file snapshot (update: `npx vitest run -u`), and the
// shape of the components this chart carries, read from the render.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { Helm } from '../../toolchain/helm.ts';
import { NEWEST_KUBE_VERSION } from '../../toolchain/kube-versions.ts';
import { CHART } from '../helpers/scenarios.ts';

type Obj = { kind: string; metadata: { name: string }; spec?: Record<string, unknown>; [k: string]: unknown };

let render4 = '';
let objects: Obj[] = [];
beforeAll(async () => {
  const result = await new Helm(4).template({ chart: CHART, kubeVersion: NEWEST_KUBE_VERSION, releaseName: 'bv' });
  if (result.status !== 0) throw new Error(result.stderr);
  render4 = result.stdout;
  objects = parseAllDocuments(render4).map((d) => d.toJS() as Obj).filter(Boolean);
});

const find = (kind: string, name?: string) => {
  const found = objects.find((o) => o.kind === kind && (name === undefined || o.metadata.name === name));
  if (!found) throw new Error(`no ${kind} ${name ?? ''}`);
  return found;
};

describe('default render', () => {
  it('matches the checked-in snapshot', async () => {
    await expect(render4).toMatchFileSnapshot('__snapshots__/default-render.yaml');
  });

  it('renders the same objects with Helm 3 (the two majors differ only in blank lines between documents)', async () => {
    const result = await new Helm(3).template({ chart: CHART, kubeVersion: NEWEST_KUBE_VERSION, releaseName: 'bv' });
    expect(result.status, result.stderr).toBe(0);
    expect(parseAllDocuments(result.stdout).map((d) => d.toJS() as unknown)).toEqual(objects);
  });

  it('R1: a StatefulSet with Parallel pod management behind the headless Service', () => {
    const sts = find('StatefulSet', 'bv-boardviewer');
    expect(sts.spec).toMatchObject({ serviceName: 'bv-boardviewer-headless', podManagementPolicy: 'Parallel', replicas: 3 });
  });

  it('R2: volume claim template board-data, RWO, boardviewer-sc, 50Gi, retained', () => {
    const sts = find('StatefulSet');
    expect(sts.spec).toMatchObject({
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      volumeClaimTemplates: [
        {
          metadata: { name: 'board-data' },
          spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'boardviewer-sc', resources: { requests: { storage: '50Gi' } } },
        },
      ],
    });
  });

  it('R3: StorageClass boardviewer-sc, Retain, encrypted gp3 XFS via the EBS CSI driver', () => {
    expect(find('StorageClass', 'boardviewer-sc')).toMatchObject({
      provisioner: 'ebs.csi.aws.com',
      reclaimPolicy: 'Retain',
      parameters: { type: 'gp3', 'csi.storage.k8s.io/fstype': 'xfs', encrypted: 'true' },
    });
  });

  it('R4: headless Service with clusterIP None on http 8080 selecting the pods, plus a client Service', () => {
    const sts = find('StatefulSet');
    const selector = (sts.spec as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels;
    const headless = find('Service', 'bv-boardviewer-headless');
    expect(headless.spec).toMatchObject({ clusterIP: 'None', ports: [{ name: 'http', port: 8080, targetPort: 'http' }], selector });
    expect(find('Service', 'bv-boardviewer').spec).toMatchObject({ type: 'ClusterIP', selector });
    expect(selector).not.toHaveProperty('app.kubernetes.io/version');
  });

  it('R12: RollingUpdate with at most 25% unavailable', () => {
    expect(find('StatefulSet').spec).toMatchObject({
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', partition: 0 } },
    });
  });

  it('R15: no hostPath anywhere, non-root and no privilege escalation', () => {
    expect(render4).not.toContain('hostPath');
    const pod = (find('StatefulSet').spec as { template: { spec: Record<string, unknown> } }).template.spec;
    expect(pod).toMatchObject({
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      containers: [{ securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } } }],
    });
  });
});
