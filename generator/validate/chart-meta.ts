// What schema/chart.yaml must hold: the fields of a Helm v2 Chart.yaml we publish.
export interface ChartMaintainer {
  readonly name: string;
  readonly email?: string;
  readonly url?: string;
}

/** A CRD the chart's templates create objects of (listed as artifacthub.io/crds). */
export interface RequiredCrd {
  readonly kind: string;
  readonly version: string;
  /** The CRD's own name, `<plural>.<group>`. */
  readonly name: string;
  readonly displayName: string;
  readonly description: string;
}

/** The public key a release is signed with (artifacthub.io/signKey). */
export interface SignKey {
  readonly fingerprint: string;
  readonly url: string;
}

export interface ChartMetadata {
  readonly name: string;
  readonly version: string;
  readonly appVersion: string;
  readonly description: string;
  readonly kubeVersion: string;
  readonly type: 'application' | 'library';
  readonly home: string;
  readonly sources: readonly string[];
  readonly keywords: readonly string[];
  readonly maintainers: readonly ChartMaintainer[];
  /** Chart.yaml annotations (e.g. `bvchart.dev/rules`: the validator's rule sets for this chart). */
  readonly annotations?: Readonly<Record<string, string>>;
  /** SPDX identifier of the chart's licence. */
  readonly license: string;
  readonly signKey: SignKey;
  readonly requiredCrds: readonly RequiredCrd[];
}

export const CHART_META_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: [
    'name',
    'version',
    'appVersion',
    'description',
    'kubeVersion',
    'type',
    'home',
    'sources',
    'keywords',
    'maintainers',
    'license',
    'signKey',
    'requiredCrds',
  ],
  properties: {
    name: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', maxLength: 53 },
    version: { type: 'string', pattern: '^[0-9]+\\.[0-9]+\\.[0-9]+(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$' },
    appVersion: { type: 'string', minLength: 1 },
    description: { type: 'string', minLength: 1 },
    kubeVersion: { type: 'string', minLength: 1 },
    type: { enum: ['application', 'library'] },
    home: { type: 'string', format: 'uri' },
    sources: { type: 'array', items: { type: 'string', format: 'uri' } },
    keywords: { type: 'array', items: { type: 'string' } },
    annotations: { type: 'object', additionalProperties: { type: 'string' } },
    maintainers: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: { name: { type: 'string' }, email: { type: 'string', format: 'email' }, url: { type: 'string', format: 'uri' } },
      },
    },
    license: { type: 'string', pattern: '^[A-Za-z0-9.+-]+$' },
    signKey: {
      type: 'object',
      additionalProperties: false,
      required: ['fingerprint', 'url'],
      properties: { fingerprint: { type: 'string', pattern: '^[0-9A-F]{40}$' }, url: { type: 'string', format: 'uri' } },
    },
    requiredCrds: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['kind', 'version', 'name', 'displayName', 'description'],
        properties: {
          kind: { type: 'string', minLength: 1 },
          version: { type: 'string', minLength: 1 },
          name: { type: 'string', pattern: '^[a-z0-9-]+(\\.[a-z0-9-]+)+$' },
          displayName: { type: 'string', minLength: 1 },
          description: { type: 'string', minLength: 1 },
        },
      },
    },
  },
} as const;
