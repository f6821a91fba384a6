// The cache folders, one rule everywhere: $XDG_CACHE_HOME counts only when it is an absolute
// path (the XDG Base Directory specification: an empty value is unset, a relative one is
// ignored), else ~/.cache. The library (core/cache-dir.ts and its users) and the plain-Node
// scripts (scripts/cache-lock.mjs, which the bootstrap runs before the library is built) give
// the same answer for each case.
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cacheRoot } from '../../core/cache-dir.ts';
import { cacheRoot as scriptCacheRoot, toolsCacheRoot as scriptToolsCache } from '../../scripts/cache-lock.mjs';
import { toolsCache } from '../../toolchain/locate-tool.ts';
import { defaultCacheDir } from '../../validator/schemas/schema-source.ts';
import { defaultValidatorCacheDir } from '../../validator/schemas/validator-cache.ts';

const HOME = '/home/someone';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe.each([
  ['unset', undefined, `${HOME}/.cache`],
  ['empty', '', `${HOME}/.cache`],
  ['relative', 'cache', `${HOME}/.cache`],
  ['relative with a dot', './cache', `${HOME}/.cache`],
  ['absolute', '/var/cache/me', '/var/cache/me'],
])('XDG_CACHE_HOME %s', (_case, xdg, root) => {
  it.each([
    ['cacheRoot (core/cache-dir.ts)', () => cacheRoot(), root],
    ['cacheRoot (scripts/cache-lock.mjs)', () => scriptCacheRoot(), root],
    ['the tools cache (toolchain/locate-tool.ts)', () => toolsCache(), `${root}/bvchart/tools`],
    ['the tools cache (scripts/cache-lock.mjs)', () => scriptToolsCache(), `${root}/bvchart/tools`],
    ['the schema cache', () => defaultCacheDir(), `${root}/bvchart/schemas`],
    ['the validator cache', () => defaultValidatorCacheDir(), `${root}/bvchart/validators`],
  ])('%s', (_name, answer, expected) => {
    vi.stubEnv('HOME', HOME);
    vi.stubEnv('XDG_CACHE_HOME', xdg);
    vi.stubEnv('BVCHART_TOOLS_CACHE', undefined);
    expect(answer()).toBe(expected);
  });
});

describe.each([
  ['empty', '', `${HOME}/.cache/bvchart/tools`],
  ['relative (taken from the working folder)', 'tools', path.resolve('tools')],
  ['absolute', '/opt/tools', '/opt/tools'],
])('BVCHART_TOOLS_CACHE %s', (_case, tools, expected) => {
  it.each([
    ['toolchain/locate-tool.ts', () => toolsCache()],
    ['scripts/cache-lock.mjs', () => scriptToolsCache()],
  ])('%s', (_name, answer) => {
    vi.stubEnv('HOME', HOME);
    vi.stubEnv('XDG_CACHE_HOME', '');
    vi.stubEnv('BVCHART_TOOLS_CACHE', tools);
    expect(answer()).toBe(expected);
  });
});
