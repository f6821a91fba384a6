// Stage 5, format: normalise whitespace (no trailing spaces, no runs of blank lines, one
// final newline) and add the generated header. Pure and deterministic.
import type { RenderedFile } from '../render/rendered-file.ts';
import { withHeader } from './generated-header.ts';

export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

export function normalizeWhitespace(text: string): string {
  return `${text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+/, '')
    .trimEnd()}\n`;
}

export function formatFiles(files: readonly RenderedFile[]): GeneratedFile[] {
  return files.map((file) => ({
    path: file.path,
    content: withHeader(file.commentStyle, file.sources, normalizeWhitespace(file.content)),
  }));
}
