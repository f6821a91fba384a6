// A classic Helm chart repository (an index.yaml and its packages), in a local folder or at
// an HTTP(S) URL: what is published, and the published packages' content.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { readChartArchive } from './chart-archive.ts';
import type { PublishedVersion } from './version-check.ts';

export interface IndexEntry {
  readonly version: string;
  readonly urls: readonly string[];
  readonly digest?: string;
}

export interface ChartRepository {
  /** A folder or a base URL. */
  readonly location: string;
  readonly isUrl: boolean;
}

export const isUrl = (location: string) => /^https?:\/\//.test(location);

async function readBytes(repo: ChartRepository, relative: string): Promise<Buffer | undefined> {
  if (isUrl(relative) || repo.isUrl) {
    const url = isUrl(relative) ? relative : new URL(relative, repo.location.endsWith('/') ? repo.location : `${repo.location}/`).toString();
    const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
    if (response.status === 404) return undefined;
    if (!response.ok) throw new Error(`fetching ${url}: HTTP ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
  }
  const file = path.join(repo.location, relative);
  return fs.existsSync(file) ? fs.readFileSync(file) : undefined;
}

/** The index.yaml text, or undefined for a repository that has none yet. */
export async function readIndexText(repo: ChartRepository): Promise<string | undefined> {
  return (await readBytes(repo, 'index.yaml'))?.toString('utf8');
}

/** The entries of one chart in an index.yaml. */
export function indexEntries(indexText: string | undefined, chart: string): IndexEntry[] {
  if (!indexText) return [];
  const index = parse(indexText) as { entries?: Record<string, IndexEntry[] | null> } | null;
  return index?.entries?.[chart] ?? [];
}

/** A published package, by an entry's first URL (relative URLs are under the repository). */
export async function readPublished(repo: ChartRepository, entry: IndexEntry): Promise<PublishedVersion> {
  const url = entry.urls[0];
  if (!url) return { version: entry.version };
  // A package under the repository folder is read there, whatever base URL the index names.
  const local = !repo.isUrl && fs.existsSync(path.join(repo.location, path.basename(url))) ? path.basename(url) : url;
  const bytes = await readBytes(repo, local);
  return bytes ? { version: entry.version, files: readChartArchive(bytes) } : { version: entry.version };
}
