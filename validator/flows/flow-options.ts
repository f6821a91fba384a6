// What the flow stage needs to know about the cluster around the render: where the ingress
// controller, Prometheus and the cluster DNS run, the namespaces' labels, the cluster
// domain, and flows the user declares (`--flow`, the config file's `flows.declared`).
import type { Labels } from './label-selector.ts';

/** Pods outside the render, known by their namespace and labels. */
export interface PeerSpec {
  readonly namespace: string;
  readonly podLabels: Labels;
}

export interface DeclaredFlow {
  /** `Kind/name` of a workload in the render. */
  readonly from: string;
  /** `Kind/name` of a workload, an address or a CIDR block outside the cluster. */
  readonly to: string;
  readonly port: number;
  readonly protocol: string;
}

export interface FlowOptions {
  readonly ingressController: PeerSpec;
  readonly monitoring: PeerSpec;
  readonly dns: PeerSpec;
  /** Labels of namespaces (besides `kubernetes.io/metadata.name`, which every namespace has). */
  readonly namespaceLabels: Readonly<Record<string, Labels>>;
  readonly clusterDomain: string;
  readonly declared: readonly DeclaredFlow[];
}

export const DEFAULT_FLOW_OPTIONS: FlowOptions = {
  ingressController: { namespace: 'ingress-nginx', podLabels: {} },
  monitoring: { namespace: 'monitoring', podLabels: {} },
  dns: { namespace: 'kube-system', podLabels: { 'k8s-app': 'kube-dns' } },
  namespaceLabels: {},
  clusterDomain: 'cluster.local',
  declared: [],
};

export class FlowSpecError extends Error {}

/** `StatefulSet/app->10.0.0.0/8:5432/TCP` (protocol TCP when left out; spaces allowed around `->`). */
export function parseFlowSpec(text: string): DeclaredFlow {
  const m = /^\s*([A-Za-z]+\/[a-z0-9.-]+)\s*->\s*(.+?):(\d{1,5})(?:\/(TCP|UDP|SCTP))?\s*$/.exec(text);
  if (!m) throw new FlowSpecError(`--flow ${JSON.stringify(text)}: expected <Kind>/<name>-><Kind>/<name>|<address>|<cidr>:<port>[/TCP|UDP|SCTP]`);
  const port = Number(m[3]);
  if (port < 1 || port > 65535) throw new FlowSpecError(`--flow ${JSON.stringify(text)}: port ${port} is outside 1-65535`);
  return { from: m[1] ?? '', to: (m[2] ?? '').trim(), port, protocol: m[4] ?? 'TCP' };
}
