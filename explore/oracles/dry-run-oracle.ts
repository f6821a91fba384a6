// Oracle 4: the API server accepts every object of a render, created with server-side
// dry-run (`dryRun=All`, strict field validation): nothing is stored. Kinds are mapped to
// their REST resources through the server's discovery. Schema-rejected cases are not sent.
//
// Namespaces: on the local control plane the case's namespace is created (the cluster is
// thrown away after the run); on a user's cluster nothing is created: the Namespace object
// itself is dry-run (its name is checked) and namespaced objects are sent to an existing
// namespace (`targetNamespace`).
import { type KubeClient, KubeError } from '../../toolchain/control-plane/kube-client.ts';
import type { Resource } from '../../validator/parse/resource.ts';
import type { Disagreement } from './oracle.ts';

interface ApiResource {
  readonly name: string;
  readonly kind: string;
  readonly namespaced: boolean;
}

interface Status {
  readonly reason?: string;
  readonly message?: string;
  readonly details?: { readonly causes?: readonly { readonly field?: string; readonly message?: string; readonly reason?: string }[] };
}

export interface DryRunOptions {
  readonly client: KubeClient;
  /** Create each case's namespace for real (the local control plane only). */
  readonly createNamespaces: boolean;
  /** Where namespaced objects go when namespaces are not created. */
  readonly targetNamespace: string;
}

export class DryRunOracle {
  private readonly discovery = new Map<string, Promise<readonly ApiResource[]>>();
  private readonly namespaces = new Set<string>();
  /** Kinds the server does not serve (skipped, listed in the summary). */
  readonly unserved = new Set<string>();

  constructor(private readonly options: DryRunOptions) {}

  private resources(apiVersion: string): Promise<readonly ApiResource[]> {
    let found = this.discovery.get(apiVersion);
    if (!found) {
      const path = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
      found = this.options.client
        .request<{ resources?: ApiResource[] }>('GET', path)
        .then((r) => (r.resources ?? []).filter((x) => !x.name.includes('/')))
        .catch((error: unknown) => {
          if (error instanceof KubeError && error.status === 404) return [];
          throw error;
        });
      this.discovery.set(apiVersion, found);
    }
    return found;
  }

  private async ensureNamespace(name: string): Promise<void> {
    if (this.namespaces.has(name)) return;
    try {
      await this.options.client.create('/api/v1/namespaces', {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name, labels: { 'app.kubernetes.io/managed-by': 'bvchart-explore' } },
      });
    } catch (error) {
      if (!(error instanceof KubeError && error.status === 409)) throw error;
    }
    this.namespaces.add(name);
  }

  private static rejection(resource: Resource, error: KubeError): Disagreement {
    let status: Status = {};
    try {
      status = JSON.parse(error.body) as Status;
    } catch {
      status = { message: error.body };
    }
    const causes = status.details?.causes ?? [];
    const fields = causes
      .map((c) => c.field ?? '')
      .filter(Boolean)
      .map((f) => f.replace(/\[\d+\]/g, '[]'));
    const ref = resource.ref;
    return {
      oracle: 'dry-run',
      message: `${ref.kind}/${ref.name}: ${status.message ?? `HTTP ${error.status}`}`,
      signature: ['dry-run', ref.kind, status.reason ?? String(error.status), [...new Set(fields)].sort().join(',')].join('|'),
      resource: ref,
    };
  }

  /** Sends every object of a render; returns the server's refusals. */
  async judge(resources: readonly Resource[], namespace: string): Promise<Disagreement[]> {
    const out: Disagreement[] = [];
    const target = this.options.createNamespaces ? namespace : this.options.targetNamespace;
    if (this.options.createNamespaces) await this.ensureNamespace(namespace);
    else {
      // The case's namespace name is still checked, by dry-running its creation.
      const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } };
      try {
        await this.options.client.create('/api/v1/namespaces?dryRun=All', ns);
      } catch (error) {
        if (error instanceof KubeError && error.status !== 409)
          out.push({ ...DryRunOracle.rejection({ ref: { apiVersion: 'v1', kind: 'Namespace', name: namespace } } as Resource, error) });
        else if (!(error instanceof KubeError)) throw error;
      }
    }
    for (const resource of resources) {
      const { apiVersion, kind } = resource.ref;
      const api = (await this.resources(apiVersion)).find((r) => r.kind === kind);
      if (!api) {
        this.unserved.add(`${kind} (${apiVersion})`);
        continue;
      }
      const base = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
      const object = structuredClone(resource.object) as { metadata?: { namespace?: string } };
      if (api.namespaced) object.metadata = { ...(object.metadata ?? {}), namespace: target };
      const path = api.namespaced ? `${base}/namespaces/${encodeURIComponent(target)}/${api.name}` : `${base}/${api.name}`;
      try {
        await this.options.client.create(`${path}?dryRun=All&fieldValidation=Strict`, object);
      } catch (error) {
        if (!(error instanceof KubeError)) throw error;
        if (error.status === 409) continue; // exists already (a cluster-wide object of another release)
        if (error.status === 401 || (error.status === 403 && /cannot (create|get|list)/.test(error.body))) {
          throw new Error(`the API server refused explore's credentials (HTTP ${error.status}): ${error.body.slice(0, 200)}`);
        }
        // A pod's ServiceAccount comes with the same render, which a dry-run does not store.
        if (error.status === 403 && /error looking up service account/.test(error.body)) continue;
        out.push(DryRunOracle.rejection(resource, error));
      }
    }
    return out;
  }
}
