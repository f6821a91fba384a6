// The one place diagnostics become text: `file:line:column: severity [code] pointer: message`,
// followed, when the source text is known, by the source line and a caret under the column.
import type { Diagnostic } from './diagnostic.ts';

export interface FormatOptions {
  /** Source texts by file, to quote the offending line. */
  readonly sources?: ReadonlyMap<string, string>;
}

export function formatDiagnostic(d: Diagnostic, options: FormatOptions = {}): string {
  const where = [d.file, d.position?.line, d.position?.column].filter((p) => p !== undefined).join(':');
  const pointer = d.pointer !== undefined ? ` ${d.pointer === '' ? '(document root)' : d.pointer}:` : '';
  const head = `${where ? `${where}: ` : ''}${d.severity} [${d.code}]${pointer} ${d.message}`;
  const source = d.file !== undefined ? options.sources?.get(d.file) : undefined;
  if (source === undefined || d.position === undefined) return head;
  const line = source.split(/\r?\n/)[d.position.line - 1];
  if (line === undefined) return head;
  const gutter = `${d.position.line} | `;
  const caret = `${' '.repeat(gutter.length - 2)}| ${' '.repeat(Math.max(0, d.position.column - 1))}^`;
  return `${head}\n  ${gutter}${line}\n  ${caret}`;
}

export function formatDiagnostics(diagnostics: readonly Diagnostic[], options: FormatOptions = {}): string {
  return diagnostics.map((d) => formatDiagnostic(d, options)).join('\n');
}
