import { get } from '../../../core/object-path.ts';
import type { ObjectRule } from '../rule.ts';

/** Provisioners whose volumes are encrypted at rest whatever the parameters say. */
const ENCRYPTED_BY_DEFAULT = ['pd.csi.storage.gke.io', 'disk.csi.azure.com', 'file.csi.azure.com'];
/** Parameters that turn encryption on (or pick a key, which implies it). */
const ENCRYPTION_KEYS = ['encrypted', 'kmsKeyId', 'disk-encryption-kms-key', 'diskEncryptionSetID'];

export const storageClassEncrypted: ObjectRule = {
  id: 'storage-class-encrypted',
  severity: 'error',
  rationale: 'R3, R15: user uploads and configuration are encrypted at rest.',
  remediation: 'Set parameters.encrypted: "true" (EBS CSI) or a KMS key parameter for your provisioner.',
  kinds: ['StorageClass'],
  scope: 'object',
  check: (r) => {
    const provisioner = String(get(r.object, 'provisioner') ?? '');
    if (ENCRYPTED_BY_DEFAULT.includes(provisioner)) return [];
    const parameters = (get(r.object, 'parameters') ?? {}) as Record<string, unknown>;
    if (parameters.encrypted === 'false') return [{ message: 'parameters.encrypted is "false"', pointer: '/parameters/encrypted' }];
    return ENCRYPTION_KEYS.some((k) => parameters[k] !== undefined && parameters[k] !== 'false')
      ? []
      : [{ message: `no encryption parameter for provisioner ${provisioner}`, pointer: '/parameters' }];
  },
};
