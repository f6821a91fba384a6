// Steps of one end-to-end scenario that build on each other (install, then upgrade, ...):
// a step whose dependency failed is skipped at once with a note naming it, so one failure is
// reported once instead of as a cascade of timeouts, 404s and "another operation is in
// progress". Each step gets a timeout longer than the operations it waits for, so vitest
// never abandons a step while its helm process is still running.
import { it } from 'vitest';

export interface StepOptions {
  /** Steps that must have passed for this one to mean anything. */
  readonly dependsOn?: readonly string[];
  readonly timeoutMs: number;
}

export class DependentSteps {
  /** Failed (or skipped for a failed dependency) step → the step whose failure is the cause. */
  private readonly broken = new Map<string, string>();
  private readonly known = new Set<string>();

  step(name: string, body: () => Promise<void>, options: StepOptions): string {
    for (const dependency of options.dependsOn ?? []) {
      if (!this.known.has(dependency)) throw new Error(`step "${name}" depends on "${dependency}", which is not declared before it`);
    }
    this.known.add(name);
    it(
      name,
      async (context) => {
        context.onTestFailed(() => {
          if (!this.broken.has(name)) this.broken.set(name, name);
        });
        const dependency = (options.dependsOn ?? []).find((d) => this.broken.has(d));
        if (dependency !== undefined) {
          const cause = this.broken.get(dependency) ?? dependency;
          this.broken.set(name, cause);
          process.stderr.write(`skipped "${name}": depends on "${dependency}", which failed\n`);
          context.skip(`depends on "${dependency}", which failed${cause !== dependency ? ` (because "${cause}" failed)` : ''}`);
          return;
        }
        await body();
      },
      options.timeoutMs,
    );
    return name;
  }
}
