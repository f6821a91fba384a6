// A lock on one entry of the shared tools cache (e.g. ~/.cache/bvchart/tools/helm4-v4.3.1),
// held while the entry is built, so two clones building the same tool at once do not write
// the same files. Plain Node and synchronous, like the scripts that use it.
//
// The lock is a folder `<entry>.lock` (mkdir is atomic) holding `owner.json` with the
// owner's pid, host and start time. A lock whose owner process is gone (same host), or that
// is older than `staleMs`, is stale: it is moved aside and taken over. Waiters poll and say
// whom they are waiting for.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The per-user cache root: $XDG_CACHE_HOME when it is an absolute path (the XDG rule: empty,
 * unset or relative, it is ignored), else ~/.cache. The library's rule is core/cache-dir.ts
 * (`cacheRoot`); test/core/cache-dir.test.ts holds the two to the same answers.
 */
export function cacheRoot() {
  const xdg = process.env.XDG_CACHE_HOME;
  return xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.cache');
}

/**
 * The shared tools cache: $BVCHART_TOOLS_CACHE, else <cache root>/bvchart/tools. The scripts
 * take it from here; the library has the same rule in toolchain/locate-tool.ts (`toolsCache`).
 */
export function toolsCacheRoot() {
  if (process.env.BVCHART_TOOLS_CACHE) return path.resolve(process.env.BVCHART_TOOLS_CACHE);
  return path.join(cacheRoot(), 'bvchart', 'tools');
}

// Locks this process holds, released even when it exits from inside a build (process.exit).
const held = new Set();
process.on('exit', () => {
  for (const lock of held) fs.rmSync(lock, { recursive: true, force: true });
});

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function readOwner(lock) {
  try {
    return JSON.parse(fs.readFileSync(path.join(lock, 'owner.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Why a lock is stale, or undefined while its owner may still be building. */
function staleness(lock, owner, staleMs) {
  const age = Date.now() - (owner?.started ?? fs.statSync(lock).mtimeMs);
  if (owner && owner.host === os.hostname() && !alive(owner.pid)) return `its owner, pid ${owner.pid}, is gone`;
  if (age > staleMs) return `it is ${Math.round(age / 60_000)} min old`;
  // A lock folder without an owner file for a while: its creator died between mkdir and write.
  if (!owner && age > 10_000) return 'it names no owner';
  return undefined;
}

/**
 * Runs `build` while holding the lock on `entry`. `build` should check again whether the
 * entry is complete: another process may have built it while this one waited.
 */
export function withCacheLock(entry, build, { log = () => {}, staleMs = 2 * 60 * 60_000, pollMs = 500, timeoutMs = 3 * 60 * 60_000 } = {}) {
  const lock = `${entry}.lock`;
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  let told = false;
  for (;;) {
    // The lock appears with its owner file already in it (a folder renamed into place), so a
    // waiter never reads a lock that names no owner.
    const staged = `${lock}.new-${process.pid}-${Date.now()}`;
    fs.mkdirSync(staged);
    fs.writeFileSync(path.join(staged, 'owner.json'), JSON.stringify({ pid: process.pid, host: os.hostname(), started: Date.now() }));
    try {
      fs.renameSync(staged, lock);
      held.add(lock);
      break;
    } catch (error) {
      fs.rmSync(staged, { recursive: true, force: true });
      if (error.code !== 'EEXIST' && error.code !== 'ENOTEMPTY') throw error;
    }
    const owner = readOwner(lock);
    const stale = fs.existsSync(lock) ? staleness(lock, owner, staleMs) : undefined;
    if (stale) {
      // Move it aside first (atomic), so two waiters never both remove a lock; if what was
      // moved is not the lock judged stale (it was just retaken), put it back.
      const aside = `${lock}.stale-${process.pid}-${Date.now()}`;
      try {
        fs.renameSync(lock, aside);
      } catch {
        continue;
      }
      const moved = readOwner(aside);
      if (moved && owner && (moved.pid !== owner.pid || moved.started !== owner.started)) {
        try {
          fs.renameSync(aside, lock);
        } catch {
          // The lock was retaken meanwhile; the moved owner lost nothing but its folder name.
        }
        continue;
      }
      fs.rmSync(aside, { recursive: true, force: true });
      log(`took over the stale lock ${lock} (${stale})`);
      continue;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for the lock ${lock} (held by pid ${owner?.pid ?? '?'})`);
    // No owner read: the lock was just released (or names no one yet); try again before telling.
    if (!told && owner) {
      log(`waiting for pid ${owner.pid} to finish building ${path.basename(entry)} (lock ${lock})`);
      told = true;
    }
    sleep(pollMs);
  }
  try {
    return build();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
    held.delete(lock);
  }
}
