// A key with a default is never missing from the merged values, and requiring it would
// make every partial override file fail in editors.

import { toPointer } from '../../../core/diagnostic.ts';
import { isSchemaObject, propertiesOf } from '../../schema/schema-node.ts';
import type { RuleViolation, SchemaRule } from './rule.ts';

/** A key with a default is not required. */
export const noRequiredWithDefault: SchemaRule = {
  id: 'no-required-with-default',
  roles: ['root', 'property', 'items', 'map-values'],
  check: ({ node, path }) => {
    if (!Array.isArray(node.required)) return undefined;
    const props = new Map(propertiesOf(node));
    const out: RuleViolation[] = [];
    node.required.forEach((key, i) => {
      const prop = typeof key === 'string' ? props.get(key) : undefined;
      if (prop && isSchemaObject(prop) && ('default' in prop || propertiesOf(prop).length > 0)) {
        out.push({ pointer: toPointer([...path, 'required', i]), message: `"${key}" has a default; do not require it` });
      }
    });
    return out;
  },
};
