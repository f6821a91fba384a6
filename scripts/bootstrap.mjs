#!/usr/bin/env node
// Bootstrap: the pre-step of `npm run gen` and `npm test`, in plain Node so it runs on a
// fresh clone before any dependency is installed.
//
//   1. npm dependencies: `npm ci` when node_modules is missing or was installed from
//      another package-lock.json.
//   2. Pinned tools (toolchain/tools.json): helm3, helm4 and kubeconform, each built once
//      with `go install` into a per-user cache keyed by name and version, then linked into
//      the git-ignored .tools/bin/. A second clone links the cached binaries, no rebuild.
//      A tool already on PATH at the pinned version is used as it is.
//
//   3. dist/: the compiled library that bin/bvchart.js runs (`npm run build`), rebuilt when
//      a TypeScript source is newer than the last build. Skipped in an installed package,
//      which ships dist/ (and has no tsconfig).
//
//   4. With --control-plane (npm test): the Kubernetes control plane, etcd, KWOK and the OCI
//      registry for the end-to-end tests (scripts/build-controlplane.mjs), same cache.
//
// Environment: BVCHART_TOOLS_CACHE overrides the cache folder (default
// $XDG_CACHE_HOME/bvchart/tools or ~/.cache/bvchart/tools); BVCHART_SKIP_TOOLS=1 skips step 2;
// BVCHART_SKIP_CONTROL_PLANE=1 skips step 3.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const binDir = path.join(root, '.tools', 'bin');

function log(message) {
  process.stderr.write(`bootstrap: ${message}\n`);
}

function fail(message) {
  process.stderr.write(`bootstrap: error: ${message}\n`);
  process.exit(1);
}

function sha256(file) {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

// ---- 1. npm dependencies -------------------------------------------------------------
function ensureNodeModules() {
  const lock = path.join(root, 'package-lock.json');
  // An installed package (node_modules/bvchart) has no lock file: npm installed its dependencies.
  if (!fs.existsSync(lock)) return;
  const stamp = path.join(root, 'node_modules', '.bvchart-lock.sha256');
  const want = sha256(lock);
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8').trim() === want) return;
  log('installing npm dependencies (npm ci)');
  const started = Date.now();
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.error) fail(`could not run npm (${result.error.message}); install Node.js 20+ with npm`);
  if (result.status !== 0) fail(`npm ci failed with exit code ${result.status}`);
  fs.writeFileSync(stamp, `${want}\n`);
  log(`npm dependencies installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

// ---- 2. pinned tools -----------------------------------------------------------------
function cacheRoot() {
  if (process.env.BVCHART_TOOLS_CACHE) return path.resolve(process.env.BVCHART_TOOLS_CACHE);
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'bvchart', 'tools');
}

/** The version string a binary reports, or undefined when it cannot run. */
function reportedVersion(binary, tool) {
  const result = spawnSync(binary, tool.versionArgs, { encoding: 'utf8', timeout: 30_000 });
  if (result.error || result.status !== 0) return undefined;
  return `${result.stdout}${result.stderr}`.trim();
}

function isPinned(binary, tool) {
  return fs.existsSync(binary) && reportedVersion(binary, tool) === tool.version;
}

function onPath(tool) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (!dir || path.resolve(dir) === binDir) continue;
    const candidate = path.join(dir, tool.name);
    if (isPinned(candidate, tool)) return candidate;
  }
  return undefined;
}

function goAvailable() {
  const result = spawnSync('go', ['version'], { encoding: 'utf8' });
  return !result.error && result.status === 0 ? result.stdout.trim() : undefined;
}

function buildIntoCache(tool, cached) {
  const goVersion = goAvailable();
  if (!goVersion) {
    fail(
      `${tool.name} ${tool.version} is missing and Go is not installed to build it.\n` +
        `  Install Go 1.24 or newer (https://go.dev/doc/install, or your distribution's golang package), then run this again;\n` +
        `  or put a ${tool.name} that reports ${tool.version} on PATH or at ${path.join(binDir, tool.name)}\n` +
        `  (built with: go install -ldflags '${tool.ldflags.join(' ')}' ${tool.module}@${tool.version}).`,
    );
  }
  const staging = fs.mkdtempSync(path.join(path.dirname(cached), `.build-${tool.name}-`));
  log(`building ${tool.name} ${tool.version} with ${goVersion} (first time only; a few minutes)`);
  const started = Date.now();
  const result = spawnSync(
    'go',
    ['install', '-trimpath', `-ldflags=${tool.ldflags.join(' ')}`, `${tool.module}@${tool.version}`],
    {
      cwd: os.tmpdir(),
      env: { ...process.env, GOBIN: staging, GOFLAGS: `${process.env.GOFLAGS || ''} -buildvcs=false`.trim(), CGO_ENABLED: '0' },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  if (result.status !== 0) {
    fs.rmSync(staging, { recursive: true, force: true });
    fail(
      `go install ${tool.module}@${tool.version} failed (exit ${result.status}).\n` +
        `  It needs the Go module proxy (GOPROXY=${process.env.GOPROXY || 'default'}); check network access to it, or provide the binary as above.`,
    );
  }
  const built = path.join(staging, path.basename(tool.module));
  fs.renameSync(built, cached); // atomic within the cache folder
  fs.rmSync(staging, { recursive: true, force: true });
  log(`built ${tool.name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function ensureTool(tool, cache) {
  const linked = path.join(binDir, tool.name);
  if (isPinned(linked, tool)) return;
  const fromPath = onPath(tool);
  if (fromPath) {
    log(`using ${tool.name} ${tool.version} from PATH (${fromPath})`);
    return;
  }
  const cached = path.join(cache, `${tool.name}-${tool.version}`, tool.name);
  fs.mkdirSync(path.dirname(cached), { recursive: true });
  if (!isPinned(cached, tool)) {
    fs.rmSync(cached, { force: true });
    buildIntoCache(tool, cached);
    const got = reportedVersion(cached, tool);
    if (got !== tool.version) fail(`${cached} reports version ${JSON.stringify(got)}, expected ${tool.version}`);
  }
  fs.mkdirSync(binDir, { recursive: true });
  fs.rmSync(linked, { force: true });
  fs.symlinkSync(cached, linked);
  log(`linked ${tool.name} ${tool.version} -> ${cached}`);
}

function ensureTools() {
  if (process.env.BVCHART_SKIP_TOOLS === '1') return;
  const { tools } = JSON.parse(fs.readFileSync(path.join(root, 'toolchain', 'tools.json'), 'utf8'));
  const cache = cacheRoot();
  for (const tool of tools) ensureTool(tool, cache);
}

// ---- 3. dist/ ---------------------------------------------------------------------------
const BUILD_CONFIG = path.join(root, 'tsconfig.build.json');
const BUILD_STAMP = path.join(root, 'dist', '.tsbuildinfo');

function newestSource(dir) {
  if (!fs.statSync(dir).isDirectory()) return fs.statSync(dir).mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts') || entry.name.endsWith('.json')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function ensureBuilt() {
  if (!fs.existsSync(BUILD_CONFIG)) return;
  const { include } = JSON.parse(fs.readFileSync(BUILD_CONFIG, 'utf8'));
  const sources = Math.max(fs.statSync(BUILD_CONFIG).mtimeMs, ...include.map((p) => (fs.existsSync(path.join(root, p)) ? newestSource(path.join(root, p)) : 0)));
  if (fs.existsSync(BUILD_STAMP) && fs.statSync(BUILD_STAMP).mtimeMs >= sources) return;
  log('compiling the library to dist/ (npm run build)');
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', BUILD_CONFIG], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    fs.rmSync(BUILD_STAMP, { force: true });
    fail(`tsc -p tsconfig.build.json failed (exit ${result.status})`);
  }
  // tsc leaves an up-to-date build info untouched; the stamp must still say "built now".
  const now = new Date();
  fs.utimesSync(BUILD_STAMP, now, now);
}

// ---- 4. control plane tools (with --control-plane: the end-to-end tests need them) ----
function ensureControlPlane() {
  if (!process.argv.includes('--control-plane') || process.env.BVCHART_SKIP_CONTROL_PLANE === '1') return;
  const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-controlplane.mjs')], { stdio: 'inherit' });
  if (result.status !== 0) {
    log('warning: the control plane could not be built; the end-to-end tests will be skipped (and fail under CI=true)');
  }
}

ensureNodeModules();
ensureTools();
ensureBuilt();
ensureControlPlane();
