import { get } from '../../../core/object-path.ts';
import type { ObjectRule, Violation } from '../rule.ts';

export const pvcRetentionRetain: ObjectRule = {
  id: 'pvc-retention-retain',
  severity: 'error',
  rationale: 'R2: claims must survive StatefulSet deletion and scale-down, or user uploads are lost.',
  remediation: 'Set persistentVolumeClaimRetentionPolicy whenDeleted and whenScaled to Retain (or leave them out).',
  kinds: ['StatefulSet'],
  scope: 'object',
  check: (r) => {
    const policy = (get(r.object, 'spec.persistentVolumeClaimRetentionPolicy') ?? {}) as Record<string, unknown>;
    const out: Violation[] = [];
    for (const when of ['whenDeleted', 'whenScaled']) {
      const value = policy[when] ?? 'Retain';
      if (value !== 'Retain')
        out.push({
          message: `persistentVolumeClaimRetentionPolicy.${when} is ${String(value)}: claims are deleted`,
          pointer: `/spec/persistentVolumeClaimRetentionPolicy/${when}`,
        });
    }
    return out;
  },
};
