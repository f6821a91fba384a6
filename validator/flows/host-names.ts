// Host names a container names in its env values, args and command, resolved to the
// render's Services the way cluster DNS does: `<svc>`, `<svc>.<ns>`, `<svc>.<ns>.svc`,
// `<svc>.<ns>.svc.<clusterDomain>`, and `<pod>.<headless-svc>[.<ns>[.svc[.<clusterDomain>]]]`.
import type { ContainerSpec } from '../policy/rendered-set.ts';
import type { ServiceInfo } from './services.ts';

export interface HostReference {
  readonly host: string;
  /** An explicit `:port`, or the scheme's default port (http 80, https 443). */
  readonly port?: number;
  /** Where the name was found, e.g. `env SERVICE_URL` or `args[3]`. */
  readonly where: string;
  /** JSON Pointer inside the container. */
  readonly pointer: string;
}

const SCHEME_PORTS: Readonly<Record<string, number>> = { http: 80, https: 443, ws: 80, wss: 443 };
const HOST = /(?<![a-zA-Z0-9-])(?:([a-z][a-z0-9+.-]*):\/\/)?([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*)(?::(\d{1,5}))?/g;

export function hostsIn(text: string, where: string, pointer: string): HostReference[] {
  const out: HostReference[] = [];
  for (const m of text.matchAll(HOST)) {
    const scheme = m[1];
    const explicit = m[3] !== undefined ? Number(m[3]) : undefined;
    const port = explicit ?? (scheme ? SCHEME_PORTS[scheme] : undefined);
    out.push({ host: m[2] ?? '', ...(port !== undefined ? { port } : {}), where, pointer });
  }
  return out;
}

export function hostReferences(container: ContainerSpec & { args?: unknown; command?: unknown }): HostReference[] {
  const out: HostReference[] = [];
  (container.env ?? []).forEach((e, i) => {
    if (typeof e.value === 'string') out.push(...hostsIn(e.value, `env ${e.name}`, `/env/${i}/value`));
  });
  for (const key of ['command', 'args'] as const) {
    const list = container[key];
    if (Array.isArray(list)) list.forEach((v, i) => typeof v === 'string' && out.push(...hostsIn(v, `${key}[${i}]`, `/${key}/${i}`)));
  }
  return out;
}

/** Each render's Services by namespace and name (the first of a name wins, as a scan would find it). */
const servicesByName = new WeakMap<readonly ServiceInfo[], Map<string, ServiceInfo[]>>();

function servicesNamed(services: readonly ServiceInfo[], name: string, namespace: string): readonly ServiceInfo[] {
  let byName = servicesByName.get(services);
  if (!byName) {
    byName = new Map();
    for (const s of services) {
      const key = `${s.namespace}/${s.name}`;
      byName.set(key, [...(byName.get(key) ?? []), s]);
    }
    servicesByName.set(services, byName);
  }
  return byName.get(`${namespace}/${name}`) ?? [];
}

/** The Service a host name resolves to from `namespace`, or undefined. */
export function resolveHost(host: string, namespace: string, clusterDomain: string, services: readonly ServiceInfo[]): ServiceInfo | undefined {
  let labels = host.split('.');
  const domain = clusterDomain.split('.');
  const tail = ['svc', ...domain];
  if (labels.length > tail.length && tail.every((l, i) => labels[labels.length - tail.length + i] === l)) labels = labels.slice(0, -domain.length);
  const qualified = labels[labels.length - 1] === 'svc';
  if (qualified) labels = labels.slice(0, -1);
  const find = (name: string | undefined, ns: string | undefined, headlessOnly: boolean) =>
    name === undefined || ns === undefined ? undefined : servicesNamed(services, name, ns).find((s) => !headlessOnly || s.headless);
  switch (labels.length) {
    case 1:
      return qualified ? undefined : find(labels[0], namespace, false);
    case 2:
      // `<svc>.<ns>`, else `<pod>.<headless-svc>` in the caller's namespace.
      return find(labels[0], labels[1], false) ?? (qualified ? undefined : find(labels[1], namespace, true));
    case 3:
      return find(labels[1], labels[2], true);
    default:
      return undefined;
  }
}
