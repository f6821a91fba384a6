// A value a schema node accepts, for the parts of a case that are not under test: array
// items, the base of an array element whose key is probed, a map entry's value.
import fc from 'fast-check';
import { type JsonSchema, resolveRef, typesOf } from './json-schema.ts';
import { stringOfLength } from './probes/length-probes.ts';
import { drawOne } from './sampling.ts';

export function validValue(root: JsonSchema, raw: JsonSchema, seed: number, depth = 0): unknown {
  const schema = resolveRef(root, raw);
  if (schema.default !== undefined) return structuredClone(schema.default);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  const branch = schema.anyOf?.[0] ?? schema.oneOf?.[0];
  const type = typesOf(schema)[0];
  if (type === undefined && branch) return validValue(root, branch, seed, depth + 1);
  switch (type) {
    case 'string':
      if (schema.pattern !== undefined) {
        try {
          return drawOne(fc.stringMatching(new RegExp(schema.pattern)), seed);
        } catch {
          return stringOfLength(schema, Math.max(schema.minLength ?? 1, 1));
        }
      }
      return stringOfLength(schema, Math.max(schema.minLength ?? 1, 1));
    case 'integer':
    case 'number': {
      const low = schema.minimum ?? (typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : 1);
      return schema.multipleOf ? Math.ceil(low / schema.multipleOf) * schema.multipleOf : low;
    }
    case 'boolean':
      return true;
    case 'array': {
      const items = schema.items && !Array.isArray(schema.items) ? (schema.items as JsonSchema) : {};
      return depth > 6 ? [] : Array.from({ length: schema.minItems ?? 0 }, (_, i) => validValue(root, items, seed + i + 1, depth + 1));
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      if (depth > 6) return out;
      for (const name of schema.required ?? []) {
        const prop = schema.properties?.[name];
        if (prop) out[name] = validValue(root, prop, seed + name.length, depth + 1);
      }
      return out;
    }
    default:
      return 'value';
  }
}
