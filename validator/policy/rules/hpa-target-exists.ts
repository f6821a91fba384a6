import { get } from '../../../core/object-path.ts';
import type { SetRule, Violation } from '../rule.ts';

export const hpaTargetExists: SetRule = {
  id: 'hpa-target-exists',
  severity: 'error',
  rationale: 'R6: an autoscaler whose target is missing scales nothing.',
  remediation: 'Point spec.scaleTargetRef at the rendered StatefulSet (apiVersion apps/v1, kind, name).',
  kinds: ['HorizontalPodAutoscaler', 'StatefulSet', 'Deployment'],
  scope: 'set',
  check: (set) => {
    const out: Violation[] = [];
    for (const hpa of set.ofKind('HorizontalPodAutoscaler')) {
      const target = (get(hpa.object, 'spec.scaleTargetRef') ?? {}) as { kind?: string; name?: string };
      const found = set.ofKind(target.kind ?? '').some((w) => w.ref.name === target.name && set.sameNamespace(w, hpa));
      if (!found)
        out.push({ resource: hpa, message: `scaleTargetRef ${target.kind}/${target.name} is not in the rendered set`, pointer: '/spec/scaleTargetRef' });
    }
    return out;
  },
};
