// The common hardening set (kube-linter / Polaris class), one rule per property, built from
// one table: each entry checks every container of every workload.
import { allContainers, type ContainerSpec, type PodTemplate, podTemplateOf, WORKLOAD_KINDS } from '../rendered-set.ts';
import type { ObjectRule } from '../rule.ts';

interface ContainerCheck {
  readonly id: string;
  readonly rationale: string;
  readonly remediation: string;
  readonly severity: 'error' | 'warning';
  /** Returns the problem with this container, or undefined. */
  readonly problem: (c: ContainerSpec, pod: PodTemplate) => string | undefined;
}

const podSecurity = (pod: PodTemplate, key: string) => pod.spec.securityContext?.[key];
const containerSecurity = (c: ContainerSpec, key: string) => c.securityContext?.[key];

const CHECKS: readonly ContainerCheck[] = [
  {
    id: 'run-as-non-root',
    severity: 'error',
    rationale: 'R15: containers run as a non-root user (restricted Pod Security Standard).',
    remediation: 'Set securityContext.runAsNonRoot: true on the pod or the container.',
    problem: (c, pod) => ((containerSecurity(c, 'runAsNonRoot') ?? podSecurity(pod, 'runAsNonRoot')) === true ? undefined : 'runAsNonRoot is not true'),
  },
  {
    id: 'no-privilege-escalation',
    severity: 'error',
    rationale: 'R15: no process may gain more privileges than its parent.',
    remediation: 'Set securityContext.allowPrivilegeEscalation: false on the container.',
    problem: (c) => (containerSecurity(c, 'allowPrivilegeEscalation') === false ? undefined : 'allowPrivilegeEscalation is not false'),
  },
  {
    id: 'drop-all-capabilities',
    severity: 'error',
    rationale: 'R15: containers drop every Linux capability (restricted Pod Security Standard).',
    remediation: 'Set securityContext.capabilities.drop: ["ALL"] on the container.',
    problem: (c) => {
      const drop = (containerSecurity(c, 'capabilities') as { drop?: string[] } | undefined)?.drop ?? [];
      return drop.includes('ALL') ? undefined : 'capabilities.drop does not include ALL';
    },
  },
  {
    id: 'seccomp-profile',
    severity: 'error',
    rationale: 'R15: a seccomp profile limits the system calls a compromised container can make.',
    remediation: 'Set securityContext.seccompProfile.type: RuntimeDefault on the pod or the container.',
    problem: (c, pod) => {
      const profile = (containerSecurity(c, 'seccompProfile') ?? podSecurity(pod, 'seccompProfile')) as { type?: string } | undefined;
      return profile?.type === 'RuntimeDefault' || profile?.type === 'Localhost' ? undefined : 'no RuntimeDefault or Localhost seccomp profile';
    },
  },
  {
    id: 'resources-set',
    severity: 'error',
    rationale: 'R15: requests let the scheduler place pods (and the cluster autoscaler add nodes, R6); limits bound noisy neighbours.',
    remediation: 'Set resources.requests and resources.limits for cpu and memory.',
    problem: (c) => {
      const missing = ['requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory'].filter((p) => {
        const [kind, res] = p.split('.') as ['requests' | 'limits', string];
        return c.resources?.[kind]?.[res] === undefined;
      });
      return missing.length === 0 ? undefined : `no ${missing.join(', ')}`;
    },
  },
  {
    id: 'image-tag-pinned',
    severity: 'error',
    rationale: 'R12: image changes roll out deliberately; `latest` or no tag changes under running pods.',
    remediation: 'Pin the image to a version tag or a digest.',
    problem: (c) => {
      const image = c.image ?? '';
      if (image.includes('@sha256:')) return undefined;
      const lastSegment = image.split('/').pop() ?? '';
      if (!lastSegment.includes(':')) return `image ${image} has no tag`;
      return lastSegment.endsWith(':latest') ? `image ${image} uses the latest tag` : undefined;
    },
  },
];

function toRule(check: ContainerCheck): ObjectRule {
  return {
    id: check.id,
    severity: check.severity,
    rationale: check.rationale,
    remediation: check.remediation,
    kinds: [...WORKLOAD_KINDS],
    scope: 'object',
    check: (r) => {
      const pod = podTemplateOf(r.object);
      if (!pod) return [];
      return allContainers(pod).flatMap(({ container, pointer }) => {
        const problem = check.problem(container, pod);
        return problem ? [{ message: `container ${container.name}: ${problem}`, pointer }] : [];
      });
    },
  };
}

export const CONTAINER_RULES: readonly ObjectRule[] = CHECKS.map(toRule);
