import { podTemplateOf } from '../rendered-set.ts';
import type { ObjectRule, Violation } from '../rule.ts';

export const probeFailureThreshold: ObjectRule = {
  id: 'probe-failure-threshold',
  severity: 'error',
  rationale: 'R7: a pod is marked unhealthy after 3 consecutive failed checks, no sooner and no later.',
  remediation: 'Give every container readiness and liveness probes with failureThreshold: 3.',
  kinds: ['StatefulSet', 'Deployment'],
  scope: 'object',
  check: (r) => {
    const template = podTemplateOf(r.object);
    const out: Violation[] = [];
    (template?.spec.containers ?? []).forEach((c, i) => {
      for (const probe of ['readinessProbe', 'livenessProbe'] as const) {
        const pointer = `${template?.pointer}/containers/${i}/${probe}`;
        const p = c[probe];
        if (!p) out.push({ message: `container ${c.name} has no ${probe}`, pointer: `${template?.pointer}/containers/${i}` });
        else if ((p.failureThreshold ?? 3) !== 3)
          out.push({ message: `container ${c.name} ${probe}.failureThreshold is ${p.failureThreshold}, not 3`, pointer: `${pointer}/failureThreshold` });
      }
    });
    return out;
  },
};
