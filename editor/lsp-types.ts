// The LSP shapes this server speaks (a subset of the protocol; positions are 0-based).
export interface LspPosition {
  readonly line: number;
  readonly character: number;
}

export interface LspRange {
  readonly start: LspPosition;
  readonly end: LspPosition;
}

/** 1 error, 2 warning, 3 information, 4 hint. */
export type LspSeverity = 1 | 2 | 3 | 4;

export interface LspDiagnostic {
  readonly range: LspRange;
  readonly severity: LspSeverity;
  readonly source: 'bvchart';
  readonly code: string;
  readonly message: string;
}
