// A changed value of the same shape, so the template renders it as it rendered the original
// and a field it feeds changes: a number plus one, a boolean flipped, a string with its leading
// number incremented (`512Mi` → `513Mi`) or else a suffix. An IPv4 CIDR keeps its address and
// gets a longer prefix (`0.0.0.0/0` → `0.0.0.0/1`): a changed address would set host bits,
// which charts refuse (Kubernetes does), and a failed render tells nothing.
import type { ValuesScalar } from './merge-values.ts';

const SUFFIX = 'x';

export function perturbValue(value: ValuesScalar): ValuesScalar {
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'boolean') return !value;
  const cidr = /^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})$/.exec(value);
  if (cidr) {
    const prefix = Number(cidr[2]);
    return `${cidr[1]}/${prefix < 32 ? prefix + 1 : prefix - 1}`;
  }
  const m = /^(\d+)([\s\S]*)$/.exec(value);
  if (m) return `${BigInt(m[1] ?? '0') + 1n}${m[2] ?? ''}`;
  return `${value}${SUFFIX}`;
}
