// What schema/CHANGELOG.yaml must hold: one entry per chart version, newest first, each with
// the changes Artifact Hub shows (artifacthub.io/changes). The entry for the version in
// schema/chart.yaml is required, so a version bump cannot ship without its notes.
export const CHANGE_KINDS = ['added', 'changed', 'deprecated', 'removed', 'fixed', 'security'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface ChartChange {
  readonly kind: ChangeKind;
  readonly description: string;
}

export interface ChangelogEntry {
  readonly version: string;
  readonly changes: readonly ChartChange[];
}

export const CHANGELOG_SCHEMA = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['version', 'changes'],
    properties: {
      version: { type: 'string', minLength: 1 },
      changes: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['kind', 'description'],
          properties: { kind: { enum: CHANGE_KINDS }, description: { type: 'string', minLength: 1 } },
        },
      },
    },
  },
} as const;
