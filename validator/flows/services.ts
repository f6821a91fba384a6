// Services of a render and where their ports lead: the pods a Service selects and, on each,
// the container port its targetPort names (a number, or a container port's name).

import { get } from '../../core/object-path.ts';
import type { Resource } from '../parse/resource.ts';
import { type Labels, serviceSelects } from '../policy/rendered-set.ts';
import type { ContainerPort, Endpoint } from './endpoints.ts';
import { LabelledIndex } from './label-index.ts';

export interface ServicePort {
  readonly name?: string;
  readonly port: number;
  readonly targetPort?: number | string;
  readonly protocol: string;
}

export interface ServiceInfo {
  readonly name: string;
  readonly namespace: string;
  readonly headless: boolean;
  readonly ports: readonly ServicePort[];
  readonly backends: readonly Endpoint[];
  readonly resource: Resource;
}

export function servicesOf(resources: readonly Resource[], endpoints: readonly Endpoint[], defaultNamespace: string): ServiceInfo[] {
  const byLabels = new LabelledIndex(endpoints, (e) => e.labels);
  return resources
    .filter((r) => r.ref.kind === 'Service')
    .map((r) => {
      const namespace = r.ref.namespace ?? defaultNamespace;
      const selector = get(r.object, 'spec.selector') as Labels | undefined;
      const ports = ((get(r.object, 'spec.ports') ?? []) as { name?: string; port?: number; targetPort?: number | string; protocol?: string }[])
        .filter((p) => typeof p.port === 'number')
        .map((p) => ({
          ...(p.name ? { name: p.name } : {}),
          port: p.port as number,
          ...(p.targetPort !== undefined ? { targetPort: p.targetPort } : {}),
          protocol: p.protocol ?? 'TCP',
        }));
      return {
        name: r.ref.name,
        namespace,
        headless: get(r.object, 'spec.clusterIP') === 'None',
        ports,
        backends: byLabels.candidates(selector).filter((e) => e.namespace === namespace && serviceSelects(selector, e.labels)),
        resource: r,
      };
    });
}

/** The container port a Service port reaches on one backend, or undefined when it names none. */
export function targetOn(backend: Endpoint, servicePort: ServicePort): ContainerPort | undefined {
  const target = servicePort.targetPort ?? servicePort.port;
  if (typeof target === 'string' && !/^\d+$/.test(target)) {
    return backend.ports.find((p) => p.name === target && p.protocol === servicePort.protocol);
  }
  const number = Number(target);
  return backend.ports.find((p) => p.port === number && p.protocol === servicePort.protocol) ?? { port: number, protocol: servicePort.protocol };
}
