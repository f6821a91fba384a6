// `x-bv-env` wires a value into the container environment: it must sit on a scalar value
// (not inside list items or maps), and no two values may claim the same variable.

import { toPointer } from '../../../core/diagnostic.ts';
import { typesOf, walkSchema } from '../../schema/schema-node.ts';
import type { RuleViolation, SchemaRule } from './rule.ts';

/** X-bv-env sits on scalar values and names each variable once. */
export const envSettings: SchemaRule = {
  id: 'env-settings',
  roles: ['root'],
  check: ({ node }) => {
    const out: RuleViolation[] = [];
    const seen = new Map<string, string>();
    for (const visit of walkSchema(node)) {
      const env = visit.node['x-bv-env'];
      if (typeof env !== 'string') continue;
      const pointer = toPointer([...visit.path, 'x-bv-env']);
      const scalar = typesOf(visit.node).every((t) => !['object', 'array'].includes(t));
      if (visit.role !== 'property' || visit.inElement || !scalar) {
        out.push({ pointer, message: 'x-bv-env belongs on a scalar value outside lists and maps' });
      }
      const other = seen.get(env);
      if (other !== undefined) out.push({ pointer, message: `${env} is already set by ${other}` });
      else seen.set(env, visit.pointer);
    }
    return out;
  },
};
