// The flow stage over one render: the policy model, the pods, every implied flow with its
// verdict, the workloads no policy isolates, and the policy rules that allow more than the
// implied flows need. Computed once per render and shared by the rules and the reports.
import type { Resource } from '../parse/resource.ts';
import { parseCidr } from './cidr.ts';
import { type Endpoint, endpointsOf, namespaceLabelsOf } from './endpoints.ts';
import { evaluateFlow, type FlowPeer, type FlowVerdict, policiesThatMaySelect, ruleAdmits, selectsPod } from './evaluate.ts';
import type { FlowOptions, PeerSpec } from './flow-options.ts';
import { endLabel, type FlowEnd, type ImpliedFlow, impliedFlows, type UnresolvedFlow } from './implied-flows.ts';
import { buildPolicyModel, type CompiledPolicy, type PolicyModel, type PolicyRule } from './policy-model.ts';
import { servicesOf } from './services.ts';

export interface EvaluatedFlow extends ImpliedFlow {
  readonly verdict: FlowVerdict;
}

/** A rule (or one of its peers) that admits connections no implied flow needs. */
export interface UnexplainedRule {
  readonly policy: CompiledPolicy;
  readonly rule: PolicyRule;
  /** Index in from/to; absent when the rule admits any peer. */
  readonly peer?: number;
  /** What it admits that nothing implies. */
  readonly admits: readonly string[];
  /** No implied flow goes through it at all. */
  readonly unused: boolean;
}

export interface FlowAnalysis {
  readonly model: PolicyModel;
  readonly endpoints: readonly Endpoint[];
  readonly flows: readonly EvaluatedFlow[];
  /** Workloads that accept connections and that no policy selects, when the render ships policies. */
  readonly unisolated: readonly Endpoint[];
  readonly unexplained: readonly UnexplainedRule[];
  /** Declared flows that name no workload of the render (or no address). */
  readonly unresolved: readonly UnresolvedFlow[];
}

/** Peers outside the render that no configuration names: what a rule must not admit without reason. */
const STRANGER_NAMESPACE = 'bvchart-unrelated';
const STRANGER_ADDRESS = '192.0.2.1'; // TEST-NET-1 (RFC 5737): an address outside the cluster

export function analyzeFlows(resources: readonly Resource[], options: FlowOptions, defaultNamespace = 'default'): FlowAnalysis {
  const model = buildPolicyModel(resources, defaultNamespace);
  const endpoints = endpointsOf(resources, defaultNamespace);
  const services = servicesOf(resources, endpoints, defaultNamespace);
  const namespaceLabels = new Map<string, ReturnType<typeof namespaceLabelsOf>>();
  const nsLabels = (ns: string) => {
    let labels = namespaceLabels.get(ns);
    if (!labels) {
      labels = namespaceLabelsOf(ns, resources, options.namespaceLabels);
      namespaceLabels.set(ns, labels);
    }
    return labels;
  };
  const peerOf = (end: FlowEnd): FlowPeer => {
    if (end.kind === 'external') return { kind: 'external', addresses: end.addresses };
    const spec: PeerSpec = end.kind === 'peer' ? end.spec : { namespace: end.endpoint.namespace, podLabels: end.endpoint.labels };
    return { kind: 'pod', namespace: spec.namespace, namespaceLabels: nsLabels(spec.namespace), podLabels: spec.podLabels };
  };
  const implied = impliedFlows(resources, endpoints, services, options, defaultNamespace);
  const flows: EvaluatedFlow[] = implied.flows.map((flow) => ({
    ...flow,
    verdict: evaluateFlow(model, {
      source: peerOf(flow.source),
      destination: peerOf(flow.destination),
      port: flow.port,
      ...(flow.portName ? { portName: flow.portName } : {}),
      protocol: flow.protocol,
    }),
  }));

  const backends = new Set(services.flatMap((s) => s.backends));
  const listening = (e: Endpoint) => e.ports.length > 0 || backends.has(e);
  const isolated = (e: Endpoint) => {
    const peer = peerOf({ kind: 'workload', endpoint: e });
    return policiesThatMaySelect(model, peer).some((p) => selectsPod(p, peer));
  };
  const unisolated = model.policies.length === 0 ? [] : endpoints.filter((e) => listening(e) && !isolated(e));
  // The rule peers some implied flow goes through, by policy (the same object the verdicts name).
  const peerKey = (direction: string, rule: number, peer: number | undefined) => `${direction} ${rule} ${peer ?? ''}`;
  const usedPeers = new Map<CompiledPolicy['ref'], Set<string>>();
  for (const f of flows) {
    for (const direction of ['ingress', 'egress'] as const) {
      for (const m of f.verdict[direction].allowedBy) {
        const keys = usedPeers.get(m.policy) ?? new Set<string>();
        keys.add(peerKey(direction, m.rule, m.peer));
        usedPeers.set(m.policy, keys);
      }
    }
  }

  const unexplained: UnexplainedRule[] = [];
  const outside = parseCidr(STRANGER_ADDRESS);
  for (const policy of model.policies) {
    const here = policy.ref.namespace;
    const strangers: { label: string; peer: FlowPeer }[] = [
      { label: `any pod in namespace ${here}`, peer: { kind: 'pod', namespace: here, namespaceLabels: nsLabels(here), podLabels: {} } },
      { label: 'any pod in any namespace', peer: { kind: 'pod', namespace: STRANGER_NAMESPACE, namespaceLabels: nsLabels(STRANGER_NAMESPACE), podLabels: {} } },
      ...(outside ? [{ label: 'any address outside the cluster', peer: { kind: 'external' as const, addresses: outside } }] : []),
    ];
    for (const rule of [...(policy.ingress ?? []), ...(policy.egress ?? [])]) {
      const probes =
        rule.ports === 'any'
          ? [{ port: 1, protocol: 'TCP', name: undefined as string | undefined, label: 'any port' }]
          : rule.ports.map((p) => ({
              port: typeof p.port === 'number' ? p.port : 1,
              protocol: p.protocol,
              name: typeof p.port === 'string' ? p.port : undefined,
              label: `${p.port ?? 'any port'}${p.endPort ? `-${p.endPort}` : ''}/${p.protocol}`,
            }));
      const peerIndexes: (number | undefined)[] = rule.peers === 'any' ? [undefined] : rule.peers.map((_, i) => i);
      for (const peer of peerIndexes) {
        const admits: string[] = [];
        for (const s of strangers) {
          const ports = probes.filter((p) => ruleAdmits(rule, here, s.peer, p.port, p.name, p.protocol).includes(peer));
          if (ports.length > 0) admits.push(`${s.label} on ${ports.map((p) => p.label).join(', ')}`);
        }
        const used = usedPeers.get(policy.ref)?.has(peerKey(rule.direction, rule.index, peer)) ?? false;
        if (admits.length > 0 || !used) unexplained.push({ policy, rule, ...(peer !== undefined ? { peer } : {}), admits, unused: !used });
      }
    }
  }
  return { model, endpoints, flows, unisolated, unexplained, unresolved: implied.unresolved };
}

export { endLabel };
