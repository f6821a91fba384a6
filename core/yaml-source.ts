// YAML (and JSON) documents read with their positions, so any stage can turn a JSON Pointer
// into a line and column. Hostile input is bounded: alias expansion is capped (billion
// laughs), duplicate keys are errors, and every parser error becomes a diagnostic.
import type { Document, LineCounter, Node } from 'yaml';
import type { Diagnostic, SourcePosition } from './diagnostic.ts';
import { fromPointer } from './diagnostic.ts';
import { yaml } from './load-on-demand.ts';

/** Most alias expansions one document may perform before it is treated as an attack. */
export const MAX_ALIAS_COUNT = 1000;

export interface YamlDocumentSource {
  readonly file: string;
  readonly text: string;
  /** The document as plain data. */
  readonly value: unknown;
  /** Index of the document within its file (0 for the first). */
  readonly index: number;
  /** The comment before the document's content (Helm writes `# Source: <template>` there). */
  readonly comment?: string;
  /** Where the node at `pointer` starts: its key when it is a mapping entry. */
  positionOf(pointer: string): SourcePosition | undefined;
}

export interface ParsedYamlFile {
  readonly documents: readonly YamlDocumentSource[];
  readonly diagnostics: readonly Diagnostic[];
}

export interface ParseOptions {
  /** Lines before `text` in its file (when parsing one document cut from a stream). */
  readonly lineOffset?: number;
  /** Index of the first document (when parsing one document cut from a stream). */
  readonly indexOffset?: number;
}

function toPosition(lineCounter: LineCounter, offset: number, lineOffset = 0): SourcePosition {
  const { line, col } = lineCounter.linePos(offset);
  return { line: line + lineOffset, column: col };
}

function locate(doc: Document, lineCounter: LineCounter, pointer: string, lineOffset: number): SourcePosition | undefined {
  let node: unknown = doc.contents;
  let best: [number, number, number] | undefined = (node as Node | null)?.range ?? undefined;
  for (const segment of fromPointer(pointer)) {
    if (yaml().isMap(node)) {
      const pair = node.items.find((p) => yaml().isScalar(p.key) && String(p.key.value) === segment);
      if (!pair) break;
      const keyRange = yaml().isScalar(pair.key) ? pair.key.range : undefined;
      if (keyRange) best = keyRange;
      node = pair.value;
    } else if (yaml().isSeq(node)) {
      const item = node.items[Number(segment)] as Node | undefined;
      if (!item) break;
      if (item.range) best = item.range;
      node = item;
    } else {
      break;
    }
  }
  return best ? toPosition(lineCounter, best[0], lineOffset) : undefined;
}

/** Parses every document of a YAML stream; problems come back as diagnostics, never thrown. */
export function parseYamlFile(file: string, text: string, options: ParseOptions = {}): ParsedYamlFile {
  const lineOffset = options.lineOffset ?? 0;
  const lineCounter = new (yaml().LineCounter)();
  const diagnostics: Diagnostic[] = [];
  const documents: YamlDocumentSource[] = [];
  const docs = yaml().parseAllDocuments(text, { lineCounter, uniqueKeys: true, strict: true, prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [];
  list.forEach((doc, i) => {
    const index = i + (options.indexOffset ?? 0);
    for (const error of doc.errors) {
      diagnostics.push({
        code: error.code === 'DUPLICATE_KEY' ? 'yaml/duplicate-key' : 'yaml/syntax',
        severity: 'error',
        file,
        position: toPosition(lineCounter, error.pos[0], lineOffset),
        message: error.message.split('\n')[0] ?? error.message,
      });
    }
    if (doc.errors.length > 0) return;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      diagnostics.push({
        code: 'yaml/alias-limit',
        severity: 'error',
        file,
        position: doc.contents?.range ? toPosition(lineCounter, doc.contents.range[0], lineOffset) : undefined,
        message: `${(error as Error).message} (more than ${MAX_ALIAS_COUNT} alias expansions)`,
      });
      return;
    }
    const comment = [doc.commentBefore, doc.contents?.commentBefore].filter((c): c is string => typeof c === 'string').join('\n');
    documents.push({
      file,
      text,
      value,
      index,
      ...(comment ? { comment } : {}),
      positionOf: (pointer) => locate(doc, lineCounter, pointer, lineOffset),
    });
  });
  return { documents, diagnostics };
}

/** Parses a file that must hold exactly one YAML or JSON document. */
export function parseSingleYamlDocument(file: string, text: string): { document?: YamlDocumentSource; diagnostics: readonly Diagnostic[] } {
  const parsed = parseYamlFile(file, text);
  if (parsed.diagnostics.length > 0) return { diagnostics: parsed.diagnostics };
  const [first, second] = parsed.documents;
  if (!first || first.value === null || first.value === undefined) {
    return { diagnostics: [{ code: 'yaml/empty', severity: 'error', file, message: 'the file holds no document' }] };
  }
  if (second) {
    return {
      diagnostics: [
        {
          code: 'yaml/multiple-documents',
          severity: 'error',
          file,
          position: second.positionOf(''),
          message: 'expected one document, found several (a `---` separator)',
        },
      ],
    };
  }
  return { document: first, diagnostics: [] };
}
