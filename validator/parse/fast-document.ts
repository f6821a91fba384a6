// The fast path of manifest parsing. Most documents in a render are plain: no anchors or
// aliases, no errors. Those are read with js-yaml (several times faster than a parser that
// keeps a syntax tree), and positions are computed only when a finding asks for one, by
// parsing that document again with the position-keeping parser. Anything unusual (aliases,
// anchors, a parse error, duplicate keys) returns `undefined` so the caller takes the safe
// path, which bounds alias expansion and reports errors with positions.
import { CORE_SCHEMA, load } from 'js-yaml';
import type { SourcePosition } from '../../core/diagnostic.ts';
import { parseYamlFile, type YamlDocumentSource } from '../../core/yaml-source.ts';

/** An anchor or alias token outside quotes: `&name` or `*name` after a separator. */
const ANCHOR_OR_ALIAS = /(^|[\s,[{])[&*][^\s,[\]{}'"&*]/m;

/** The comment lines before the content (Helm's `# Source:`), read without splitting the whole text. */
function leadingComment(text: string): string | undefined {
  const lines: string[] = [];
  let pos = 0;
  while (pos < text.length) {
    const next = text.indexOf('\n', pos);
    const line = text.slice(pos, next === -1 ? text.length : next);
    pos = next === -1 ? text.length : next + 1;
    if (/^---\s*$/.test(line) || line.trim() === '') continue;
    const m = /^\s*#\s?(.*)$/.exec(line);
    if (!m) break;
    lines.push(m[1] ?? '');
  }
  return lines.length > 0 ? lines.join('\n') : undefined;
}

export function fastDocument(file: string, text: string, lineOffset: number, index: number): YamlDocumentSource | undefined {
  if (ANCHOR_OR_ALIAS.test(text)) return undefined;
  let value: unknown;
  try {
    value = load(text, { schema: CORE_SCHEMA, filename: file });
  } catch {
    return undefined;
  }
  let positions: ((pointer: string) => SourcePosition | undefined) | undefined;
  const comment = leadingComment(text);
  return {
    file,
    text,
    value,
    index,
    ...(comment !== undefined ? { comment } : {}),
    positionOf(pointer) {
      if (!positions) {
        const [document] = parseYamlFile(file, text, { lineOffset, indexOffset: index }).documents;
        positions = document ? (p) => document.positionOf(p) : () => undefined;
      }
      return positions(pointer);
    },
  };
}
