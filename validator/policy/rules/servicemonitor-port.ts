import { get } from '../../../core/object-path.ts';
import { type LabelSelector, type Labels, podTemplateOf, selects, serviceSelects } from '../rendered-set.ts';
import type { SetRule, Violation } from '../rule.ts';

export const serviceMonitorPort: SetRule = {
  id: 'servicemonitor-port',
  severity: 'error',
  rationale: 'R7, R13: Prometheus scrapes each pod only if the ServiceMonitor names a port of a Service that selects the pods.',
  remediation: 'Match the ServiceMonitor selector to a Service with a port of that name whose selector selects the workload.',
  kinds: ['ServiceMonitor', 'Service', 'StatefulSet'],
  scope: 'set',
  check: (set) => {
    const out: Violation[] = [];
    for (const sm of set.ofKind('ServiceMonitor')) {
      const selector = get(sm.object, 'spec.selector') as LabelSelector | undefined;
      const services = set.ofKind('Service').filter((s) => selects(selector, s.object.metadata?.labels ?? {}));
      if (services.length === 0) {
        out.push({ resource: sm, message: 'the selector matches no rendered Service', pointer: '/spec/selector' });
        continue;
      }
      const endpoints = (get(sm.object, 'spec.endpoints') ?? []) as { port?: string }[];
      endpoints.forEach((e, i) => {
        const withPort = services.filter((s) => ((get(s.object, 'spec.ports') ?? []) as { name?: string }[]).some((p) => p.name === e.port));
        if (withPort.length === 0) {
          out.push({
            resource: sm,
            message: `endpoint port ${String(e.port)} is not a port of ${services.map((s) => s.ref.name).join(', ')}`,
            pointer: `/spec/endpoints/${i}/port`,
          });
          return;
        }
        const reachesPods = withPort.some((s) =>
          set.ofKind('StatefulSet', 'Deployment').some((w) => serviceSelects(get(s.object, 'spec.selector') as Labels, podTemplateOf(w.object)?.labels ?? {})),
        );
        if (!reachesPods)
          out.push({ resource: sm, message: `Service(s) with port ${String(e.port)} select no workload's pods`, pointer: `/spec/endpoints/${i}` });
      });
    }
    return out;
  },
};
