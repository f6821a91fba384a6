import { allContainers, podTemplateOf, WORKLOAD_KINDS } from '../rendered-set.ts';
import type { ObjectRule, Violation } from '../rule.ts';

interface Volume {
  name?: string;
  emptyDir?: { sizeLimit?: unknown; medium?: string };
}

export const ephemeralStorageBounded: ObjectRule = {
  id: 'ephemeral-storage-bounded',
  severity: 'error',
  rationale:
    'R15: under node disk pressure the kubelet evicts first the pods using more local disk than they request; an emptyDir without sizeLimit can fill the node.',
  remediation: 'Give every emptyDir a sizeLimit and every container a resources.requests.ephemeral-storage.',
  kinds: WORKLOAD_KINDS,
  scope: 'object',
  check: (resource) => {
    const pod = podTemplateOf(resource.object);
    if (!pod) return [];
    const out: Violation[] = [];
    (pod.spec.volumes ?? []).forEach((raw, i) => {
      const volume = raw as Volume;
      if (volume.emptyDir && volume.emptyDir.sizeLimit === undefined) {
        out.push({ message: `emptyDir volume ${volume.name ?? i} has no sizeLimit`, pointer: `${pod.pointer}/volumes/${i}/emptyDir` });
      }
    });
    for (const { container, pointer } of allContainers(pod)) {
      if (container.resources?.requests?.['ephemeral-storage'] === undefined) {
        out.push({ message: `container ${container.name} requests no ephemeral-storage`, pointer: `${pointer}/resources` });
      }
    }
    return out;
  },
};
