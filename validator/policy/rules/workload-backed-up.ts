import type { SetRule, Violation } from '../rule.ts';

export const workloadBackedUp: SetRule = {
  id: 'workload-backed-up',
  severity: 'info',
  rationale: "R14: without a Velero Schedule the StatefulSet's volumes are not backed up (backups may be managed elsewhere).",
  remediation: 'Enable backup so a daily Velero Schedule covers the namespace.',
  kinds: ['StatefulSet', 'Schedule'],
  scope: 'set',
  check: (set) => {
    const out: Violation[] = [];
    if (set.ofKind('Schedule').some((s) => s.ref.apiVersion.startsWith('velero.io/'))) return out;
    for (const sts of set.ofKind('StatefulSet')) {
      if (((sts.object.spec as { volumeClaimTemplates?: unknown[] } | undefined)?.volumeClaimTemplates ?? []).length > 0) {
        out.push({ resource: sts, message: 'no Velero Schedule backs up these volumes', pointer: '/spec/volumeClaimTemplates' });
      }
    }
    return out;
  },
};
