#!/usr/bin/env node
// Builds the pieces of a real Kubernetes control plane from source, through the Go module
// proxy, for the end-to-end tests (test/e2e/): kube-apiserver, kube-controller-manager and
// kube-scheduler of one Kubernetes release, etcd, KWOK (simulated nodes) and the OCI
// distribution registry. Plain Node, like bootstrap.mjs, and built the same way: once per
// user into a cache keyed by version, then linked into the git-ignored .tools/bin/.
//
// k8s.io/kubernetes is not meant to be consumed as a module: its go.mod replaces every
// k8s.io/* staging module with a local path. The wrapper module written here maps each of
// those to its published v0.X.Y, with the lines generated from the release's own go.mod.
// etcd's server module likewise builds through a wrapper whose main calls etcdmain.Main.
//
// Usage: node scripts/build-controlplane.mjs   (BVCHART_TOOLS_CACHE overrides the cache)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toolsCacheRoot, withCacheLock } from './cache-lock.mjs';
import { kubernetesWrapperGoMod } from './kubernetes-wrapper.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const binDir = path.join(root, '.tools', 'bin');
const { controlPlane: pins } = JSON.parse(fs.readFileSync(path.join(root, 'toolchain', 'tools.json'), 'utf8'));

const log = (m) => process.stderr.write(`build-controlplane: ${m}\n`);
function fail(m) {
  process.stderr.write(`build-controlplane: error: ${m}\n`);
  process.exit(1);
}

function go(args, cwd, env = {}) {
  const started = Date.now();
  const r = spawnSync('go', args, {
    cwd,
    env: { ...process.env, CGO_ENABLED: '0', GOFLAGS: '-mod=mod -buildvcs=false', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.error) fail(`could not run go (${r.error.message}); install Go 1.26 or newer`);
  if (r.status !== 0) fail(`go ${args.join(' ')} failed (exit ${r.status}) in ${cwd}`);
  return (Date.now() - started) / 1000;
}

function goJson(args, cwd) {
  const r = spawnSync('go', args, { cwd, encoding: 'utf8', env: { ...process.env, GOFLAGS: '-mod=mod' } });
  if (r.status !== 0) fail(`go ${args.join(' ')}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

function linkAll(dir, names) {
  fs.mkdirSync(binDir, { recursive: true });
  for (const name of names) {
    const target = path.join(binDir, name);
    fs.rmSync(target, { force: true });
    fs.symlinkSync(path.join(dir, name), target);
  }
}

function built(dir, names) {
  return names.every((n) => fs.existsSync(path.join(dir, n)));
}

function buildKubernetes(cache) {
  const version = pins.kubernetes;
  const dir = path.join(cache, `kubernetes-${version}`);
  const names = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler'];
  // Each cache entry is built under its lock: two clones never write the same module or .tmp files.
  if (!built(dir, names))
    withCacheLock(
      dir,
      () => {
        if (built(dir, names)) return;
        const work = path.join(dir, 'module');
        fs.mkdirSync(work, { recursive: true });
        const info = goJson(['mod', 'download', '-json', `k8s.io/kubernetes@${version}`], os.tmpdir());
        fs.writeFileSync(path.join(work, 'go.mod'), kubernetesWrapperGoMod(fs.readFileSync(info.GoMod, 'utf8'), version));
        fs.writeFileSync(path.join(work, 'wrapper.go'), 'package wrapper\n');
        const minor = /^v1\.(\d+)\./.exec(version)?.[1] ?? '0';
        const ldflags = [
          '-s -w',
          `-X k8s.io/component-base/version.gitVersion=${version}`,
          '-X k8s.io/component-base/version.gitMajor=1',
          `-X k8s.io/component-base/version.gitMinor=${minor}`,
          '-X k8s.io/component-base/version.gitTreeState=clean',
          '-X k8s.io/component-base/version.buildDate=1970-01-01T00:00:00Z',
        ].join(' ');
        for (const name of names) {
          log(`building ${name} ${version} (first time only; several minutes)`);
          const seconds = go(['build', '-trimpath', `-ldflags=${ldflags}`, '-o', path.join(dir, `${name}.tmp`), `k8s.io/kubernetes/cmd/${name}`], work);
          fs.renameSync(path.join(dir, `${name}.tmp`), path.join(dir, name));
          log(`built ${name} in ${seconds.toFixed(0)} s`);
        }
      },
      { log },
    );
  linkAll(dir, names);
}

function buildEtcd(cache) {
  const version = pins.etcd;
  const dir = path.join(cache, `etcd-${version}`);
  if (!built(dir, ['etcd']))
    withCacheLock(
      dir,
      () => {
        if (built(dir, ['etcd'])) return;
        const work = path.join(dir, 'module');
        fs.mkdirSync(work, { recursive: true });
        fs.writeFileSync(path.join(work, 'go.mod'), `module bvchart.local/etcd\n\ngo 1.25\n\nrequire go.etcd.io/etcd/server/v3 ${version}\n`);
        fs.writeFileSync(
          path.join(work, 'main.go'),
          'package main\n\nimport (\n\t"os"\n\n\t"go.etcd.io/etcd/server/v3/etcdmain"\n)\n\nfunc main() { etcdmain.Main(os.Args) }\n',
        );
        log(`building etcd ${version}`);
        const seconds = go(
          ['build', '-trimpath', `-ldflags=-s -w -X go.etcd.io/etcd/api/v3/version.GitSHA=${version}`, '-o', path.join(dir, 'etcd.tmp'), '.'],
          work,
        );
        fs.renameSync(path.join(dir, 'etcd.tmp'), path.join(dir, 'etcd'));
        log(`built etcd in ${seconds.toFixed(0)} s`);
      },
      { log },
    );
  linkAll(dir, ['etcd']);
}

function installTool(cache, name, module, version, binary) {
  const dir = path.join(cache, `${name}-${version}`);
  if (!built(dir, [name]))
    withCacheLock(
      dir,
      () => {
        if (built(dir, [name])) return;
        fs.mkdirSync(dir, { recursive: true });
        const staging = fs.mkdtempSync(path.join(dir, '.build-'));
        log(`building ${name} ${version}`);
        const seconds = go(['install', '-trimpath', '-ldflags=-s -w', `${module}@${version}`], os.tmpdir(), { GOBIN: staging, GOFLAGS: '-buildvcs=false' });
        fs.renameSync(path.join(staging, binary), path.join(dir, name));
        fs.rmSync(staging, { recursive: true, force: true });
        log(`built ${name} in ${seconds.toFixed(0)} s`);
      },
      { log },
    );
  linkAll(dir, [name]);
}

const cache = toolsCacheRoot();
fs.mkdirSync(cache, { recursive: true });
buildEtcd(cache);
installTool(cache, 'kwok', 'sigs.k8s.io/kwok/cmd/kwok', pins.kwok, 'kwok');
installTool(cache, 'registry', 'github.com/distribution/distribution/v3/cmd/registry', pins.registry, 'registry');
buildKubernetes(cache);
log('control plane tools ready in .tools/bin/');
