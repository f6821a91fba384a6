// What one `helm template` of a case came to: rendered, rejected by the values schema,
// stopped by a guard the chart documents (a `fail` whose message names a values key), or
// failed otherwise.
import type { ProcessResult } from '../../toolchain/run-process.ts';
import { helmError } from '../../validator/render/render-chart.ts';

export type HelmOutcome =
  | { readonly kind: 'rendered'; readonly manifests: string }
  | { readonly kind: 'schema-rejected'; readonly message: string }
  | { readonly kind: 'guard'; readonly message: string; readonly key: string }
  | { readonly kind: 'failed'; readonly message: string };

const SCHEMA_ERROR = /values don't meet the specifications of the schema/;
/** Go templates' `fail`: `execution error at (<chart>/templates/x.yaml:3:4): <message>`. */
const FAIL = /execution error at \(([^)]*)\): ([\s\S]*)$/;
const DOTTED = /[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[\d+\])+|[A-Za-z_][\w-]*/g;

/**
 * The values key a guard message names: the convention of our `_validate.tpl` (and of most
 * charts' validation helpers) is to start from, or mention, the key to change. Matched
 * loosely: any dotted word that is a key of the schema (or a prefix of one).
 */
export function guardKey(message: string, schemaKeys: ReadonlySet<string>): string | undefined {
  for (const token of message.match(DOTTED) ?? []) {
    const candidate = token.replace(/\[\d+\]/g, '');
    if (candidate.includes('.') && schemaKeys.has(candidate)) return candidate;
  }
  return undefined;
}

export function classifyHelm(result: ProcessResult, schemaKeys: ReadonlySet<string>): HelmOutcome {
  if (result.status === 0 && !result.error) return { kind: 'rendered', manifests: result.stdout };
  const message = helmError(result.stderr || result.error || result.stdout);
  if (SCHEMA_ERROR.test(message)) return { kind: 'schema-rejected', message };
  const fail = FAIL.exec(message);
  if (fail) {
    const key = guardKey(fail[2] ?? '', schemaKeys);
    if (key) return { kind: 'guard', message: (fail[2] ?? '').trim(), key };
  }
  return { kind: 'failed', message };
}

/** The JSON Pointers Helm's schema errors point at (`- at '/image/tag': ...`). */
export function helmSchemaPointers(message: string): string[] {
  return [...message.matchAll(/at '([^']*)'/g)].map((m) => m[1] ?? '');
}
