import { get } from '../../../core/object-path.ts';
import type { ObjectRule, Violation } from '../rule.ts';

interface ClaimTemplate {
  metadata?: { name?: string };
  spec?: { accessModes?: string[]; storageClassName?: string };
}

export const statefulSetClaimTemplates: ObjectRule = {
  id: 'statefulset-claim-templates',
  severity: 'error',
  rationale: "R2: each pod keeps its data on its own ReadWriteOnce claim from the chart's StorageClass.",
  remediation: "Declare spec.volumeClaimTemplates with accessModes [ReadWriteOnce] and the chart's storageClassName.",
  kinds: ['StatefulSet'],
  scope: 'object',
  check: (r, set) => {
    const templates = (get(r.object, 'spec.volumeClaimTemplates') ?? []) as ClaimTemplate[];
    if (templates.length === 0) return [{ message: 'the StatefulSet has no volumeClaimTemplates: pod data is not kept per pod', pointer: '/spec' }];
    const classes = set.ofKind('StorageClass').map((c) => c.ref.name);
    const out: Violation[] = [];
    templates.forEach((t, i) => {
      const pointer = `/spec/volumeClaimTemplates/${i}/spec`;
      const modes = t.spec?.accessModes ?? [];
      if (modes.length !== 1 || modes[0] !== 'ReadWriteOnce')
        out.push({
          message: `claim template ${t.metadata?.name ?? i} has accessModes ${JSON.stringify(modes)}, not [ReadWriteOnce]`,
          pointer: `${pointer}/accessModes`,
        });
      const cls = t.spec?.storageClassName;
      if (!cls) out.push({ message: `claim template ${t.metadata?.name ?? i} names no storageClassName (the cluster default may not Retain)`, pointer });
      else if (classes.length > 0 && !classes.includes(cls))
        out.push({
          message: `claim template ${t.metadata?.name ?? i} uses StorageClass ${cls}, not the chart's (${classes.join(', ')})`,
          pointer: `${pointer}/storageClassName`,
        });
    });
    return out;
  },
};
