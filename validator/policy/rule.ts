// A policy rule is a small definition object: a stable id, a severity, a one-line
// rationale citing the requirement, a remediation, the kinds it reads, and a check over one
// object or over the whole rendered set. Rules are listed in validator/policy/rules/index.ts.
import type { FindingSeverity } from '../finding.ts';
import type { Resource } from '../parse/resource.ts';
import type { RenderedSet } from './rendered-set.ts';

export interface Violation {
  readonly message: string;
  /** JSON Pointer inside the object. */
  readonly pointer?: string;
  /** For set rules: the object the violation is reported on. */
  readonly resource?: Resource;
}

interface RuleBase {
  readonly id: string;
  readonly severity: FindingSeverity;
  /** One line: why, with the requirement id (R1–R15) where the brief asks for it. */
  readonly rationale: string;
  readonly remediation: string;
  readonly kinds: readonly string[];
}

export interface ObjectRule extends RuleBase {
  readonly scope: 'object';
  readonly check: (resource: Resource, set: RenderedSet) => readonly Violation[];
}

export interface SetRule extends RuleBase {
  readonly scope: 'set';
  readonly check: (set: RenderedSet) => readonly Violation[];
}

export type PolicyRule = ObjectRule | SetRule;
