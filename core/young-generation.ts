// `bvchart validate` is a batch job whose working set is small and steady: one file's text,
// one decoded document, the validators of the kinds met. V8 sizes its young generation for
// long-lived servers instead: when start-up (modules, validators) survives a few scavenges it
// doubles the semispaces, up to 16 MB each, and keeps them for the rest of the run. Measured
// on the benchmark's corpus of our renders (one core, warm cache): peak 88–91 MB with the
// default, 76–78 MB with the semispaces left at their initial size, at the same CPU time.
// `--semi-space-growth-factor` is read each time V8 considers growing them, so setting it once
// the process runs takes effect (the maximum size, by contrast, is fixed when the heap is
// made). A user who sets any semispace flag (command line or NODE_OPTIONS) keeps theirs.
import v8 from 'node:v8';

const SEMISPACE_FLAG = /^--(?:max-|min-)?semi[-_]space[-_]/;

/** Whether the user chose a semispace flag of their own. */
export function semispaceFlagGiven(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ''): boolean {
  return [...execArgv, ...nodeOptions.split(/\s+/)].some((a) => SEMISPACE_FLAG.test(a.replaceAll('_', '-')));
}

/** Keeps V8's young generation at its initial size for the rest of the process (unless the user chose otherwise). */
export function keepYoungGenerationSmall(): void {
  if (!semispaceFlagGiven()) v8.setFlagsFromString('--semi-space-growth-factor=1');
}
