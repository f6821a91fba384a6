// A closed object turns a misspelt key into an error in Helm and in the editor. Maps type
// their values (`additionalProperties: {schema}`); open objects say why (`x-bv-open`). An
// object typed by a definition (`allOf: [{$ref}]`, e.g. a Kubernetes Affinity) is as closed
// as that definition: a sibling `additionalProperties: false` would refuse its own keys.
import { refTypeOf, typesOf } from '../../schema/schema-node.ts';
import type { SchemaRule } from './rule.ts';

/** Objects are closed unless they are typed maps, typed by a definition, or say why they are open. */
export const objectsClosed: SchemaRule = {
  id: 'objects-closed',
  roles: ['root', 'property', 'items', 'map-values'],
  check: ({ node }) => {
    if (!typesOf(node).includes('object')) return undefined;
    if (refTypeOf(node) !== undefined) {
      return node.additionalProperties === false
        ? { message: `typed by ${refTypeOf(node) ?? ''}: remove "additionalProperties: false", which would refuse the definition's own keys` }
        : undefined;
    }
    const extra = node.additionalProperties;
    if (extra === false) return undefined;
    if (typeof extra === 'object' && extra !== null) return undefined;
    if (typeof node['x-bv-open'] === 'string') return undefined;
    return {
      message: 'object is open: add "additionalProperties: false", type its values ("additionalProperties: {type: ...}"), or give "x-bv-open: <reason>"',
    };
  },
};
