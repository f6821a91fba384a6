// values.yaml is built from defaults: every value that is not an object of declared
// properties has one. An object's default is built from its properties, so it has none.

import { toPointer } from '../../../core/diagnostic.ts';
import { hasDeclaredProperties } from '../../schema/schema-node.ts';
import type { SchemaRule } from './rule.ts';

/** Every value has a default, and an object of declared properties takes its default from them. */
export const leafHasDefault: SchemaRule = {
  id: 'leaf-has-default',
  roles: ['property'],
  check: ({ node, path, inElement }) => {
    if (inElement) return undefined;
    const declared = hasDeclaredProperties(node);
    if (declared && 'default' in node) {
      return {
        pointer: toPointer([...path, 'default']),
        message: 'an object with declared properties takes its default from them; remove this "default"',
      };
    }
    if (!declared && !('default' in node)) return { message: 'has no "default"' };
    return undefined;
  },
};
