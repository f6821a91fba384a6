// What the chart expects of a cluster besides the control plane: the Prometheus Operator and
// Velero CRDs (from ../shared/kubernetes-schemas/crd-manifests/) and pre-provisioned
// PersistentVolumes of the chart's StorageClass (there is no CSI driver to provision them).
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { SHARED_SCHEMAS_DIR } from '../kubeconform.ts';
import { type KubeClient, KubeError, type KubeObject, waitFor } from './kube-client.ts';

export async function installCrds(client: KubeClient): Promise<string[]> {
  const dir = path.join(SHARED_SCHEMAS_DIR, 'crd-manifests');
  const names: string[] = [];
  for (const group of fs.readdirSync(dir).filter((g) => fs.statSync(path.join(dir, g)).isDirectory())) {
    for (const file of fs.readdirSync(path.join(dir, group)).filter((f) => f.endsWith('.yaml'))) {
      for (const doc of parseAllDocuments(fs.readFileSync(path.join(dir, group, file), 'utf8'))) {
        const crd = doc.toJS() as KubeObject | null;
        if (crd?.kind !== 'CustomResourceDefinition') continue;
        try {
          await client.create('/apis/apiextensions.k8s.io/v1/customresourcedefinitions', crd);
        } catch (error) {
          if (!(error instanceof KubeError && error.status === 409)) throw error;
        }
        names.push(crd.metadata.name);
      }
    }
  }
  for (const name of names) {
    await waitFor(
      `CRD ${name} to be established`,
      async () => {
        const crd = await client.get(`/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${name}`);
        const conditions = (crd.status?.conditions as { type: string; status: string }[] | undefined) ?? [];
        return conditions.some((c) => c.type === 'Established' && c.status === 'True') ? true : undefined;
      },
      60_000,
    );
  }
  return names;
}

/** PersistentVolumes for claims of `storageClassName` to bind to (Retain, ReadWriteOnce). */
export async function createVolumes(client: KubeClient, count: number, storageClassName: string, size = '500Gi', prefix = 'pv'): Promise<void> {
  for (let i = 0; i < count; i++) {
    await client.create('/api/v1/persistentvolumes', {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: `${prefix}-${storageClassName}-${i}`, labels: { 'bvchart.e2e/volume': 'true' } },
      spec: {
        capacity: { storage: size },
        accessModes: ['ReadWriteOnce'],
        persistentVolumeReclaimPolicy: 'Retain',
        storageClassName,
        hostPath: { path: `/var/lib/e2e-volumes/${prefix}-${i}` },
      },
    });
  }
}

export async function createNamespace(client: KubeClient, name: string): Promise<void> {
  await client.create('/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
}
