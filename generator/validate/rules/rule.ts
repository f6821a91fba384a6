// The shape of an authoring rule: an id, the roles of subschema it applies to, and a check
// over one visit. What each rule asks is said in a sentence above its definition.
import type { SchemaRole, SchemaVisit } from '../../schema/schema-node.ts';

export interface RuleViolation {
  readonly message: string;
  /** Defaults to the visited subschema's pointer. */
  readonly pointer?: string;
}

export interface RuleContext {
  /** Validates `value` against `schema`; returns the reason it fails, or undefined. */
  readonly checkValue: (schema: unknown, value: unknown) => string | undefined;
}

export interface SchemaRule {
  readonly id: string;
  readonly roles: readonly SchemaRole[];
  readonly check: (visit: SchemaVisit, context: RuleContext) => RuleViolation | readonly RuleViolation[] | undefined;
}
