// The connections a render implies, each naming where it came from:
//   Ingress backends (from the ingress controller's namespace), ServiceMonitor and PodMonitor
//   endpoints (from the monitoring namespace), Services named by host name in a container's
//   env, args or command, a StatefulSet's peers on its headless Service, DNS to the cluster
//   DNS pods, and flows the user declares.

import { get } from '../../core/object-path.ts';
import type { Resource } from '../parse/resource.ts';
import { allContainers, type LabelSelector, podTemplateOf, selects } from '../policy/rendered-set.ts';
import { type Cidr, parseCidr } from './cidr.ts';
import type { Endpoint } from './endpoints.ts';
import type { DeclaredFlow, FlowOptions, PeerSpec } from './flow-options.ts';
import { hostReferences, resolveHost } from './host-names.ts';
import { LabelledIndex } from './label-index.ts';
import { type ServiceInfo, type ServicePort, targetOn } from './services.ts';

export type FlowEnd =
  | { readonly kind: 'workload'; readonly endpoint: Endpoint }
  | { readonly kind: 'peer'; readonly role: 'ingress controller' | 'monitoring' | 'dns'; readonly spec: PeerSpec }
  | { readonly kind: 'external'; readonly addresses: Cidr; readonly text: string };

export type FlowKind = 'ingress' | 'monitoring' | 'service' | 'peers' | 'dns' | 'declared';

export interface ImpliedFlow {
  readonly kind: FlowKind;
  readonly source: FlowEnd;
  readonly destination: FlowEnd;
  readonly port: number;
  /** The destination container port's name, when it has one. */
  readonly portName?: string;
  readonly protocol: string;
  /** The object the flow was derived from, and where in it. */
  readonly origin: { readonly resource?: Resource; readonly pointer?: string; readonly why: string };
  /** The Service and port it goes through, e.g. `web:8080`. */
  readonly via?: string;
}

export function endLabel(end: FlowEnd): string {
  switch (end.kind) {
    case 'workload':
      return end.endpoint.id;
    case 'peer':
      return `${end.role} (${end.spec.namespace})`;
    case 'external':
      return end.text;
  }
}

/** The port `prometheus.io/scrape: "true"` pod annotations point Prometheus at, per workload. */
function annotatedScrapePort(endpoint: Endpoint): number | undefined {
  const annotations = (get(endpoint.resource.object, `${endpoint.podPointer.slice(1).split('/').slice(0, -1).join('.')}.metadata.annotations`) ?? {}) as Record<
    string,
    string
  >;
  if (endpoint.resource.ref.kind === 'Pod') Object.assign(annotations, endpoint.resource.object.metadata?.annotations ?? {});
  const port = Number(annotations['prometheus.io/port']);
  return annotations['prometheus.io/scrape'] === 'true' && Number.isInteger(port) && port > 0 ? port : undefined;
}

/** Monitoring ports: Service ports a ServiceMonitor scrapes and container ports a PodMonitor or a scrape annotation names. */
function scrapedPorts(resources: readonly Resource[], endpoints: readonly Endpoint[]): { names: Set<string>; numbers: Set<number> } {
  const names = new Set<string>();
  const numbers = new Set<number>();
  for (const r of resources) {
    if (r.ref.kind === 'ServiceMonitor') for (const e of (get(r.object, 'spec.endpoints') ?? []) as { port?: string }[]) if (e.port) names.add(e.port);
    if (r.ref.kind === 'PodMonitor') for (const e of (get(r.object, 'spec.podMetricsEndpoints') ?? []) as { port?: string }[]) if (e.port) names.add(e.port);
  }
  for (const e of endpoints) {
    const port = annotatedScrapePort(e);
    if (port !== undefined) numbers.add(port);
  }
  return { names, numbers };
}

interface Context {
  readonly resources: readonly Resource[];
  readonly endpoints: readonly Endpoint[];
  readonly services: readonly ServiceInfo[];
  readonly options: FlowOptions;
  readonly scraped: { readonly names: Set<string>; readonly numbers: Set<number> };
  readonly unresolved: UnresolvedFlow[];
}

/** A declared flow the render cannot place. */
export interface UnresolvedFlow {
  readonly flow: DeclaredFlow;
  readonly reason: string;
}

function toService(
  source: FlowEnd,
  service: ServiceInfo,
  ports: readonly ServicePort[],
  kind: FlowKind,
  origin: ImpliedFlow['origin'],
  onlyBackend?: Endpoint,
): ImpliedFlow[] {
  const out: ImpliedFlow[] = [];
  for (const backend of service.backends) {
    if (onlyBackend && backend !== onlyBackend) continue;
    for (const sp of ports) {
      const target = targetOn(backend, sp);
      if (!target) continue;
      out.push({
        kind,
        source,
        destination: { kind: 'workload', endpoint: backend },
        port: target.port,
        ...(target.name ? { portName: target.name } : {}),
        protocol: target.protocol,
        origin,
        via: `${service.name}:${sp.port}`,
      });
    }
  }
  return out;
}

function ingressFlows(ctx: Context, defaultNamespace: string): ImpliedFlow[] {
  const out: ImpliedFlow[] = [];
  const source: FlowEnd = { kind: 'peer', role: 'ingress controller', spec: ctx.options.ingressController };
  for (const ingress of ctx.resources.filter((r) => r.ref.kind === 'Ingress')) {
    const namespace = ingress.ref.namespace ?? defaultNamespace;
    const backends: { service: { name?: string; port?: { number?: number; name?: string } }; pointer: string }[] = [];
    const def = get(ingress.object, 'spec.defaultBackend.service') as (typeof backends)[number]['service'] | undefined;
    if (def) backends.push({ service: def, pointer: '/spec/defaultBackend/service' });
    ((get(ingress.object, 'spec.rules') ?? []) as { http?: { paths?: { backend?: { service?: (typeof backends)[number]['service'] } }[] } }[]).forEach(
      (rule, i) =>
        (rule.http?.paths ?? []).forEach(
          (p, j) => p.backend?.service && backends.push({ service: p.backend.service, pointer: `/spec/rules/${i}/http/paths/${j}/backend/service` }),
        ),
    );
    for (const b of backends) {
      const service = ctx.services.find((s) => s.name === b.service.name && s.namespace === namespace);
      if (!service) continue;
      const ports = service.ports.filter((p) => (b.service.port?.name ? p.name === b.service.port.name : p.port === b.service.port?.number));
      out.push(
        ...toService(source, service, ports, 'ingress', { resource: ingress, pointer: b.pointer, why: `backend of ${ingress.ref.kind}/${ingress.ref.name}` }),
      );
    }
  }
  return out;
}

function monitoringFlows(ctx: Context, defaultNamespace: string): ImpliedFlow[] {
  const out: ImpliedFlow[] = [];
  const source: FlowEnd = { kind: 'peer', role: 'monitoring', spec: ctx.options.monitoring };
  const inNamespaces = (monitor: Resource, namespace: string) => {
    const sel = get(monitor.object, 'spec.namespaceSelector') as { any?: boolean; matchNames?: string[] } | undefined;
    if (sel?.any) return true;
    if (sel?.matchNames?.length) return sel.matchNames.includes(namespace);
    return namespace === (monitor.ref.namespace ?? defaultNamespace);
  };
  const servicesByLabels = new LabelledIndex(ctx.services, (s) => s.resource.object.metadata?.labels ?? {});
  const endpointsByLabels = new LabelledIndex(ctx.endpoints, (e) => e.labels);
  for (const sm of ctx.resources.filter((r) => r.ref.kind === 'ServiceMonitor')) {
    const selector = get(sm.object, 'spec.selector') as LabelSelector | undefined;
    const services = servicesByLabels
      .candidates(selector?.matchLabels)
      .filter((s) => inNamespaces(sm, s.namespace) && selects(selector, s.resource.object.metadata?.labels ?? {}));
    ((get(sm.object, 'spec.endpoints') ?? []) as { port?: string; targetPort?: number | string }[]).forEach((e, i) => {
      for (const service of services) {
        const ports = e.port
          ? service.ports.filter((p) => p.name === e.port)
          : service.ports.filter((_p) => e.targetPort !== undefined).map((p) => ({ ...p, targetPort: e.targetPort as number | string }));
        out.push(
          ...toService(source, service, ports.slice(0, 1), 'monitoring', {
            resource: sm,
            pointer: `/spec/endpoints/${i}`,
            why: `endpoint of ${sm.ref.kind}/${sm.ref.name}`,
          }),
        );
      }
    });
  }
  for (const endpoint of ctx.endpoints) {
    const port = annotatedScrapePort(endpoint);
    const declared = endpoint.ports.find((p) => p.port === port && p.protocol === 'TCP');
    if (port === undefined) continue;
    out.push({
      kind: 'monitoring',
      source,
      destination: { kind: 'workload', endpoint },
      port,
      ...(declared?.name ? { portName: declared.name } : {}),
      protocol: 'TCP',
      origin: {
        resource: endpoint.resource,
        pointer: endpoint.podPointer.replace(/\/spec$/, '/metadata/annotations'),
        why: `prometheus.io/scrape annotation of ${endpoint.id}`,
      },
    });
  }
  for (const pm of ctx.resources.filter((r) => r.ref.kind === 'PodMonitor')) {
    const selector = get(pm.object, 'spec.selector') as LabelSelector | undefined;
    const targets = endpointsByLabels.candidates(selector?.matchLabels).filter((e) => inNamespaces(pm, e.namespace) && selects(selector, e.labels));
    ((get(pm.object, 'spec.podMetricsEndpoints') ?? []) as { port?: string; portNumber?: number }[]).forEach((e, i) => {
      for (const target of targets) {
        const port = target.ports.find((p) => (e.port ? p.name === e.port : p.port === e.portNumber));
        if (!port) continue;
        out.push({
          kind: 'monitoring',
          source,
          destination: { kind: 'workload', endpoint: target },
          port: port.port,
          ...(port.name ? { portName: port.name } : {}),
          protocol: port.protocol,
          origin: { resource: pm, pointer: `/spec/podMetricsEndpoints/${i}`, why: `endpoint of ${pm.ref.kind}/${pm.ref.name}` },
        });
      }
    });
  }
  return out;
}

/** Service ports peers use: all but the ports Prometheus scrapes (the monitoring flows cover those). */
function clientPorts(ctx: Context, service: ServiceInfo): ServicePort[] {
  const scraped = (p: ServicePort) =>
    (p.name !== undefined && ctx.scraped.names.has(p.name)) ||
    service.backends.some((b) => {
      const target = targetOn(b, p);
      return target !== undefined && (ctx.scraped.numbers.has(target.port) || (target.name !== undefined && ctx.scraped.names.has(target.name)));
    });
  const ports = service.ports.filter((p) => !scraped(p));
  return ports.length > 0 ? ports : [...service.ports];
}

/**
 * The ports a host name reaches: its explicit (or scheme) port; without one, the Service's
 * first port, its primary one (as `kubectl port-forward svc/<name>` picks it).
 */
function referencedPorts(service: ServiceInfo, port: number | undefined): ServicePort[] {
  if (port !== undefined) return service.ports.filter((p) => p.port === port);
  return service.ports.slice(0, 1);
}

function serviceFlows(ctx: Context): ImpliedFlow[] {
  const out: ImpliedFlow[] = [];
  for (const endpoint of ctx.endpoints) {
    const template = podTemplateOf(endpoint.resource.object);
    if (!template) continue;
    const source: FlowEnd = { kind: 'workload', endpoint };
    const seen = new Set<string>();
    for (const { container, pointer } of allContainers(template)) {
      for (const ref of hostReferences(container)) {
        const service = resolveHost(ref.host, endpoint.namespace, ctx.options.clusterDomain, ctx.services);
        if (!service) continue;
        const ports = referencedPorts(service, ref.port);
        for (const flow of toService(source, service, ports, 'service', {
          resource: endpoint.resource,
          pointer: `${pointer}${ref.pointer}`,
          why: `${ref.where} of container ${container.name} names ${ref.host}`,
        })) {
          const key = `${flow.via}|${endLabel(flow.destination)}|${flow.port}/${flow.protocol}`;
          if (seen.has(key)) continue;
          seen.add(key);
          out.push(flow);
        }
      }
    }
  }
  return out;
}

function peerFlows(ctx: Context): ImpliedFlow[] {
  const out: ImpliedFlow[] = [];
  for (const endpoint of ctx.endpoints.filter((e) => e.resource.ref.kind === 'StatefulSet')) {
    const serviceName = get(endpoint.resource.object, 'spec.serviceName');
    const service = ctx.services.find((s) => s.name === serviceName && s.namespace === endpoint.namespace && s.backends.includes(endpoint));
    if (!service) continue;
    out.push(
      ...toService(
        { kind: 'workload', endpoint },
        service,
        clientPorts(ctx, service),
        'peers',
        { resource: endpoint.resource, pointer: '/spec/serviceName', why: `peers of ${endpoint.id} on Service ${service.name}` },
        endpoint,
      ),
    );
  }
  return out;
}

function dnsFlows(ctx: Context): ImpliedFlow[] {
  const destination: FlowEnd = { kind: 'peer', role: 'dns', spec: ctx.options.dns };
  return ctx.endpoints.flatMap((endpoint) =>
    ['UDP', 'TCP'].map((protocol) => ({
      kind: 'dns' as const,
      source: { kind: 'workload' as const, endpoint },
      destination,
      port: 53,
      protocol,
      origin: { resource: endpoint.resource, pointer: endpoint.podPointer, why: `name lookups of ${endpoint.id}` },
    })),
  );
}

function declaredFlows(ctx: Context): ImpliedFlow[] {
  const out: ImpliedFlow[] = [];
  for (const d of ctx.options.declared) {
    const from = ctx.endpoints.find((e) => e.id === d.from);
    if (!from) {
      ctx.unresolved.push({ flow: d, reason: `no workload ${d.from} in the render` });
      continue;
    }
    const source: FlowEnd = { kind: 'workload', endpoint: from };
    const origin = { resource: from.resource, pointer: from.podPointer, why: `declared flow ${d.from}->${d.to}:${d.port}/${d.protocol}` };
    const to = ctx.endpoints.find((e) => e.id === d.to);
    if (to) {
      const name = to.ports.find((p) => p.port === d.port && p.protocol === d.protocol)?.name;
      out.push({
        kind: 'declared',
        source,
        destination: { kind: 'workload', endpoint: to },
        port: d.port,
        ...(name ? { portName: name } : {}),
        protocol: d.protocol,
        origin,
      });
      continue;
    }
    const addresses = parseCidr(d.to);
    if (!addresses) ctx.unresolved.push({ flow: d, reason: `${d.to} is neither a workload in the render nor an address or CIDR block` });
    if (addresses) out.push({ kind: 'declared', source, destination: { kind: 'external', addresses, text: d.to }, port: d.port, protocol: d.protocol, origin });
  }
  return out;
}

export function impliedFlows(
  resources: readonly Resource[],
  endpoints: readonly Endpoint[],
  services: readonly ServiceInfo[],
  options: FlowOptions,
  defaultNamespace: string,
): { flows: ImpliedFlow[]; unresolved: UnresolvedFlow[] } {
  const ctx: Context = { resources, endpoints, services, options, scraped: scrapedPorts(resources, endpoints), unresolved: [] };
  const flows = [
    ...ingressFlows(ctx, defaultNamespace),
    ...monitoringFlows(ctx, defaultNamespace),
    ...serviceFlows(ctx),
    ...peerFlows(ctx),
    ...dnsFlows(ctx),
    ...declaredFlows(ctx),
  ];
  return { flows, unresolved: ctx.unresolved };
}
