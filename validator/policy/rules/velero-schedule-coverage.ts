import { get } from '../../../core/object-path.ts';
import type { SetRule, Violation } from '../rule.ts';

export const veleroScheduleCoverage: SetRule = {
  id: 'velero-schedule-coverage',
  severity: 'error',
  rationale: "R14: the daily backup covers the release's namespace and snapshots its volumes.",
  remediation: 'Include the release namespace in template.includedNamespaces, keep snapshotVolumes on and persistentvolumeclaims included.',
  kinds: ['Schedule'],
  scope: 'set',
  check: (set) => {
    const out: Violation[] = [];
    const namespaces = new Set(
      set
        .ofKind('StatefulSet')
        .map((s) => s.ref.namespace)
        .filter((n): n is string => Boolean(n)),
    );
    for (const schedule of set.ofKind('Schedule').filter((s) => s.ref.apiVersion.startsWith('velero.io/'))) {
      const t = (get(schedule.object, 'spec.template') ?? {}) as Record<string, unknown>;
      const included = (t.includedNamespaces ?? ['*']) as string[];
      const excluded = (t.excludedNamespaces ?? []) as string[];
      for (const ns of namespaces) {
        if ((!included.includes('*') && !included.includes(ns)) || excluded.includes(ns)) {
          out.push({ resource: schedule, message: `namespace ${ns} is not backed up`, pointer: '/spec/template/includedNamespaces' });
        }
      }
      if (t.snapshotVolumes === false)
        out.push({ resource: schedule, message: 'snapshotVolumes is false: PVC data is not backed up', pointer: '/spec/template/snapshotVolumes' });
      const resources = (t.includedResources ?? ['*']) as string[];
      const excludedResources = (t.excludedResources ?? []) as string[];
      const pvc = (r: string) => ['persistentvolumeclaims', 'pvc', 'persistentvolumeclaim'].includes(r.toLowerCase());
      if ((!resources.includes('*') && !resources.some(pvc)) || excludedResources.some(pvc)) {
        out.push({ resource: schedule, message: 'PersistentVolumeClaims are not included', pointer: '/spec/template/includedResources' });
      }
      if (typeof get(schedule.object, 'spec.schedule') !== 'string') out.push({ resource: schedule, message: 'no cron schedule', pointer: '/spec/schedule' });
    }
    return out;
  },
};
