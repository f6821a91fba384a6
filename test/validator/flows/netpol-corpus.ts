// A seeded generator of NetworkPolicy configurations (namespaces, pods, policies, traffic)
// for the differential test against Cyclonus. Every configuration is valid for the API
// server (Cyclonus panics on invalid ones), and each records the semantic points it uses so
// the test can show the corpus covers every one of them.

import { parseCidr } from '../../../validator/flows/cidr.ts';
import { selectsPod } from '../../../validator/flows/evaluate.ts';
import type { Labels, Selector, SelectorRequirement } from '../../../validator/flows/label-selector.ts';
import { compilePolicy, type RawNetworkPolicy } from '../../../validator/flows/policy-model.ts';
import type { OraclePeer, OracleTraffic } from '../../helpers/netpol-oracle.ts';

export type Feature =
  | 'podSelector matchLabels'
  | 'podSelector matchExpressions'
  | 'matchExpressions In'
  | 'matchExpressions NotIn'
  | 'matchExpressions Exists'
  | 'matchExpressions DoesNotExist'
  | 'empty podSelector (all pods)'
  | 'namespaceSelector'
  | 'namespaceSelector kubernetes.io/metadata.name'
  | 'namespaceSelector empty (all namespaces)'
  | 'namespaceSelector and podSelector combined'
  | 'ipBlock'
  | 'ipBlock except'
  | 'named port'
  | 'numeric port'
  | 'endPort range'
  | 'protocol UDP'
  | 'protocol SCTP'
  | 'protocol defaulted (TCP)'
  | 'port absent (all ports of protocol)'
  | 'rule without peers (any peer)'
  | 'rule without ports (any port)'
  | 'policyTypes defaulted'
  | 'policyTypes Ingress only with egress rules (ignored)'
  | 'policyTypes Egress'
  | 'deny-all (no rules)'
  | 'several policies on one pod (union)'
  | 'pod selected by no policy';

export interface CorpusCase {
  readonly seed: number;
  readonly policies: RawNetworkPolicy[];
  readonly traffic: OracleTraffic[];
  readonly features: ReadonlySet<Feature>;
}

/** mulberry32: small, seeded, deterministic. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMESPACES = ['alpha', 'beta', 'gamma'];
const POD_LABELS: Readonly<Record<string, readonly string[]>> = { app: ['web', 'db', 'cache'], tier: ['front', 'back'], role: ['x', 'y'] };
const NS_LABELS: Readonly<Record<string, readonly string[]>> = { team: ['a', 'b'], env: ['prod', 'dev'] };
const CONTAINER_PORTS = [
  { name: 'http', port: 80, protocol: 'TCP' },
  { name: 'dns', port: 53, protocol: 'UDP' },
  { name: 'metrics', port: 9090, protocol: 'TCP' },
  { name: 'sig', port: 7777, protocol: 'SCTP' },
  { name: '', port: 8080, protocol: 'TCP' },
] as const;
const EXTERNAL_IPS = ['10.1.2.3', '192.168.4.5', '8.8.8.8'];
const CIDRS = [
  { cidr: '10.0.0.0/8', except: ['10.1.0.0/16', '10.0.1.0/24'] },
  { cidr: '10.0.1.0/24', except: ['10.0.1.1/32'] },
  { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '192.168.0.0/16'] },
  { cidr: '192.168.0.0/16', except: ['192.168.4.0/24'] },
  { cidr: '8.8.8.8/32', except: [] },
];

export function generateCase(seed: number): CorpusCase {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const chance = (p: number) => r() < p;
  const features = new Set<Feature>();

  const labelsFrom = (pool: Readonly<Record<string, readonly string[]>>): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [k, vs] of Object.entries(pool)) if (chance(0.6)) out[k] = pick(vs);
    return out;
  };
  const nsLabels: Record<string, Labels> = Object.fromEntries(NAMESPACES.map((ns) => [ns, { ...labelsFrom(NS_LABELS), 'kubernetes.io/metadata.name': ns }]));
  const pods = Array.from({ length: 3 + Math.floor(r() * 3) }, (_, i) => {
    const namespace = pick(NAMESPACES);
    return {
      namespace,
      labels: labelsFrom(POD_LABELS),
      ip: `10.0.${NAMESPACES.indexOf(namespace)}.${i + 1}`,
      ports: CONTAINER_PORTS.filter(() => chance(0.5)),
    };
  });

  const selector = (pool: Readonly<Record<string, readonly string[]>>, kind: 'pod' | 'ns'): Selector => {
    const sel: { matchLabels?: Record<string, string>; matchExpressions?: SelectorRequirement[] } = {};
    if (kind === 'ns' && chance(0.3)) {
      features.add('namespaceSelector kubernetes.io/metadata.name');
      return { matchLabels: { 'kubernetes.io/metadata.name': pick(NAMESPACES) } };
    }
    if (chance(0.5)) {
      const ml = labelsFrom(pool);
      if (Object.keys(ml).length > 0) sel.matchLabels = ml;
    }
    if (chance(0.4)) {
      const key = pick(Object.keys(pool));
      const op = pick(['In', 'NotIn', 'Exists', 'DoesNotExist'] as const);
      features.add(`matchExpressions ${op}`);
      sel.matchExpressions = [
        op === 'In' || op === 'NotIn'
          ? { key, operator: op, values: (pool[key] ?? []).filter(() => chance(0.5)).concat(pick(pool[key] ?? [])) }
          : { key, operator: op },
      ];
    }
    if (kind === 'pod') {
      if (sel.matchLabels) features.add('podSelector matchLabels');
      if (sel.matchExpressions) features.add('podSelector matchExpressions');
    }
    return sel;
  };

  const peer = () => {
    const k = r();
    if (k < 0.2) {
      features.add('ipBlock');
      const block = pick(CIDRS);
      const except = block.except.filter(() => chance(0.6));
      if (except.length > 0) features.add('ipBlock except');
      return { ipBlock: { cidr: block.cidr, ...(except.length > 0 ? { except } : {}) } };
    }
    if (k < 0.5) return { podSelector: selector(POD_LABELS, 'pod') };
    if (k < 0.75) {
      features.add('namespaceSelector');
      const ns = chance(0.2) ? {} : selector(NS_LABELS, 'ns');
      if (Object.keys(ns).length === 0) features.add('namespaceSelector empty (all namespaces)');
      return { namespaceSelector: ns };
    }
    features.add('namespaceSelector');
    features.add('namespaceSelector and podSelector combined');
    return { namespaceSelector: selector(NS_LABELS, 'ns'), podSelector: selector(POD_LABELS, 'pod') };
  };

  const port = () => {
    const out: { protocol?: string; port?: number | string; endPort?: number } = {};
    const protocol = pick(['TCP', 'UDP', 'SCTP', undefined] as const);
    if (protocol) out.protocol = protocol;
    else features.add('protocol defaulted (TCP)');
    if (protocol === 'UDP') features.add('protocol UDP');
    if (protocol === 'SCTP') features.add('protocol SCTP');
    const k = r();
    if (k < 0.35) {
      out.port = pick(CONTAINER_PORTS.map((p) => p.name).filter(Boolean));
      features.add('named port');
    } else if (k < 0.7) {
      out.port = pick([53, 80, 8080, 9090, 7777, 443]);
      features.add('numeric port');
    } else if (k < 0.9) {
      out.port = pick([50, 80, 7000, 8000]);
      out.endPort = out.port + pick([0, 10, 100, 2000]);
      features.add('endPort range');
    } else features.add('port absent (all ports of protocol)');
    return out;
  };

  const rules = (field: 'from' | 'to') =>
    Array.from({ length: Math.floor(r() * 3) }, () => {
      const rule: Record<string, unknown> = {};
      if (chance(0.8)) rule[field] = Array.from({ length: 1 + Math.floor(r() * 2) }, peer);
      else features.add('rule without peers (any peer)');
      if (chance(0.7)) rule.ports = Array.from({ length: 1 + Math.floor(r() * 2) }, port);
      else features.add('rule without ports (any port)');
      return rule;
    });

  const policies: RawNetworkPolicy[] = Array.from({ length: 1 + Math.floor(r() * 3) }, (_, i) => {
    const podSelector = chance(0.25) ? {} : selector(POD_LABELS, 'pod');
    if (Object.keys(podSelector).length === 0) features.add('empty podSelector (all pods)');
    const ingress = chance(0.85) ? rules('from') : undefined;
    const egress = chance(0.6) ? rules('to') : undefined;
    const types = pick([undefined, ['Ingress'], ['Egress'], ['Ingress', 'Egress']]);
    if (!types) features.add('policyTypes defaulted');
    if (types?.includes('Egress')) features.add('policyTypes Egress');
    if (types && !types.includes('Egress') && (egress?.length ?? 0) > 0) features.add('policyTypes Ingress only with egress rules (ignored)');
    if ((ingress?.length ?? 0) === 0 && (egress?.length ?? 0) === 0) features.add('deny-all (no rules)');
    return {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: `p${i}`, namespace: pick(NAMESPACES) },
      spec: {
        podSelector,
        ...(types ? { policyTypes: types } : {}),
        ...(ingress ? { ingress } : {}),
        ...(egress ? { egress } : {}),
      },
    } as RawNetworkPolicy;
  });

  const internal = (p: (typeof pods)[number]): OraclePeer => ({
    ip: p.ip,
    internal: { namespace: p.namespace, namespaceLabels: nsLabels[p.namespace] ?? {}, podLabels: p.labels },
  });
  const traffic: OracleTraffic[] = [];
  const probes = (dst: (typeof pods)[number] | undefined) => [
    ...(dst?.ports ?? []).map((p) => ({ port: p.port, portName: p.name, protocol: p.protocol })),
    { port: 443, portName: '', protocol: 'TCP' },
    { port: 53, portName: '', protocol: 'UDP' },
  ];
  for (const src of pods) for (const dst of pods) for (const p of probes(dst)) traffic.push({ source: internal(src), destination: internal(dst), ...p });
  for (const ip of EXTERNAL_IPS) {
    for (const dst of pods) for (const p of probes(dst)) traffic.push({ source: { ip }, destination: internal(dst), ...p });
    for (const src of pods) for (const p of probes(undefined)) traffic.push({ source: internal(src), destination: { ip }, ...p });
  }
  const compiled = policies.map((p) => compilePolicy(p, 'default'));
  for (const pod of pods) {
    const peer = {
      kind: 'pod' as const,
      namespace: pod.namespace,
      namespaceLabels: nsLabels[pod.namespace] ?? {},
      podLabels: pod.labels,
      ip: parseCidr(pod.ip)!,
    };
    const selecting = compiled.filter((c) => selectsPod(c, peer)).length;
    if (selecting === 0) features.add('pod selected by no policy');
    if (selecting > 1) features.add('several policies on one pod (union)');
  }
  return { seed, policies, traffic, features };
}
