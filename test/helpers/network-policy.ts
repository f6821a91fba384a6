// Whether the NetworkPolicies of one namespace admit a connection between two pods, with
// the semantics of networking.k8s.io/v1: a pod selected by no policy of a direction is open
// in that direction; otherwise some rule of a selecting policy must match the peer and port.
// Enough for the chart's policies: matchLabels selectors, pod and namespace peers, named
// and numbered ports. (ipBlock peers never match a pod here.)
import { at, type K8sObject } from './render.ts';

export interface Pod {
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  /** Named container ports of the pod, for policies that name them. */
  readonly ports?: Readonly<Record<string, number>>;
}

interface Peer {
  podSelector?: { matchLabels?: Record<string, string> };
  namespaceSelector?: { matchLabels?: Record<string, string> };
  ipBlock?: unknown;
}
interface Rule {
  from?: Peer[];
  to?: Peer[];
  ports?: { port?: number | string; protocol?: string }[];
}

const matches = (selector: { matchLabels?: Record<string, string> } | undefined, labels: Readonly<Record<string, string>>) =>
  Object.entries(selector?.matchLabels ?? {}).every(([k, v]) => labels[k] === v);

function peerMatches(peer: Peer, policyNamespace: string, pod: Pod): boolean {
  if (peer.ipBlock) return false;
  const namespaceOk = peer.namespaceSelector
    ? matches(peer.namespaceSelector, { 'kubernetes.io/metadata.name': pod.namespace })
    : pod.namespace === policyNamespace;
  return namespaceOk && (peer.podSelector ? matches(peer.podSelector, pod.labels) : true);
}

function portMatches(rule: Rule, target: Pod, port: number, protocol: string): boolean {
  if (!rule.ports || rule.ports.length === 0) return true;
  return rule.ports.some(
    (p) => (p.protocol ?? 'TCP') === protocol && (p.port === undefined || p.port === port || (typeof p.port === 'string' && target.ports?.[p.port] === port)),
  );
}

function admits(
  policies: readonly K8sObject[],
  direction: 'Ingress' | 'Egress',
  subject: Pod,
  peer: Pod,
  port: number,
  protocol: string,
  portOwner: Pod,
): boolean {
  const selecting = policies.filter(
    (np) =>
      (np.metadata.namespace ?? subject.namespace) === subject.namespace &&
      matches(at(np, 'spec.podSelector') as Peer['podSelector'], subject.labels) &&
      ((at(np, 'spec.policyTypes') as string[] | undefined) ?? ['Ingress']).includes(direction),
  );
  if (selecting.length === 0) return true;
  const key = direction === 'Ingress' ? 'ingress' : 'egress';
  const peersKey = direction === 'Ingress' ? 'from' : 'to';
  return selecting.some((np) =>
    ((at(np, `spec.${key}`) ?? []) as Rule[]).some((rule) => {
      const peers = rule[peersKey];
      const peerOk = !peers || peers.length === 0 || peers.some((p) => peerMatches(p, subject.namespace, peer));
      return peerOk && portMatches(rule, portOwner, port, protocol);
    }),
  );
}

/** Whether `from` may open a connection to `to` on `port` (egress of `from` and ingress of `to`). */
export function allowed(policies: readonly K8sObject[], from: Pod, to: Pod, port: number, protocol = 'TCP'): boolean {
  return admits(policies, 'Egress', from, to, port, protocol, to) && admits(policies, 'Ingress', to, from, port, protocol, to);
}
