// Rules the API server enforces on the carried Kubernetes types that their OpenAPI schema
// does not state, added to the carried definitions so Helm, the validator and editors refuse
// such values at their key instead of the API server at install. Each one was found by
// `bvchart explore --local-control-plane` (oracle 4: the schema accepted, the API server
// refused) and names the API server's message. Patterns are RE2 and ECMAScript alike (Helm's
// validators are Go, Ajv is JavaScript). Pure data.
import type { SchemaObject } from '../schema/schema-node.ts';

export interface Tightening {
  /** The carried definition, e.g. `io.k8s.api.core.v1.SecurityContext`. */
  readonly definition: string;
  /** The property of that definition the keywords are added to; absent: the definition itself. */
  readonly property?: string;
  /** JSON Schema keywords merged into the property's schema. */
  readonly keywords: SchemaObject;
  /** What the API server says, and why the chart's pods are concerned. */
  readonly why: string;
}

const UID_RANGE = { minimum: 0, maximum: 2147483647 };

/** `values` as the operator needs it (the API server's selector validation). */
const operatorValues = (withValues: readonly string[], withoutValues: readonly string[], oneInteger: readonly string[] = []) => ({
  allOf: [
    { if: { required: ['operator'], properties: { operator: { enum: withValues } } }, then: { required: ['values'], properties: { values: { minItems: 1 } } } },
    { if: { required: ['operator'], properties: { operator: { enum: withoutValues } } }, then: { properties: { values: { maxItems: 0 } } } },
    ...(oneInteger.length > 0
      ? [
          {
            if: { required: ['operator'], properties: { operator: { enum: oneInteger } } },
            then: { required: ['values'], properties: { values: { minItems: 1, maxItems: 1, items: { pattern: '^-?[0-9]+$' } } } },
          },
        ]
      : []),
  ],
});

export const TIGHTENINGS: readonly Tightening[] = [
  {
    definition: 'io.k8s.api.core.v1.SecurityContext',
    property: 'procMount',
    keywords: { enum: ['Default'] },
    why: 'procMount: supported values "Default", "Unmasked"; and `hostUsers` must be false to use Unmasked, which the chart never sets',
  },
  {
    definition: 'io.k8s.api.core.v1.SecurityContext',
    keywords: {
      not: { required: ['privileged', 'allowPrivilegeEscalation'], properties: { privileged: { const: true }, allowPrivilegeEscalation: { const: false } } },
    },
    why: 'cannot set `allowPrivilegeEscalation` to false and `privileged` to true',
  },
  {
    definition: 'io.k8s.api.core.v1.SecurityContext',
    property: 'runAsUser',
    keywords: UID_RANGE,
    why: 'runAsUser: must be between 0 and 2147483647, inclusive',
  },
  {
    definition: 'io.k8s.api.core.v1.SecurityContext',
    property: 'runAsGroup',
    keywords: UID_RANGE,
    why: 'runAsGroup: must be between 0 and 2147483647, inclusive',
  },
  {
    definition: 'io.k8s.api.core.v1.SeccompProfile',
    property: 'type',
    keywords: { enum: ['Localhost', 'RuntimeDefault', 'Unconfined'] },
    why: 'seccompProfile.type: supported values: "Localhost", "RuntimeDefault", "Unconfined"',
  },
  {
    definition: 'io.k8s.api.core.v1.SeccompProfile',
    keywords: { if: { required: ['type'], properties: { type: { const: 'Localhost' } } }, then: { required: ['localhostProfile'] } },
    why: 'localhostProfile: Required value: must be set when seccomp type is Localhost',
  },
  {
    definition: 'io.k8s.api.core.v1.WindowsSecurityContextOptions',
    keywords: { maxProperties: 0 },
    why: 'the chart runs Linux images: Windows options do not apply (and hostProcess needs hostNetwork, user and GMSA names have rules of their own the API server checks)',
  },
  {
    definition: 'io.k8s.api.core.v1.NodeSelector',
    property: 'nodeSelectorTerms',
    keywords: { minItems: 1 },
    why: 'nodeSelectorTerms: Required value: must have at least one node selector term',
  },
  {
    definition: 'io.k8s.api.core.v1.NodeSelectorRequirement',
    property: 'operator',
    keywords: { enum: ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'] },
    why: 'operator: not a valid selector operator',
  },
  {
    definition: 'io.k8s.api.core.v1.NodeSelectorRequirement',
    keywords: operatorValues(['In', 'NotIn'], ['Exists', 'DoesNotExist'], ['Gt', 'Lt']),
    why: 'values: must be specified when operator is In or NotIn; must be empty for Exists and DoesNotExist; one integer for Gt and Lt',
  },
  {
    definition: 'io.k8s.api.core.v1.NodeSelectorTerm',
    property: 'matchFields',
    keywords: {
      items: {
        allOf: [
          { $ref: '#/definitions/io.k8s.api.core.v1.NodeSelectorRequirement' },
          { properties: { key: { enum: ['metadata.name'] }, operator: { enum: ['In', 'NotIn'] } } },
        ],
      },
    },
    why: 'matchFields: not a valid field selector key (only metadata.name, with In or NotIn)',
  },
  {
    definition: 'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement',
    property: 'operator',
    keywords: { enum: ['In', 'NotIn', 'Exists', 'DoesNotExist'] },
    why: 'operator: not a valid label selector operator',
  },
  {
    definition: 'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement',
    keywords: operatorValues(['In', 'NotIn'], ['Exists', 'DoesNotExist']),
    why: 'values: must be specified when operator is In or NotIn; may not be specified when operator is Exists or DoesNotExist',
  },
];

/** The carried definitions with the tightenings applied to those present (a copy). */
export function tighten(definitions: Readonly<Record<string, SchemaObject>>, tightenings: readonly Tightening[] = TIGHTENINGS): Record<string, SchemaObject> {
  const out: Record<string, SchemaObject> = structuredClone({ ...definitions });
  for (const t of tightenings) {
    const definition = out[t.definition];
    if (!definition) continue;
    if (t.property === undefined) {
      out[t.definition] = { ...definition, ...t.keywords };
      continue;
    }
    const properties = definition.properties as Record<string, SchemaObject> | undefined;
    const target = properties?.[t.property];
    if (!properties || !target) continue;
    properties[t.property] = { ...target, ...t.keywords };
  }
  return out;
}
