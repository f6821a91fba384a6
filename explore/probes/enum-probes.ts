// `enum`: every member, and one value that is not a member (of the same type, so only the
// enum can refuse it).
import type { ProbeBuilder } from './probe.ts';

function nonMember(members: readonly unknown[]): unknown {
  const numbers = members.filter((m): m is number => typeof m === 'number');
  if (numbers.length === members.length && numbers.length > 0) return Math.max(...numbers) + 1;
  const base = members.find((m): m is string => typeof m === 'string') ?? 'value';
  let candidate = `${base}x`;
  while (members.includes(candidate)) candidate += 'x';
  return candidate;
}

export const enumProbes: ProbeBuilder = {
  family: 'enum',
  build(leaf) {
    const members = leaf.schema.enum;
    if (!members || members.length === 0) return [];
    return [
      ...members.map((m) => ({ label: `enum ${JSON.stringify(m)}`, side: 'inside' as const, value: m })),
      { label: 'enum non-member', side: 'outside' as const, value: nonMember(members) },
    ];
  },
};
