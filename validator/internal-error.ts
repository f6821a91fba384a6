// A defect in bvchart, not in the input: any exception that escapes the pipeline. It names
// the input being validated when it happened, and the CLI exits with its own code (3), so a
// crash is never mistaken for findings (1) or a usage error (2).
export class InternalError extends Error {
  override readonly name = 'InternalError';
  constructor(
    /** What was being validated: a file, a chart render. */
    readonly input: string,
    override readonly cause: unknown,
  ) {
    super(`internal error while validating ${input}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/** Runs `work`; an exception that is not already an InternalError is wrapped with `input`. */
export function blameInput<T>(input: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof InternalError) throw error;
    throw new InternalError(input, error);
  }
}
