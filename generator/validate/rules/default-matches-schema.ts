// A default that its own schema rejects would make the chart's values.yaml invalid.

import { toPointer } from '../../../core/diagnostic.ts';
import type { SchemaRule } from './rule.ts';

/** Every default is valid against its own schema. */
export const defaultMatchesSchema: SchemaRule = {
  id: 'default-matches-schema',
  roles: ['property', 'items', 'map-values'],
  check: ({ node, path }, { checkValue }) => {
    // A schema with a $ref cannot be checked on its own; local-refs-only reports remote ones.
    if (!('default' in node) || '$ref' in node) return undefined;
    const problem = checkValue(node, node.default);
    return problem ? { pointer: toPointer([...path, 'default']), message: `default is invalid: ${problem}` } : undefined;
  },
};
