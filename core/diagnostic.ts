// Diagnostics are data: a stable code, a location (file, JSON Pointer, line/column) and a
// message. They are collected by every stage and printed in one place (format-diagnostic.ts).

export type Severity = 'error' | 'warning';

/** 1-based line and column, as editors show them. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

export interface Diagnostic {
  /** Stable identifier, `<area>/<rule>`, e.g. `schema/property-has-description`. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** Path of the file, relative to the project root where possible. */
  readonly file?: string;
  /** JSON Pointer (RFC 6901) to the offending node inside the file's document. */
  readonly pointer?: string;
  readonly position?: SourcePosition;
}

/** Thrown by a stage that cannot go on; carries every diagnostic collected so far. */
export class DiagnosticError extends Error {
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    super(`${diagnostics.length} error(s)${diagnostics[0] ? `, first: ${diagnostics[0].message}` : ''}`);
    this.name = 'DiagnosticError';
    this.diagnostics = diagnostics;
  }
}

/** JSON Pointer from path segments (RFC 6901 escaping). */
export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** Path segments from a JSON Pointer. */
export function fromPointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return pointer === '/' ? [''] : [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
