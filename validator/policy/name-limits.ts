// Kubernetes' limits on object names and label values, per kind, in one table. Most names
// are DNS-1123 subdomains (253); some are used where a shorter form is needed: a Service
// name is a DNS-1035 label (it becomes a DNS name and environment variable prefix), a
// CronJob's Jobs append an 11-character suffix, a Job's name becomes its pods' `job-name`
// label, and a StatefulSet's name starts its pods' host names (`<name>-<ordinal>`, DNS
// labels) and their `controller-revision-hash` label (`<name>-<10-character hash>`).

export type NameFormat = 'dns1123-subdomain' | 'dns1123-label' | 'dns1035-label' | 'path-segment';

export interface NameLimit {
  readonly format: NameFormat;
  readonly max: number;
  readonly why: string;
}

const SUBDOMAIN: NameLimit = { format: 'dns1123-subdomain', max: 253, why: 'a DNS-1123 subdomain' };
const PATH_SEGMENT: NameLimit = { format: 'path-segment', max: 253, why: 'a path segment' };

export const NAME_LIMITS: Readonly<Record<string, NameLimit>> = {
  Service: { format: 'dns1035-label', max: 63, why: 'a DNS-1035 label (it becomes a DNS name)' },
  Namespace: { format: 'dns1123-label', max: 63, why: 'a DNS-1123 label' },
  CronJob: { format: 'dns1123-subdomain', max: 52, why: 'at most 52 characters: each Job it creates appends an 11-character suffix' },
  Job: { format: 'dns1123-subdomain', max: 63, why: "at most 63 characters: it is the value of its pods' job-name label" },
  StatefulSet: {
    format: 'dns1123-label',
    max: 52,
    why: 'a DNS label of at most 52 characters: its pods carry controller-revision-hash=<name>-<10-character hash> and host names <name>-<ordinal>',
  },
  Role: PATH_SEGMENT,
  ClusterRole: PATH_SEGMENT,
  RoleBinding: PATH_SEGMENT,
  ClusterRoleBinding: PATH_SEGMENT,
};

export function nameLimitOf(kind: string): NameLimit {
  return NAME_LIMITS[kind] ?? SUBDOMAIN;
}

const PATTERNS: Readonly<Record<NameFormat, RegExp>> = {
  'dns1123-subdomain': /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/,
  'dns1123-label': /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/,
  'dns1035-label': /^[a-z]([-a-z0-9]*[a-z0-9])?$/,
  'path-segment': /^(?!\.\.?$)[^/%]+$/,
};

/** Why `name` is not a valid name for `kind`, or undefined. */
export function nameProblem(kind: string, name: string): string | undefined {
  const limit = nameLimitOf(kind);
  if (name.length > limit.max) return `${kind} name ${name} has ${name.length} characters; it must be ${limit.why} (at most ${limit.max})`;
  if (!PATTERNS[limit.format].test(name)) return `${kind} name ${name} is not ${limit.why}`;
  return undefined;
}

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

/** Why a label is invalid (value at most 63 characters; key `[prefix/]name`, name at most 63), or undefined. */
export function labelProblem(key: string, value: string): string | undefined {
  if (value.length > 63) return `label ${key} has a value of ${value.length} characters (at most 63)`;
  if (!LABEL_VALUE.test(value)) return `label ${key} has the invalid value ${JSON.stringify(value)}`;
  const slash = key.lastIndexOf('/');
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  if (name.length > 63 || !LABEL_NAME.test(name)) return `label key ${key}: the name part must be at most 63 characters of [A-Za-z0-9-_.]`;
  if (prefix !== undefined && (prefix.length > 253 || !PATTERNS['dns1123-subdomain'].test(prefix)))
    return `label key ${key}: the prefix must be a DNS-1123 subdomain`;
  return undefined;
}
