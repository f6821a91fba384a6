// A changed value of the same shape, so the template renders it as it rendered the original
// and a field it feeds changes: a number plus one, a boolean flipped, a string with its leading
// number incremented (`512Mi` → `513Mi`, `10.0.0.0/8` → `11.0.0.0/8`) or else a suffix.
import type { ValuesScalar } from './merge-values.ts';

const SUFFIX = 'x';

export function perturbValue(value: ValuesScalar): ValuesScalar {
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'boolean') return !value;
  const m = /^(\d+)([\s\S]*)$/.exec(value);
  if (m) return `${BigInt(m[1] ?? '0') + 1n}${m[2] ?? ''}`;
  return `${value}${SUFFIX}`;
}
