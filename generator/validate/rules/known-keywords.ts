// Only draft-07 keywords (what every Helm validator generation understands), a few editor
// keywords, and the generator's own registered extensions; catches typos such as `minimun`
// or `descripton`.

import { toPointer } from '../../../core/diagnostic.ts';
import { EXTENSION_PREFIX, extensionKeyword } from '../../schema/extensions.ts';
import type { RuleViolation, SchemaRule } from './rule.ts';

const DRAFT_07 = new Set([
  '$schema',
  '$id',
  '$ref',
  '$comment',
  'title',
  'description',
  'default',
  'readOnly',
  'writeOnly',
  'examples',
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'additionalItems',
  'items',
  'maxItems',
  'minItems',
  'uniqueItems',
  'contains',
  'maxProperties',
  'minProperties',
  'required',
  'additionalProperties',
  'definitions',
  'properties',
  'patternProperties',
  'dependencies',
  'propertyNames',
  'const',
  'enum',
  'type',
  'format',
  'contentMediaType',
  'contentEncoding',
  'if',
  'then',
  'else',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
]);

// Editor keywords: not draft-07, ignored by Helm's validators, read by editors. yaml-language-server
// (and VS Code's JSON support) shows `markdownDescription` instead of `description` in hovers and
// completion documentation, rendered as Markdown (code spans, lists, tables). `description`
// stays required: it is what values.yaml comments, the README and plain validators use.
const EDITOR_KEYWORDS = new Set(['markdownDescription']);

/** Only draft-07 keywords, editor keywords (markdownDescription) and registered x-bv- extensions are used. */
export const knownKeywords: SchemaRule = {
  id: 'known-keywords',
  roles: ['root', 'property', 'items', 'map-values', 'nested'],
  check: ({ node, path }) => {
    const out: RuleViolation[] = [];
    for (const [keyword, value] of Object.entries(node)) {
      const pointer = toPointer([...path, keyword]);
      if (keyword.startsWith(EXTENSION_PREFIX)) {
        const ext = extensionKeyword(keyword);
        if (!ext) out.push({ pointer, message: `unknown generator extension "${keyword}"` });
        else {
          const problem = ext.check(value);
          if (problem) out.push({ pointer, message: `${keyword} ${problem}` });
        }
      } else if (!DRAFT_07.has(keyword) && !EDITOR_KEYWORDS.has(keyword) && !keyword.startsWith('x-')) {
        out.push({ pointer, message: `"${keyword}" is not a draft-07 keyword (Helm's validators would ignore it)` });
      }
    }
    return out;
  },
};
