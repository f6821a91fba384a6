import { get } from '../rendered-set.ts';
import type { SetRule, Violation } from '../rule.ts';

const LEVELS = ['infrastructure', 'container', 'application', 'business'] as const;

interface AlertRule {
  alert?: string;
  expr?: string;
  labels?: Record<string, string>;
}

export const prometheusRuleLevels: SetRule = {
  id: 'prometheusrule-levels',
  severity: 'error',
  rationale: 'R13: alerts cover the four levels (infrastructure, container, application, business); R7: a pod-down alert on boardviewer_up.',
  remediation: 'Add alerts labelled level: infrastructure|container|application|business and one on boardviewer_up == 0.',
  kinds: ['PrometheusRule'],
  scope: 'set',
  check: (set) => {
    const out: Violation[] = [];
    for (const pr of set.ofKind('PrometheusRule')) {
      const rules = ((get(pr.object, 'spec.groups') ?? []) as { rules?: AlertRule[] }[]).flatMap((g) => g.rules ?? []).filter((r) => r.alert);
      const levels = new Set(rules.map((r) => r.labels?.level));
      const missing = LEVELS.filter((l) => !levels.has(l));
      if (missing.length > 0) out.push({ resource: pr, message: `no alert at level ${missing.join(', ')}`, pointer: '/spec/groups' });
      if (!rules.some((r) => /boardviewer_up\b/.test(r.expr ?? ''))) out.push({ resource: pr, message: 'no pod-down alert on boardviewer_up', pointer: '/spec/groups' });
      for (const r of rules) {
        if (!r.labels?.severity) out.push({ resource: pr, message: `alert ${r.alert} has no severity label`, pointer: '/spec/groups' });
      }
    }
    return out;
  },
};
