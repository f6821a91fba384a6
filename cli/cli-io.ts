// What a command may touch of the outside world; tests pass their own.
export interface CliIO {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly cwd: string;
  /** Whether stdout is a terminal (colour). */
  readonly isTTY?: boolean;
  /** Standard input, read on demand (for `-`). */
  readonly stdin?: () => string;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}
