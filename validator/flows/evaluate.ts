// The question asked of the policy model: is this flow allowed? The answer is data: per
// direction, whether the end is isolated (some policy selects it for that direction), the
// policies that isolate it, and the rules that admit the flow. A flow is allowed only when
// the source's egress and the destination's ingress both allow it; an end outside the
// cluster is never isolated (policies cannot govern it).
import { type Cidr, cidrContains, cidrsOverlap } from './cidr.ts';
import { RequiredLabelsIndex } from './label-index.ts';
import { type Labels, matchesSelector } from './label-selector.ts';
import type { CompiledPolicy, Direction, PeerMatch, PolicyModel, PolicyRef, PolicyRule, PortMatch } from './policy-model.ts';

/** A pod (by its namespace's and its own labels) or addresses outside the cluster. */
export type FlowPeer =
  | { readonly kind: 'pod'; readonly namespace: string; readonly namespaceLabels: Labels; readonly podLabels: Labels; readonly ip?: Cidr }
  | { readonly kind: 'external'; readonly addresses: Cidr };

export interface FlowQuery {
  readonly source: FlowPeer;
  readonly destination: FlowPeer;
  readonly port: number;
  /** The destination container port's name, for named ports in policies. */
  readonly portName?: string;
  readonly protocol: string;
}

export interface RuleMatch {
  readonly policy: PolicyRef;
  readonly rule: number;
  /** Index in from/to; absent when the rule admits any peer. */
  readonly peer?: number;
}

export interface DirectionVerdict {
  readonly allowed: boolean;
  /** Policies that select this end for the direction; empty: not isolated. */
  readonly isolatedBy: readonly PolicyRef[];
  readonly allowedBy: readonly RuleMatch[];
}

export interface FlowVerdict {
  readonly allowed: boolean;
  readonly egress: DirectionVerdict;
  readonly ingress: DirectionVerdict;
}

export function selectsPod(policy: CompiledPolicy, peer: FlowPeer): boolean {
  return peer.kind === 'pod' && policy.ref.namespace === peer.namespace && matchesSelector(policy.podSelector, peer.podLabels);
}

export function peerMatches(match: PeerMatch, policyNamespace: string, peer: FlowPeer): boolean {
  if (match.kind === 'ipBlock') {
    const addresses = peer.kind === 'external' ? peer.addresses : peer.ip;
    if (!addresses || !match.cidr) return false;
    return cidrContains(match.cidr, addresses) && !match.except.some((e) => cidrsOverlap(e, addresses));
  }
  if (peer.kind !== 'pod') return false;
  const ns = match.namespaces;
  const inNamespace =
    ns.kind === 'all' ? true : ns.kind === 'policy-namespace' ? peer.namespace === policyNamespace : matchesSelector(ns.selector, peer.namespaceLabels);
  return inNamespace && matchesSelector(match.pods, peer.podLabels);
}

export function portMatches(match: PortMatch, port: number, portName: string | undefined, protocol: string): boolean {
  if (match.protocol !== protocol) return false;
  if (match.port === undefined) return true;
  if (typeof match.port === 'string') return portName !== undefined && match.port === portName;
  if (match.endPort !== undefined) return match.port <= port && port <= match.endPort;
  return match.port === port;
}

/** The peers of a rule that admit `peer` on the port: indexes, or ['any']. */
export function ruleAdmits(
  rule: PolicyRule,
  policyNamespace: string,
  peer: FlowPeer,
  port: number,
  portName: string | undefined,
  protocol: string,
): RuleMatch['peer'][] {
  if (rule.ports !== 'any' && !rule.ports.some((p) => portMatches(p, port, portName, protocol))) return [];
  if (rule.peers === 'any') return [undefined];
  const out: number[] = [];
  rule.peers.forEach((m, i) => {
    if (peerMatches(m, policyNamespace, peer)) out.push(i);
  });
  return out;
}

/** Each model's policies by the pod labels they require, built on first use. */
const policyIndexes = new WeakMap<PolicyModel, RequiredLabelsIndex<CompiledPolicy>>();

/** The policies that may select a peer (a superset, in the model's order): none for an address outside the cluster. */
export function policiesThatMaySelect(model: PolicyModel, peer: FlowPeer): readonly CompiledPolicy[] {
  if (peer.kind !== 'pod') return [];
  let index = policyIndexes.get(model);
  if (!index) {
    index = new RequiredLabelsIndex(model.policies, (p) => p.podSelector.matchLabels);
    policyIndexes.set(model, index);
  }
  return index.candidates(peer.podLabels);
}

function direction(model: PolicyModel, query: FlowQuery, dir: Direction): DirectionVerdict {
  const end = dir === 'ingress' ? query.destination : query.source;
  const other = dir === 'ingress' ? query.source : query.destination;
  const isolatedBy: PolicyRef[] = [];
  const allowedBy: RuleMatch[] = [];
  for (const policy of policiesThatMaySelect(model, end)) {
    const rules = policy[dir];
    if (!rules || !selectsPod(policy, end)) continue;
    isolatedBy.push(policy.ref);
    for (const rule of rules) {
      for (const peer of ruleAdmits(rule, policy.ref.namespace, other, query.port, query.portName, query.protocol)) {
        allowedBy.push({ policy: policy.ref, rule: rule.index, ...(peer !== undefined ? { peer } : {}) });
      }
    }
  }
  return { allowed: isolatedBy.length === 0 || allowedBy.length > 0, isolatedBy, allowedBy };
}

export function evaluateFlow(model: PolicyModel, query: FlowQuery): FlowVerdict {
  const egress = direction(model, query, 'egress');
  const ingress = direction(model, query, 'ingress');
  return { allowed: egress.allowed && ingress.allowed, egress, ingress };
}
