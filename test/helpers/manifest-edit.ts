// Declarative edits of rendered manifests for table-driven tests: select objects by
// `Kind` or `Kind/name`, then set, delete or append at a dotted path. A path segment
// `[name=x]` picks the array element whose `name` is x.
export type Manifest = { [key: string]: unknown };

export type Edit =
  | { readonly op: 'set'; readonly select: string; readonly path: string; readonly value: unknown }
  | { readonly op: 'delete'; readonly select: string; readonly path: string }
  | { readonly op: 'append'; readonly select: string; readonly path: string; readonly value: unknown }
  | { readonly op: 'drop'; readonly select: string };

export const set = (select: string, path: string, value: unknown): Edit => ({ op: 'set', select, path, value });
export const del = (select: string, path: string): Edit => ({ op: 'delete', select, path });
export const append = (select: string, path: string, value: unknown): Edit => ({ op: 'append', select, path, value });
export const drop = (select: string): Edit => ({ op: 'drop', select });

function matches(o: Manifest, select: string): boolean {
  const [kind, name] = select.split('/');
  const metadata = o.metadata as { name?: string } | undefined;
  return o.kind === kind && (name === undefined || metadata?.name === name);
}

function step(container: unknown, segment: string): unknown {
  const byName = /^\[name=(.+)\]$/.exec(segment);
  if (byName && Array.isArray(container)) return container.find((x: { name?: string }) => x.name === byName[1]);
  if (typeof container !== 'object' || container === null) throw new Error(`cannot step into ${segment}`);
  return (container as Record<string, unknown>)[segment];
}

/** Splits `a.b.[name=x].c` keeping bracket segments whole. */
function segments(path: string): string[] {
  return path.match(/\[[^\]]+\]|[^.]+/g) ?? [];
}

function apply(o: Manifest, edit: Exclude<Edit, { op: 'drop' }>): void {
  const parts = segments(edit.path);
  const last = parts.pop();
  if (last === undefined) throw new Error('empty path');
  const parent = parts.reduce<unknown>(step, o) as Record<string, unknown> | unknown[];
  if (parent === undefined || parent === null) throw new Error(`no ${edit.path} in ${String(o.kind)}`);
  const record = parent as Record<string, unknown>;
  if (edit.op === 'set') record[last] = structuredClone(edit.value);
  else if (edit.op === 'delete') delete record[last];
  else {
    const list = record[last];
    if (!Array.isArray(list)) throw new Error(`${edit.path} is not a list`);
    list.push(structuredClone(edit.value));
  }
}

export function applyEdits(objects: readonly Manifest[], edits: readonly Edit[]): Manifest[] {
  let out = structuredClone(objects) as Manifest[];
  for (const edit of edits) {
    if (edit.op === 'drop') {
      out = out.filter((o) => !matches(o, edit.select));
      continue;
    }
    const targets = out.filter((o) => matches(o, edit.select));
    if (targets.length === 0) throw new Error(`no object ${edit.select}`);
    for (const t of targets) apply(t, edit);
  }
  return out;
}
