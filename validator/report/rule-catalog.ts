// Every id a finding can carry, with its description: the policy rules plus the stage codes.
import type { FindingSeverity } from '../finding.ts';
import { POLICY_RULES } from '../policy/rules/index.ts';

export interface RuleDescription {
  readonly id: string;
  readonly severity: FindingSeverity;
  readonly rationale: string;
  readonly remediation: string;
}

const STAGE_RULES: readonly RuleDescription[] = [
  {
    id: 'render-failed',
    severity: 'error',
    rationale: 'helm template failed for these values.',
    remediation: "Fix the values or the template; the message is Helm's.",
  },
  {
    id: 'schema/invalid',
    severity: 'error',
    rationale: 'The object does not match its Kubernetes (or CRD) JSON schema; the API server would refuse it.',
    remediation: 'Fix the field the message names.',
  },
  {
    id: 'schema/error',
    severity: 'error',
    rationale: "No schema could be found or compiled for the object's kind.",
    remediation: 'Add a schema location for the kind (e.g. its CRD) or pass --ignore-missing-schemas.',
  },
  { id: 'parse/syntax', severity: 'error', rationale: 'The YAML does not parse.', remediation: 'Fix the YAML at the position given.' },
  {
    id: 'parse/duplicate-key',
    severity: 'error',
    rationale: 'A mapping repeats a key; which value wins is undefined.',
    remediation: 'Remove the duplicate key.',
  },
  {
    id: 'parse/alias-limit',
    severity: 'error',
    rationale: 'Alias expansion beyond the limit (a billion-laughs document).',
    remediation: 'Remove the aliases.',
  },
  { id: 'parse/binary', severity: 'error', rationale: 'The input is binary data, not YAML.', remediation: 'Pass manifests.' },
  { id: 'parse/too-large', severity: 'error', rationale: 'A single document is larger than the limit.', remediation: 'Split the document.' },
  { id: 'parse/not-an-object', severity: 'error', rationale: 'A document is not a mapping.', remediation: 'Each document must be one Kubernetes object.' },
  { id: 'parse/missing-signature', severity: 'error', rationale: 'A document has no apiVersion or kind.', remediation: 'Set apiVersion and kind.' },
  {
    id: 'suppression-reason',
    severity: 'error',
    rationale: 'Every suppression says why.',
    remediation: 'Give the ignore-check annotation a reason as its value.',
  },
  {
    id: 'upgrade-immutable-field',
    severity: 'error',
    rationale: 'The change touches a field the API server refuses to update; helm upgrade fails.',
    remediation: 'Keep the field, or migrate (new object name, or delete with --cascade=orphan and recreate).',
  },
  {
    id: 'upgrade-data-loss',
    severity: 'error',
    rationale: 'The change deletes or orphans persistent data.',
    remediation: 'Keep Retain policies and the StorageClass; migrate data explicitly.',
  },
];

export function ruleCatalog(): RuleDescription[] {
  return [...POLICY_RULES.map(({ id, severity, rationale, remediation }) => ({ id, severity, rationale, remediation })), ...STAGE_RULES];
}
