import { podTemplateOf, WORKLOAD_KINDS } from '../rendered-set.ts';
import type { ObjectRule } from '../rule.ts';

export const noHostPath: ObjectRule = {
  id: 'no-host-path',
  severity: 'error',
  rationale: 'R15: hostPath ties data to one node; the old design lost 15% of session data on node failure.',
  remediation: 'Keep data in volumeClaimTemplates; use emptyDir for scratch space.',
  kinds: [...WORKLOAD_KINDS],
  scope: 'object',
  check: (r) => {
    const template = podTemplateOf(r.object);
    return (template?.spec.volumes ?? []).flatMap((v, i) =>
      v.hostPath !== undefined ? [{ message: `volume ${String(v.name)} is a hostPath`, pointer: `${template?.pointer}/volumes/${i}` }] : [],
    );
  },
};
