// Where bvchart keeps its per-user caches (built tools, downloaded schemas, compiled
// validators): under the XDG base directory for caches. Per the XDG Base Directory
// specification, $XDG_CACHE_HOME counts only when set to an absolute path: empty, unset or
// relative, it is ~/.cache. scripts/cache-lock.mjs (plain Node, run before this library is
// built) has the same rule; test/core/cache-dir.test.ts runs both over the same cases.
import os from 'node:os';
import path from 'node:path';

/** $XDG_CACHE_HOME when it is an absolute path, else ~/.cache. */
export function cacheRoot(): string {
  const xdg = process.env.XDG_CACHE_HOME;
  return xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.cache');
}

/** One of bvchart's cache folders: <cache root>/bvchart/<name>. */
export function bvchartCacheDir(name: string): string {
  return path.join(cacheRoot(), 'bvchart', name);
}
