import { get } from '../../../core/object-path.ts';
import type { ObjectRule } from '../rule.ts';

export const statefulSetMinReplicas: ObjectRule = {
  id: 'statefulset-min-replicas',
  severity: 'error',
  rationale: 'R6: without an autoscaler the StatefulSet itself must run at least 3 pods.',
  remediation: 'Set spec.replicas to 3 or more, or let an HPA with minReplicas >= 3 own it.',
  kinds: ['StatefulSet'],
  scope: 'object',
  check: (r, set) => {
    if (set.autoscalerOf(r)) return [];
    const replicas = Number(get(r.object, 'spec.replicas') ?? 1);
    return replicas >= 3 ? [] : [{ message: `replicas is ${replicas} and no HPA targets the StatefulSet`, pointer: '/spec/replicas' }];
  },
};
