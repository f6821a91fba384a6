#!/usr/bin/env node
// Bootstrap: the pre-step of `npm run gen` and `npm test`, in plain Node so it runs on a
// fresh clone before any dependency is installed.
//
//   1. npm dependencies: `npm ci` when node_modules is missing or was installed from
//      another package-lock.json.
//   2. Pinned tools (toolchain/tools.json): helm3, helm4, kubeconform, kube-score and netpol-oracle, each built once
//      with `go install` into a per-user cache keyed by name and version, then linked into
//      the git-ignored .tools/bin/. A second clone links the cached binaries, no rebuild.
//      A tool already on PATH at the pinned version is used as it is. A tool with `source`
//      (a Go module of ours, e.g. toolchain/go/yaml-decode) is built from that folder; its
//      version is the digest of its sources, so editing them rebuilds it.
//
//   2b. Our own Go helpers under toolchain/go/ (template-reads: the value reads of the chart's
//      templates, for the generator), built with `go build` into the same cache, keyed by
//      a digest of their sources, and linked into .tools/bin/.
//
//   3. dist/: the compiled library that bin/bvchart.js runs (`npm run build`), rebuilt when
//      a TypeScript source is newer than the last build. Skipped in an installed package,
//      which ships dist/ (and has no tsconfig).
//
//   4. With --control-plane (npm test): the Kubernetes control plane, etcd, KWOK and the OCI
//      registry for the end-to-end tests (scripts/build-controlplane.mjs), same cache.
//
// Environment: BVCHART_TOOLS_CACHE overrides the cache folder (default
// $XDG_CACHE_HOME/bvchart/tools when that is an absolute path, else ~/.cache/bvchart/tools);
// BVCHART_SKIP_TOOLS=1 skips step 2;
// BVCHART_SKIP_CONTROL_PLANE=1 skips step 3.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toolsCacheRoot, withCacheLock } from './cache-lock.mjs';
import { goSourceDigest } from './go-source-digest.mjs';

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
/** The version string a binary reports, or undefined when it cannot run. */
function reportedVersion(binary, tool) {
  const result = spawnSync(binary, tool.versionArgs, { encoding: 'utf8', timeout: 30_000 });
  if (result.error || result.status !== 0) return undefined;
  return `${result.stdout}${result.stderr}`.trim();
}

function isPinned(binary, tool) {
  // versionOutput: the whole output, for tools that print more than the version (kube-score).
  return fs.existsSync(binary) && reportedVersion(binary, tool) === (tool.versionOutput ?? tool.version);
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
  // A tool with `source` is our own Go program in the repository (pinned go.mod/go.sum): go build it there.
  const args = tool.source
    ? ['build', '-trimpath', `-ldflags=${tool.ldflags.join(' ')}`, '-o', path.join(staging, tool.name), '.']
    : ['install', '-trimpath', `-ldflags=${tool.ldflags.join(' ')}`, `${tool.module}@${tool.version}`];
  const result = spawnSync('go', args, {
    cwd: tool.source ? path.join(root, tool.source) : os.tmpdir(),
    env: { ...process.env, GOBIN: staging, GOFLAGS: `${process.env.GOFLAGS || ''} -buildvcs=false`.trim(), CGO_ENABLED: '0' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) {
    fs.rmSync(staging, { recursive: true, force: true });
    fail(
      `go ${args.join(' ')}${tool.source ? ` (in ${tool.source})` : ''} failed (exit ${result.status}).\n` +
        `  It needs the Go module proxy (GOPROXY=${process.env.GOPROXY || 'default'}); check network access to it, or provide the binary as above.`,
    );
  }
  const built = path.join(staging, tool.source ? tool.name : path.basename(tool.module));
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
    withCacheLock(
      path.dirname(cached),
      () => {
        if (isPinned(cached, tool)) return; // built by another clone while this one waited
        fs.rmSync(cached, { force: true });
        buildIntoCache(tool, cached);
        const got = reportedVersion(cached, tool);
        if (got !== (tool.versionOutput ?? tool.version)) fail(`${cached} reports version ${JSON.stringify(got)}, expected ${tool.version}`);
      },
      { log },
    );
  }
  fs.mkdirSync(binDir, { recursive: true });
  fs.rmSync(linked, { force: true });
  fs.symlinkSync(cached, linked);
  log(`linked ${tool.name} ${tool.version} -> ${cached}`);
}

/** A tool built from our own Go sources: its version is the digest of those sources. */
function fromSource(tool) {
  if (!tool.source || tool.version) return tool; // a pinned version (netpol-oracle) is what it reports
  const version = `src-${goSourceDigest(path.join(root, tool.source))}`;
  return { ...tool, version, ldflags: [...tool.ldflags, `-X main.version=${version}`] };
}

function ensureTools() {
  if (process.env.BVCHART_SKIP_TOOLS === '1') return;
  const { tools } = JSON.parse(fs.readFileSync(path.join(root, 'toolchain', 'tools.json'), 'utf8'));
  const cache = toolsCacheRoot();
  for (const tool of tools) ensureTool(fromSource(tool), cache);
}

// ---- 2b. our own Go helpers (toolchain/go/<name>/, e.g. template-reads) ---------------
// Built with `go build` from the sources in this repository (their go.mod/go.sum pin any
// module), cached under a key made of the sources' digest (scripts/go-source-digest.mjs),
// linked into .tools/bin/.
function ensureOwnTool(name, cache) {
  const source = path.join(root, 'toolchain', 'go', name);
  const cached = path.join(cache, `${name}-src-${goSourceDigest(source)}`, name);
  const linked = path.join(binDir, name);
  if (!fs.existsSync(cached)) withCacheLock(path.dirname(cached), () => buildOwnTool(name, source, cached), { log });
  if (fs.existsSync(linked) && fs.realpathSync(linked) === cached) return;
  fs.mkdirSync(binDir, { recursive: true });
  fs.rmSync(linked, { force: true });
  fs.symlinkSync(cached, linked);
  log(`linked ${name} -> ${cached}`);
}

function buildOwnTool(name, source, cached) {
  if (fs.existsSync(cached)) return; // built by another clone while this one waited
  if (!goAvailable()) fail(`${name} (toolchain/go/${name}) must be built and Go is not installed: install Go 1.24 or newer`);
  fs.mkdirSync(path.dirname(cached), { recursive: true });
  const staging = fs.mkdtempSync(path.join(path.dirname(cached), `.build-${name}-`));
  log(`building ${name} from toolchain/go/${name}`);
  const result = spawnSync('go', ['build', '-trimpath', '-ldflags=-s -w', '-o', path.join(staging, name), '.'], {
    cwd: source,
    env: { ...process.env, CGO_ENABLED: '0', GOFLAGS: `${process.env.GOFLAGS || ''} -buildvcs=false`.trim() },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) {
    fs.rmSync(staging, { recursive: true, force: true });
    fail(`go build of toolchain/go/${name} failed (exit ${result.status})`);
  }
  fs.renameSync(path.join(staging, name), cached);
  fs.rmSync(staging, { recursive: true, force: true });
}

function ensureOwnTools() {
  const dir = path.join(root, 'toolchain', 'go');
  // Helpers pinned in tools.json with `source` (netpol-oracle, yaml-decode) are built by step 2.
  const { tools } = JSON.parse(fs.readFileSync(path.join(root, 'toolchain', 'tools.json'), 'utf8'));
  const pinned = new Set(tools.filter((t) => t.source).map((t) => path.basename(t.source)));
  for (const name of fs.readdirSync(dir).sort()) if (!pinned.has(name)) ensureOwnTool(name, toolsCacheRoot());
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
  const sources = Math.max(
    fs.statSync(BUILD_CONFIG).mtimeMs,
    ...include.map((p) => (fs.existsSync(path.join(root, p)) ? newestSource(path.join(root, p)) : 0)),
  );
  if (fs.existsSync(BUILD_STAMP) && fs.statSync(BUILD_STAMP).mtimeMs >= sources) return;
  log('compiling the library to dist/ (npm run build)');
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', BUILD_CONFIG], {
    cwd: root,
    stdio: 'inherit',
  });
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
ensureOwnTools();
ensureBuilt();
ensureControlPlane();
