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

/** js-yaml's parser state, as its listener sees it: the anchors the document defined. */
interface LoaderState {
  readonly anchorMap?: Readonly<Record<string, unknown>>;
}

/**
 * Where the document's content starts (its first line that is not blank, a comment or a
 * `---` marker): the position the full parser gives the root, found without parsing (a
 * multi-megabyte CRD without a schema would otherwise be parsed again just to say where it
 * starts). `undefined` when that line is unusual (a marker with content, a directive).
 */
function rootPosition(text: string, lineOffset: number): SourcePosition | undefined {
  let pos = 0;
  let line = 1;
  while (pos < text.length) {
    const next = text.indexOf('\n', pos);
    const end = next === -1 ? text.length : next;
    const content = text.slice(pos, end);
    const indent = content.search(/\S/);
    if (indent >= 0 && content[indent] !== '#' && !/^---\s*(#.*)?$/.test(content)) {
      return /^(---|%|\.\.\.)/.test(content) ? undefined : { line: line + lineOffset, column: indent + 1 };
    }
    if (next === -1) break;
    pos = next + 1;
    line += 1;
  }
  return undefined;
}

export function fastDocument(file: string, text: string, lineOffset: number, index: number): YamlDocumentSource | undefined {
  // The pattern also meets `*` and `&` inside text (Markdown in CRD descriptions, block
  // scalars): then the document is read anyway and sent to the safe path only when js-yaml
  // saw an anchor (an alias needs one).
  const maybeAnchored = ANCHOR_OR_ALIAS.test(text);
  let state: LoaderState | undefined;
  let value: unknown;
  try {
    value = load(text, { schema: CORE_SCHEMA, filename: file, ...(maybeAnchored ? { listener: (_event, s) => void (state = s as unknown as LoaderState) } : {}) });
  } catch {
    return undefined;
  }
  if (maybeAnchored && (state === undefined || Object.keys(state.anchorMap ?? {}).length > 0)) return undefined;
  let positions: ((pointer: string) => SourcePosition | undefined) | undefined;
  const comment = leadingComment(text);
  return {
    file,
    text,
    value,
    index,
    ...(comment !== undefined ? { comment } : {}),
    positionOf(pointer) {
      if (pointer === '' && !positions) {
        const root = rootPosition(text, lineOffset);
        if (root) return root;
      }
      if (!positions) {
        const [document] = parseYamlFile(file, text, { lineOffset, indexOffset: index }).documents;
        positions = document ? (p) => document.positionOf(p) : () => undefined;
      }
      return positions(pointer);
    },
  };
}
