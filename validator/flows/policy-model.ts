// NetworkPolicies (networking.k8s.io/v1) compiled once into a normalized model that
// evaluate.ts asks questions of, in the manner of Cyclonus's pkg/matcher: each policy is a
// target (namespace + podSelector) with, per direction it governs, a list of rules, each a
// set of peers (pods by namespace and pod selector, or an ipBlock) times a set of ports.
//
// Semantics follow the API reference and https://kubernetes.io/docs/concepts/services-networking/network-policies/:
// - policyTypes defaults to [Ingress], plus Egress when the policy has egress rules;
// - a rule without `from`/`to` admits every peer, without `ports` every port;
// - a peer's namespaceSelector absent means the policy's own namespace, empty ({}) every
//   namespace; its podSelector absent or empty means every pod there;
// - a port's protocol defaults to TCP; `port` absent means every port of that protocol;
//   `endPort` makes a numeric range; a named port matches the destination's container port name.
import type { Resource } from '../parse/resource.ts';
import { type Cidr, parseCidr } from './cidr.ts';
import type { Selector } from './label-selector.ts';

export type Direction = 'ingress' | 'egress';

export interface PolicyRef {
  readonly name: string;
  readonly namespace: string;
}

export type NamespaceMatch = { readonly kind: 'policy-namespace' } | { readonly kind: 'all' } | { readonly kind: 'selector'; readonly selector: Selector };

export type PeerMatch =
  | { readonly kind: 'pods'; readonly namespaces: NamespaceMatch; readonly pods: Selector; readonly pointer: string }
  | { readonly kind: 'ipBlock'; readonly cidr: Cidr | undefined; readonly except: readonly Cidr[]; readonly text: string; readonly pointer: string };

export interface PortMatch {
  readonly protocol: string;
  /** Absent: every port of the protocol. */
  readonly port?: number | string;
  readonly endPort?: number;
}

export interface PolicyRule {
  readonly direction: Direction;
  readonly index: number;
  readonly peers: readonly PeerMatch[] | 'any';
  readonly ports: readonly PortMatch[] | 'any';
  readonly pointer: string;
}

export interface CompiledPolicy {
  readonly ref: PolicyRef;
  readonly podSelector: Selector;
  /** Absent when the policy does not govern the direction (policyTypes). */
  readonly ingress?: readonly PolicyRule[];
  readonly egress?: readonly PolicyRule[];
  /** The rendered object, when the policy came from a render. */
  readonly resource?: Resource;
}

export interface PolicyModel {
  readonly policies: readonly CompiledPolicy[];
}

interface RawPeer {
  podSelector?: Selector | null;
  namespaceSelector?: Selector | null;
  ipBlock?: { cidr?: string; except?: string[] } | null;
}

interface RawPort {
  protocol?: string;
  port?: number | string;
  endPort?: number;
}

interface RawRule {
  from?: RawPeer[] | null;
  to?: RawPeer[] | null;
  ports?: RawPort[] | null;
}

export interface RawNetworkPolicy {
  readonly metadata?: { readonly name?: string; readonly namespace?: string };
  readonly spec?: {
    podSelector?: Selector | null;
    policyTypes?: string[] | null;
    ingress?: RawRule[] | null;
    egress?: RawRule[] | null;
  };
}

/** The API server's defaulting of spec.policyTypes. */
export function defaultPolicyTypes(spec: RawNetworkPolicy['spec']): Direction[] {
  const types = spec?.policyTypes ?? [];
  if (types.length > 0) return types.map((t) => (t === 'Egress' ? 'egress' : 'ingress'));
  return (spec?.egress ?? []).length > 0 ? ['ingress', 'egress'] : ['ingress'];
}

function compilePeer(peer: RawPeer, pointer: string): PeerMatch {
  if (peer.ipBlock) {
    const cidr = parseCidr(peer.ipBlock.cidr ?? '');
    const except = (peer.ipBlock.except ?? []).map((e) => parseCidr(e)).filter((c): c is Cidr => c !== undefined);
    return { kind: 'ipBlock', cidr, except, text: peer.ipBlock.cidr ?? '', pointer };
  }
  const ns = peer.namespaceSelector;
  const namespaces: NamespaceMatch = ns === undefined || ns === null ? { kind: 'policy-namespace' } : { kind: 'selector', selector: ns };
  return { kind: 'pods', namespaces, pods: peer.podSelector ?? {}, pointer };
}

function compileRule(rule: RawRule, direction: Direction, index: number): PolicyRule {
  const pointer = `/spec/${direction}/${index}`;
  const field = direction === 'ingress' ? 'from' : 'to';
  const peers = rule[field] ?? [];
  const ports = rule.ports ?? [];
  return {
    direction,
    index,
    pointer,
    peers: peers.length === 0 ? 'any' : peers.map((p, i) => compilePeer(p, `${pointer}/${field}/${i}`)),
    ports:
      ports.length === 0
        ? 'any'
        : ports.map((p) => ({
            protocol: p.protocol ?? 'TCP',
            ...(p.port !== undefined && p.port !== null ? { port: p.port } : {}),
            ...(typeof p.endPort === 'number' ? { endPort: p.endPort } : {}),
          })),
  };
}

export function compilePolicy(policy: RawNetworkPolicy, defaultNamespace: string, resource?: Resource): CompiledPolicy {
  const spec = policy.spec ?? {};
  const types = defaultPolicyTypes(spec);
  return {
    ref: { name: policy.metadata?.name ?? '', namespace: policy.metadata?.namespace ?? defaultNamespace },
    podSelector: spec.podSelector ?? {},
    ...(types.includes('ingress') ? { ingress: (spec.ingress ?? []).map((r, i) => compileRule(r, 'ingress', i)) } : {}),
    ...(types.includes('egress') ? { egress: (spec.egress ?? []).map((r, i) => compileRule(r, 'egress', i)) } : {}),
    ...(resource ? { resource } : {}),
  };
}

/** Every networking.k8s.io/v1 NetworkPolicy of a render, compiled. */
export function buildPolicyModel(resources: readonly Resource[], defaultNamespace = 'default'): PolicyModel {
  return {
    policies: resources
      .filter((r) => r.ref.kind === 'NetworkPolicy' && r.ref.apiVersion === 'networking.k8s.io/v1')
      .map((r) => compilePolicy(r.object as RawNetworkPolicy, r.ref.namespace ?? defaultNamespace, r)),
  };
}
