// What a command may touch of the outside world; tests pass their own.
export interface CliIO {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly cwd: string;
  /** Whether stdout is a terminal (colour). */
  readonly isTTY?: boolean;
  /** Standard input, read on demand (for `-`). */
  /** Standard input: bytes, so invalid UTF-8 is seen as in a file, not replaced (tests may pass text). */
  readonly stdin?: () => string | Uint8Array;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}
