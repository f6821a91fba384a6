import { get } from '../../../core/object-path.ts';
import { type Labels, podTemplateOf, serviceSelects } from '../rendered-set.ts';
import type { SetRule, Violation } from '../rule.ts';

export const statefulSetHeadlessService: SetRule = {
  id: 'statefulset-headless-service',
  severity: 'error',
  rationale: 'R1, R4: stable pod DNS names need serviceName to name a headless Service that selects the pods.',
  remediation: 'Create a Service with clusterIP: None named as spec.serviceName, selecting the pod template labels.',
  kinds: ['StatefulSet', 'Service'],
  scope: 'set',
  check: (set) => {
    const out: Violation[] = [];
    for (const sts of set.ofKind('StatefulSet')) {
      const name = get(sts.object, 'spec.serviceName');
      if (typeof name !== 'string' || name === '') {
        out.push({ resource: sts, message: 'spec.serviceName is empty', pointer: '/spec/serviceName' });
        continue;
      }
      const service = set.ofKind('Service').find((s) => s.ref.name === name && set.sameNamespace(s, sts));
      if (!service) {
        out.push({ resource: sts, message: `serviceName ${name} names no Service in the rendered set`, pointer: '/spec/serviceName' });
        continue;
      }
      if (get(service.object, 'spec.clusterIP') !== 'None')
        out.push({ resource: sts, message: `Service ${name} is not headless (clusterIP: None)`, pointer: '/spec/serviceName' });
      const labels = podTemplateOf(sts.object)?.labels ?? {};
      if (!serviceSelects(get(service.object, 'spec.selector') as Labels | undefined, labels)) {
        out.push({ resource: sts, message: `Service ${name} does not select the StatefulSet's pods`, pointer: '/spec/serviceName' });
      }
    }
    return out;
  },
};
