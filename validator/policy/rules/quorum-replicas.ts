import { podTemplateOf } from '../rendered-set.ts';
import type { SetRule, Violation } from '../rule.ts';

export const quorumReplicas: SetRule = {
  id: 'quorum-replicas',
  severity: 'error',
  rationale: 'R8: a write needs the primary plus the write quorum of replicas, so the fewest pods must exceed the quorum.',
  remediation: 'Raise replicas (or the HPA minReplicas) to at least writeQuorum + 1, or lower BV_WRITE_QUORUM.',
  kinds: ['StatefulSet', 'HorizontalPodAutoscaler'],
  scope: 'set',
  check: (set) => {
    const out: Violation[] = [];
    for (const sts of set.ofKind('StatefulSet')) {
      const env = (podTemplateOf(sts.object)?.spec.containers ?? []).flatMap((c) => c.env ?? []);
      const quorum = Number(env.find((e) => e.name === 'BV_WRITE_QUORUM')?.value);
      if (!Number.isFinite(quorum)) continue;
      const min = set.minReplicas(sts);
      if (min < quorum + 1) out.push({ resource: sts, message: `write quorum ${quorum} needs ${quorum + 1} pods but as few as ${min} run`, pointer: '/spec' });
    }
    return out;
  },
};
