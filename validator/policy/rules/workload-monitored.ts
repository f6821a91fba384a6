import { get } from '../../../core/object-path.ts';
import { type LabelSelector, type Labels, podTemplateOf, selects, serviceSelects } from '../rendered-set.ts';
import type { SetRule, Violation } from '../rule.ts';

export const workloadMonitored: SetRule = {
  id: 'workload-monitored',
  severity: 'info',
  rationale: 'R13: without a ServiceMonitor or PodMonitor nothing alerts on the StatefulSet (monitoring may be off on purpose).',
  remediation: 'Enable monitoring so a ServiceMonitor scrapes the pods.',
  kinds: ['StatefulSet', 'ServiceMonitor', 'PodMonitor'],
  scope: 'set',
  check: (set) => {
    const out: Violation[] = [];
    for (const sts of set.ofKind('StatefulSet')) {
      const labels = podTemplateOf(sts.object)?.labels ?? {};
      const viaPodMonitor = set.ofKind('PodMonitor').some((pm) => selects(get(pm.object, 'spec.selector') as LabelSelector, labels));
      const viaService = set
        .ofKind('ServiceMonitor')
        .some((sm) =>
          set
            .ofKind('Service')
            .some(
              (s) =>
                selects(get(sm.object, 'spec.selector') as LabelSelector, s.object.metadata?.labels ?? {}) &&
                serviceSelects(get(s.object, 'spec.selector') as Labels, labels),
            ),
        );
      if (!viaPodMonitor && !viaService)
        out.push({ resource: sts, message: 'no ServiceMonitor or PodMonitor scrapes these pods', pointer: '/spec/template/metadata/labels' });
    }
    return out;
  },
};
