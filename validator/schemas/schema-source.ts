// Reads a schema document from a file path, file:// URL or http(s) URL. URLs are cached on
// disk (one file per URL), so a second run and CI work offline once warm.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bvchartCacheDir } from '../../core/cache-dir.ts';
import { writeFileAtomically } from '../../core/write-file-atomically.ts';

export type SchemaText = { readonly found: true; readonly text: string } | { readonly found: false; readonly reason: string };

export interface SchemaSourceOptions {
  /** Folder for downloaded schemas; default <cache root>/bvchart/schemas (core/cache-dir.ts). */
  readonly cacheDir?: string;
  /** Replaces the network fetch (tests). */
  readonly fetchText?: (url: string) => Promise<{ status: number; text: string }>;
}

export function defaultCacheDir(): string {
  return bvchartCacheDir('schemas');
}

async function fetchWithTimeout(url: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  return { status: response.status, text: response.status === 200 ? await response.text() : '' };
}

export function createSchemaSource(options: SchemaSourceOptions = {}): (location: string) => Promise<SchemaText> {
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  const fetchText = options.fetchText ?? fetchWithTimeout;
  return async (location) => {
    if (/^https?:\/\//.test(location)) {
      const cached = path.join(cacheDir, `${createHash('sha256').update(location).digest('hex')}.json`);
      if (fs.existsSync(cached)) return { found: true, text: fs.readFileSync(cached, 'utf8') };
      const response = await fetchText(location).catch((error: Error & { cause?: { code?: string; message?: string } }) => {
        const why = error.cause?.code ?? error.cause?.message ?? error.message;
        throw new Error(`could not download (${why}) and not in the cache ${cacheDir}; to work offline pass --schema-location with a local folder`);
      });
      if (response.status === 404) return { found: false, reason: `not found: ${location}` };
      if (response.status !== 200) throw new Error(`fetching ${location}: HTTP ${response.status}`);
      writeFileAtomically(cached, response.text);
      return { found: true, text: response.text };
    }
    const file = location.startsWith('file://') ? fileURLToPath(location) : location;
    try {
      return { found: true, text: fs.readFileSync(file, 'utf8') };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { found: false, reason: `not found: ${file}` };
      throw error;
    }
  };
}
