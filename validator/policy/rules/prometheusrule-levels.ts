import { get } from '../../../core/object-path.ts';
import type { SetRule, Violation } from '../rule.ts';

const LEVELS = ['infrastructure', 'container', 'application', 'business'] as const;

interface AlertRule {
  alert?: string;
  expr?: string;
  labels?: Record<string, string>;
}

/**
 * A pod-down alert reads Prometheus' own `up` series of a scrape job, and covers targets that
 * vanished (a crashed pod leaves the endpoints) with absent() or a count.
 */
function isPodDownAlert(expr: string): boolean {
  return /(^|[^\w:])up\{[^}]*\bjob=/.test(expr) && /\b(absent|count)\(/.test(expr);
}

export const prometheusRuleLevels: SetRule = {
  id: 'prometheusrule-levels',
  severity: 'error',
  rationale:
    'R13: alerts cover the four levels (infrastructure, container, application, business); R7: a pod-down alert that also fires for a crashed pod, which reports no metrics of its own.',
  remediation:
    "Add alerts labelled level: infrastructure|container|application|business, and a pod-down alert on the scrape job's up series (up{job=...} == 0, with absent() or a count of the pods up).",
  kinds: ['PrometheusRule'],
  scope: 'set',
  check: (set) => {
    const out: Violation[] = [];
    for (const pr of set.ofKind('PrometheusRule')) {
      const rules = ((get(pr.object, 'spec.groups') ?? []) as { rules?: AlertRule[] }[]).flatMap((g) => g.rules ?? []).filter((r) => r.alert);
      const levels = new Set(rules.map((r) => r.labels?.level));
      const missing = LEVELS.filter((l) => !levels.has(l));
      if (missing.length > 0) out.push({ resource: pr, message: `no alert at level ${missing.join(', ')}`, pointer: '/spec/groups' });
      if (!rules.some((r) => isPodDownAlert(r.expr ?? ''))) {
        out.push({
          resource: pr,
          message:
            "no pod-down alert on the scrape job's up series (with absent() or a count): a crashed pod reports no metrics, so an alert on the application's own series never fires",
          pointer: '/spec/groups',
        });
      }
      for (const r of rules) {
        if (!r.labels?.severity) out.push({ resource: pr, message: `alert ${r.alert} has no severity label`, pointer: '/spec/groups' });
      }
    }
    return out;
  },
};
