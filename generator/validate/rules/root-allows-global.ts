// As a subchart, the chart receives its parent's `global` values; a closed root must
// accept the key or every parent install fails schema validation.
import { isSchemaObject, typesOf } from '../../schema/schema-node.ts';
import type { SchemaRule } from './rule.ts';

/** The root declares an open `global` object so the chart works as a subchart. */
export const rootAllowsGlobal: SchemaRule = {
  id: 'root-allows-global',
  roles: ['root'],
  check: ({ node }) => {
    const props = node.properties;
    const global = isSchemaObject(props) ? props.global : undefined;
    if (isSchemaObject(global) && typesOf(global).includes('object') && global.additionalProperties !== false) return undefined;
    return { message: 'declare "properties.global" as an open object (type: object, no additionalProperties: false)' };
  },
};
