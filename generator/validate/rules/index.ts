// The authoring rules, in the order their findings are reported. Each is a small object
// (id, roles, check); add a rule by adding a file and a line here.
import { camelCaseKeys } from './camel-case-keys.ts';
import { defaultMatchesSchema } from './default-matches-schema.ts';
import { envSettings } from './env-settings.ts';
import { knownKeywords } from './known-keywords.ts';
import { leafHasDefault } from './leaf-has-default.ts';
import { localRefsOnly } from './local-refs-only.ts';
import { noRequiredWithDefault } from './no-required-with-default.ts';
import { objectsClosed } from './objects-closed.ts';
import { propertyHasDescription } from './property-has-description.ts';
import { propertyHasType } from './property-has-type.ts';
import { rootAllowsGlobal } from './root-allows-global.ts';
import type { SchemaRule } from './rule.ts';

export const SCHEMA_RULES: readonly SchemaRule[] = [
  // What Helm's validators and editors can read at all.
  knownKeywords,
  localRefsOnly,
  // What the generator needs to build values.yaml, the README and the types.
  propertyHasType,
  propertyHasDescription,
  leafHasDefault,
  defaultMatchesSchema,
  // What makes the values contract useful to users.
  objectsClosed,
  noRequiredWithDefault,
  rootAllowsGlobal,
  camelCaseKeys,
  // What the generator wires for the templates.
  envSettings,
];

export type { SchemaRule } from './rule.ts';
