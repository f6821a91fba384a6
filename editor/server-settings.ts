// The server's settings, from the client's `initializationOptions` (all optional): which
// chart, one Kubernetes version and one Helm major (quick), where the Kubernetes schemas
// are, extra API versions the render declares, a bvchart config file, and the debounce.
import path from 'node:path';
import { isObject } from '../core/is-object.ts';
import type { HelmMajor } from '../toolchain/helm.ts';
import { NEWEST_KUBE_VERSION } from '../toolchain/kube-versions.ts';

export interface ServerSettings {
  /** The workspace root (rootUri, else the first workspace folder), if the client gave one. */
  readonly root?: string;
  readonly chart?: string;
  readonly kubernetesVersion: string;
  readonly helmMajor: HelmMajor;
  readonly schemaLocations: readonly string[];
  readonly apiVersions: readonly string[];
  readonly config?: string;
  /** Quiet time after an edit before the buffer is validated. */
  readonly debounceMs: number;
}

export const DEFAULT_DEBOUNCE_MS = 400;

const strings = (v: unknown): string[] | undefined => (Array.isArray(v) && v.every((s) => typeof s === 'string') ? v : undefined);
const string = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** A location that is a folder path is resolved against the workspace root; `default` and URL templates are kept. */
function schemaLocation(location: string, root: string | undefined): string {
  if (location === 'default' || /^[a-z]+:\/\//.test(location) || location.includes('{{')) return location;
  return path.resolve(root ?? process.cwd(), location);
}

export function serverSettings(initializationOptions: unknown, root: string | undefined): ServerSettings {
  const o = isObject(initializationOptions) ? initializationOptions : {};
  const resolve = (p: string) => path.resolve(root ?? process.cwd(), p);
  const chart = string(o.chart);
  const config = string(o.config);
  return {
    ...(root ? { root } : {}),
    ...(chart ? { chart: resolve(chart) } : {}),
    kubernetesVersion: string(o.kubernetesVersion) ?? NEWEST_KUBE_VERSION,
    helmMajor: o.helm === 3 || o.helm === '3' ? 3 : 4,
    schemaLocations: (strings(o.schemaLocations) ?? ['default']).map((l) => schemaLocation(l, root)),
    apiVersions: strings(o.apiVersions) ?? [],
    ...(config ? { config: resolve(config) } : {}),
    debounceMs: typeof o.debounceMs === 'number' && o.debounceMs >= 0 ? o.debounceMs : DEFAULT_DEBOUNCE_MS,
  };
}
