// Helm's values-schema check (Helm 3.22 and 4 print the same form):
//   values don't meet the specifications of the schema(s) in the following chart(s):
//   boardviewer:
//   - at '/storageClass/reclaimPolicy': value must be one of 'Retain', 'Delete'
//   - at '': additional properties 'bogus' not allowed
// Each error becomes the key path it is about, from the top of the values (a subchart's
// heading is its values key).
import { fromPointer } from '../../core/diagnostic.ts';

const HEADER = /values don't meet the specifications of the schema/;

export interface ValuesSchemaError {
  /** The key path segments from the top of the values: the key the error is about. */
  readonly segments: readonly (string | number)[];
  /** The chart whose schema refused it (Helm's heading). */
  readonly chart: string;
  /** Helm's words for the error, without the `- at '...'` prefix. */
  readonly message: string;
}

function numeric(segment: string): string | number {
  return /^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : segment;
}

/** The schema errors in a Helm error, or undefined when it is not a schema failure. `rootChart` is the top chart's name. */
export function valuesSchemaErrors(helmMessage: string, rootChart: string): ValuesSchemaError[] | undefined {
  if (!HEADER.test(helmMessage)) return undefined;
  const errors: ValuesSchemaError[] = [];
  let chart = rootChart;
  for (const line of helmMessage.split('\n')) {
    const heading = /^([\w.-]+):\s*$/.exec(line);
    if (heading?.[1]) {
      chart = heading[1];
      continue;
    }
    const at = /^\s*- at '([^']*)': (.*)$/.exec(line);
    if (!at) continue;
    const message = at[2] ?? '';
    const base = [...(chart === rootChart ? [] : [chart]), ...fromPointer(at[1] ?? '').map(numeric)];
    // An unknown key is reported at its parent: the key itself is where the user typed it.
    const extra = /^additional propert(?:y|ies) ((?:'[^']*'(?:, )?)+) not allowed/.exec(message);
    const names = extra ? [...(extra[1] ?? '').matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '') : [];
    if (names.length > 0) for (const name of names) errors.push({ segments: [...base, name], chart, message });
    else errors.push({ segments: base, chart, message });
  }
  return errors;
}
