import { get } from '../../../core/object-path.ts';
import { podTemplateOf } from '../rendered-set.ts';
import type { ObjectRule } from '../rule.ts';

const ZONE = 'topology.kubernetes.io/zone';
const HOST = 'kubernetes.io/hostname';

export const spreadNodesZones: ObjectRule = {
  id: 'spread-nodes-zones',
  severity: 'warning',
  rationale: 'R15: replicas spread across zones and nodes so one failure takes few of them.',
  remediation: 'Add a topologySpreadConstraint on topology.kubernetes.io/zone and pod anti-affinity (or a spread constraint) on kubernetes.io/hostname.',
  kinds: ['StatefulSet', 'Deployment'],
  scope: 'object',
  check: (r, set) => {
    if (set.maxReplicas(r) < 2) return [];
    const pod = podTemplateOf(r.object);
    if (!pod) return [];
    const keys = new Set((pod.spec.topologySpreadConstraints ?? []).map((t) => t.topologyKey));
    const anti = JSON.stringify(get(pod.spec, 'affinity.podAntiAffinity') ?? {});
    const missing = [ZONE, HOST].filter((k) => !keys.has(k) && !anti.includes(`"${k}"`));
    return missing.length === 0 ? [] : [{ message: `pods are not spread over ${missing.join(' and ')}`, pointer: pod.pointer }];
  },
};
