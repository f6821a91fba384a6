import { get } from '../../../core/object-path.ts';
import type { ObjectRule } from '../rule.ts';

export const storageClassRetain: ObjectRule = {
  id: 'storage-class-retain',
  severity: 'error',
  rationale: 'R3: volumes must outlive their claims; the default reclaimPolicy Delete destroys data with the claim.',
  remediation: 'Set reclaimPolicy: Retain on the StorageClass.',
  kinds: ['StorageClass'],
  scope: 'object',
  check: (r) => {
    const policy = get(r.object, 'reclaimPolicy') ?? 'Delete';
    return policy === 'Retain' ? [] : [{ message: `reclaimPolicy is ${String(policy)}, not Retain`, pointer: '/reclaimPolicy' }];
  },
};
