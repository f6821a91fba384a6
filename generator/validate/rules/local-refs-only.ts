// The published schema must be self-contained: Helm validates offline and editors should
// not fetch anything, so `$ref` may only point inside the document.

import { toPointer } from '../../../core/diagnostic.ts';
import type { SchemaRule } from './rule.ts';

/** $ref points inside the schema, never to a remote document. */
export const localRefsOnly: SchemaRule = {
  id: 'local-refs-only',
  roles: ['root', 'property', 'items', 'map-values', 'nested'],
  check: ({ node, path }) => {
    const ref = node.$ref;
    if (ref === undefined || (typeof ref === 'string' && ref.startsWith('#'))) return undefined;
    return { pointer: toPointer([...path, '$ref']), message: `$ref ${JSON.stringify(ref)} is not local (must start with "#")` };
  },
};
