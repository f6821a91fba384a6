// Descriptions become the comments of values.yaml, the README table and editor hovers.
import type { SchemaRule } from './rule.ts';

/** Every property has a description. */
export const propertyHasDescription: SchemaRule = {
  id: 'property-has-description',
  roles: ['root', 'property'],
  check: ({ node }) =>
    typeof node.description === 'string' && node.description.trim() !== ''
      ? undefined
      : { message: 'has no "description" (it becomes the values.yaml comment and the editor hover)' },
};
