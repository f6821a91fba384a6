import { get } from '../../../core/object-path.ts';
import type { ObjectRule } from '../rule.ts';

export const LEGACY_PROVISIONERS: Readonly<Record<string, string>> = {
  'kubernetes.io/aws-ebs': 'ebs.csi.aws.com',
  'kubernetes.io/gce-pd': 'pd.csi.storage.gke.io',
  'kubernetes.io/azure-disk': 'disk.csi.azure.com',
  'kubernetes.io/azure-file': 'file.csi.azure.com',
  'kubernetes.io/cinder': 'cinder.csi.openstack.org',
  'kubernetes.io/vsphere-volume': 'csi.vsphere.vmware.com',
  'kubernetes.io/portworx-volume': 'pxd.portworx.com',
  'kubernetes.io/rbd': 'rbd.csi.ceph.com',
};

export const noLegacyProvisioner: ObjectRule = {
  id: 'no-legacy-provisioner',
  severity: 'error',
  rationale: 'R3: in-tree volume plugins are removed from current Kubernetes; new volumes would never be provisioned.',
  remediation: 'Use the CSI driver (e.g. ebs.csi.aws.com instead of kubernetes.io/aws-ebs).',
  kinds: ['StorageClass'],
  scope: 'object',
  check: (r) => {
    const provisioner = String(get(r.object, 'provisioner') ?? '');
    const csi = LEGACY_PROVISIONERS[provisioner];
    return csi ? [{ message: `legacy in-tree provisioner ${provisioner}; use ${csi}`, pointer: '/provisioner' }] : [];
  },
};
