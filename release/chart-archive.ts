// A packaged chart (.tgz) as Helm writes it: a gzipped POSIX tar of `<name>/...` files, with
// PAX headers for long paths. Read into path → bytes so two packages can be compared by
// content rather than by archive bytes (which carry modification times).
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';

const BLOCK = 512;

function field(header: Buffer, offset: number, length: number): string {
  const raw = header.subarray(offset, offset + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? length : end).toString('utf8');
}

/** PAX extended header records (`<len> key=value\n`); only `path` matters here. */
function paxPath(data: Buffer): string | undefined {
  const text = data.toString('utf8');
  const match = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(text);
  return match?.[1];
}

/** The regular files of a chart archive, keyed by their path inside the archive. */
export function readChartArchive(archive: Buffer): Map<string, Buffer> {
  const tar = gunzipSync(archive);
  const files = new Map<string, Buffer>();
  let offset = 0;
  let nextPath: string | undefined;
  while (offset + BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((b) => b === 0)) break;
    const size = Number.parseInt(field(header, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156] ?? 0);
    const prefix = field(header, 345, 155);
    const name = prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100);
    const data = tar.subarray(offset + BLOCK, offset + BLOCK + size);
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'x') {
      nextPath = paxPath(data);
      continue;
    }
    if (type === 'g') continue;
    if (type === '0' || type === '\0') files.set(nextPath ?? name, Buffer.from(data));
    nextPath = undefined;
  }
  return files;
}

/** A digest of a chart archive's content: every file's path and bytes, in path order. */
export function chartContentDigest(files: ReadonlyMap<string, Buffer>): string {
  const hash = createHash('sha256');
  for (const name of [...files.keys()].sort()) {
    hash.update(`${name}\0${files.get(name)?.length ?? 0}\0`);
    hash.update(files.get(name) ?? Buffer.alloc(0));
  }
  return hash.digest('hex');
}

/** Files present in one archive and not the other, or with different bytes. */
export function changedFiles(a: ReadonlyMap<string, Buffer>, b: ReadonlyMap<string, Buffer>): string[] {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((n) => !a.get(n)?.equals(b.get(n) ?? Buffer.alloc(0)) || !a.has(n) || !b.has(n)).sort();
}
