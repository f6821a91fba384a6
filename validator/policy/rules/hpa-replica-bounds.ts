import { get } from '../../../core/object-path.ts';
import type { ObjectRule, Violation } from '../rule.ts';

export const hpaReplicaBounds: ObjectRule = {
  id: 'hpa-replica-bounds',
  severity: 'error',
  rationale: 'R6: at least 3 pods keep the service and the write quorum up through a pod loss; max must not be below min.',
  remediation: 'Set spec.minReplicas to 3 or more and spec.maxReplicas to at least minReplicas.',
  kinds: ['HorizontalPodAutoscaler'],
  scope: 'object',
  check: (r) => {
    const min = Number(get(r.object, 'spec.minReplicas') ?? 1);
    const max = Number(get(r.object, 'spec.maxReplicas'));
    const out: Violation[] = [];
    if (min < 3) out.push({ message: `minReplicas is ${min}, below 3`, pointer: '/spec/minReplicas' });
    if (Number.isFinite(max) && max < min) out.push({ message: `maxReplicas ${max} is below minReplicas ${min}`, pointer: '/spec/maxReplicas' });
    return out;
  },
};
