// The pods a render creates, one endpoint per workload (its pod template), with their
// namespace, labels and container ports; and the labels of the namespaces they live in.
import type { Resource } from '../parse/resource.ts';
import { allContainers, podTemplateOf, WORKLOAD_KINDS } from '../policy/rendered-set.ts';
import type { Labels } from './label-selector.ts';

export interface ContainerPort {
  readonly name?: string;
  readonly port: number;
  readonly protocol: string;
}

export interface Endpoint {
  /** `Kind/name`. */
  readonly id: string;
  readonly namespace: string;
  readonly labels: Labels;
  readonly ports: readonly ContainerPort[];
  readonly resource: Resource;
  /** JSON Pointer of the pod spec. */
  readonly podPointer: string;
}

export function endpointsOf(resources: readonly Resource[], defaultNamespace: string): Endpoint[] {
  const out: Endpoint[] = [];
  for (const resource of resources) {
    if (!(WORKLOAD_KINDS as readonly string[]).includes(resource.ref.kind)) continue;
    const template = podTemplateOf(resource.object);
    if (!template) continue;
    const ports: ContainerPort[] = [];
    for (const { container } of allContainers(template)) {
      const declared = (container as { ports?: { name?: string; containerPort?: number; protocol?: string }[] }).ports ?? [];
      for (const p of declared) {
        if (typeof p.containerPort === 'number') ports.push({ ...(p.name ? { name: p.name } : {}), port: p.containerPort, protocol: p.protocol ?? 'TCP' });
      }
    }
    out.push({
      id: `${resource.ref.kind}/${resource.ref.name}`,
      namespace: resource.ref.namespace ?? defaultNamespace,
      labels: template.labels,
      ports,
      resource,
      podPointer: template.pointer,
    });
  }
  return out;
}

/** A namespace's labels: configured ones, a rendered Namespace's, and always `kubernetes.io/metadata.name`. */
export function namespaceLabelsOf(namespace: string, resources: readonly Resource[], configured: Readonly<Record<string, Labels>>): Labels {
  const rendered = resources.find((r) => r.ref.kind === 'Namespace' && r.ref.name === namespace)?.object.metadata?.labels ?? {};
  return { ...(configured[namespace] ?? {}), ...rendered, 'kubernetes.io/metadata.name': namespace };
}
