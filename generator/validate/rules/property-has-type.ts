// Types drive values.yaml, the README table and the TypeScript types: each value declares one.
import { typesOf } from '../../schema/schema-node.ts';
import type { SchemaRule } from './rule.ts';

/** Every property declares its type. */
export const propertyHasType: SchemaRule = {
  id: 'property-has-type',
  roles: ['root', 'property', 'items', 'map-values'],
  check: ({ node }) => (typesOf(node).length > 0 || node.$ref !== undefined ? undefined : { message: 'has no "type"' }),
};
