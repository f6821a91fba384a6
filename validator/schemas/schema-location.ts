// Schema locations the way kubeconform reads them: a folder in its layout, or a path/URL
// template using its variables. `default` is kubeconform's public catalogue.
import { KUBECONFORM_LAYOUT } from '../../toolchain/kubeconform-layout.ts';

export const DEFAULT_LOCATION = `https://raw.githubusercontent.com/yannh/kubernetes-json-schema/master/${KUBECONFORM_LAYOUT}`;

/** A location as kubeconform normalises it: folders get the standard layout appended. */
export function normalizeLocation(location: string): string {
  if (location === 'default') return DEFAULT_LOCATION;
  if (!location.endsWith('json')) return `${location.replace(/\/+$/, '')}/${KUBECONFORM_LAYOUT}`;
  return location;
}

export interface SchemaTemplateVariables {
  readonly NormalizedKubernetesVersion: string;
  readonly StrictSuffix: string;
  readonly ResourceKind: string;
  readonly ResourceAPIVersion: string;
  readonly Group: string;
  readonly KindSuffix: string;
}

/** The same variables kubeconform's registry computes (pkg/registry/registry.go). */
export function templateVariables(kind: string, apiVersion: string, kubernetesVersion: string, strict: boolean): SchemaTemplateVariables {
  const groupParts = apiVersion.split('/');
  const first = groupParts[0] ?? '';
  let kindSuffix = `-${(first.split('.')[0] ?? '').toLowerCase()}`;
  if (groupParts.length > 1) kindSuffix += `-${(groupParts[1] ?? '').toLowerCase()}`;
  return {
    NormalizedKubernetesVersion: kubernetesVersion === 'master' ? 'master' : `v${kubernetesVersion.replace(/^v/, '')}`,
    StrictSuffix: strict ? '-strict' : '',
    ResourceKind: kind.toLowerCase(),
    ResourceAPIVersion: groupParts[groupParts.length - 1] ?? '',
    Group: first,
    KindSuffix: kindSuffix,
  };
}

const VARIABLE = /\{\{-?\s*\.(\w+)\s*-?\}\}/g;

export function expandLocation(location: string, variables: SchemaTemplateVariables): string {
  return normalizeLocation(location).replace(VARIABLE, (_whole, name: string) => {
    const value = (variables as unknown as Record<string, string>)[name];
    if (value === undefined) throw new Error(`unknown variable {{ .${name} }} in schema location ${location}`);
    return value;
  });
}

/** Maps a full Kubernetes version (1.30.5, v1.30.5) to the .0 folder the catalogues use. */
export function normalizeKubernetesVersion(version: string): string {
  if (version === 'master') return version;
  const m = /^v?(\d+)\.(\d+)(?:\.\d+)?/.exec(version);
  if (!m) throw new Error(`not a Kubernetes version: ${version}`);
  return `${m[1]}.${m[2]}.0`;
}

/** Throws when a location uses a variable kubeconform does not know (checked before any work). */
export function checkLocation(location: string): void {
  expandLocation(location, templateVariables('Pod', 'v1', 'v1.0.0', true));
}

/** Whether a --kubernetes-version value is one: 1.33, 1.33.0, v1.33.0 or master. */
export function isKubernetesVersion(version: string): boolean {
  return version === 'master' || /^v?\d+\.\d+(\.\d+)?$/.test(version);
}
