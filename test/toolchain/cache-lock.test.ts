// Two clones building the same tools at once into one shared cache: each cache entry is built
// once, under its lock, and both clones end with complete binaries. The build scripts run
// for real from a temporary copy of the project, with a stub `go` on PATH (no network) that
// records every build and notices when two write the same output at once.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { goSourceDigest } from '../../scripts/go-source-digest.mjs';
import { bootstrapSandbox } from '../helpers/bootstrap-sandbox.ts';

const STUB_GO = `#!/bin/sh
# A stand-in for go: "builds" write a small script after a pause, logging each start.
log() { echo "$$ $*" >> "$STUB_LOG"; }
out=""; prev=""; target=""
for a in "$@"; do
  [ "$prev" = "-o" ] && out="$a"
  prev="$a"; target="$a"
done
case "$1" in
  version) echo "go version go1.99 stub"; exit 0 ;;
  mod) printf '{"GoMod": "%s"}\\n' "$STUB_GOMOD"; exit 0 ;;
  install) out="$GOBIN/$(basename "\${target%@*}")" ;;
esac
log "build $out"
mkdir "$out.writing" 2>/dev/null || log "COLLISION $out"
sleep 3
printf '#!/bin/sh\\necho built by the stub\\n' > "$out"
chmod +x "$out"
rmdir "$out.writing" 2>/dev/null
exit 0
`;

/** A temporary project holding the scripts and what they read, and a stub go on PATH. */
function sandbox(): { root: string; cache: string; env: NodeJS.ProcessEnv; log: string } {
  const { root, bin } = bootstrapSandbox(
    'bvchart-lock-',
    [
      'scripts/bootstrap.mjs',
      'scripts/build-controlplane.mjs',
      'scripts/cache-lock.mjs',
      'scripts/go-source-digest.mjs',
      'scripts/kubernetes-wrapper.mjs',
      'toolchain/tools.json',
      'package-lock.json',
    ],
    STUB_GO,
  );
  const goMod = path.join(root, 'kubernetes.go.mod');
  fs.writeFileSync(goMod, 'module k8s.io/kubernetes\n\ngo 1.26.0\n\nreplace (\n\tk8s.io/api => ./staging/src/k8s.io/api\n)\n');
  const cache = path.join(root, 'cache');
  const log = path.join(root, 'go.log');
  const env = {
    ...process.env,
    PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
    BVCHART_TOOLS_CACHE: cache,
    BVCHART_SKIP_TOOLS: '1',
    STUB_LOG: log,
    STUB_GOMOD: goMod,
  };
  return { root, cache, env, log };
}

function run(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('close', (code) => resolve({ code, output }));
  });
}

const builds = (log: string) => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n') : []);

describe.each([
  ['scripts/bootstrap.mjs', ['template-reads']],
  ['scripts/build-controlplane.mjs', ['etcd', 'kwok', 'registry', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler']],
])('%s', (script, tools) => {
  it('two clones at once: each tool is built once, both end with complete binaries, no lock left', async () => {
    const box = sandbox();
    const [a, b] = await Promise.all([run(script, box.root, box.env), run(script, box.root, box.env)]);
    expect(a.code, a.output).toBe(0);
    expect(b.code, b.output).toBe(0);
    const log = builds(box.log);
    expect(
      log.filter((l) => l.includes('COLLISION')),
      log.join('\n'),
    ).toEqual([]);
    expect(log.filter((l) => / build /.test(l))).toHaveLength(tools.length);
    expect(`${a.output}${b.output}`).toMatch(/waiting for pid \d+ to finish building/);
    for (const tool of tools) {
      const linked = path.join(box.root, '.tools', 'bin', tool);
      expect(spawnSync(linked, { encoding: 'utf8' }).stdout, tool).toBe('built by the stub\n');
    }
    const leftovers = fs
      .readdirSync(box.cache, { recursive: true })
      .map(String)
      .filter((f) => /\.lock|\.build-|\.tmp$|\.writing/.test(f));
    expect(leftovers).toEqual([]);
  }, 180_000);
});

it('takes over a lock whose owner is gone', async () => {
  const box = sandbox();
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  const source = path.join(box.root, 'toolchain', 'go', 'template-reads');
  // The bootstrap's cache entry for template-reads: its name carries a digest of the sources.
  const lock = path.join(box.cache, `template-reads-src-${goSourceDigest(source)}.lock`);
  fs.mkdirSync(lock, { recursive: true });
  fs.writeFileSync(path.join(lock, 'owner.json'), JSON.stringify({ pid: Number(dead.stdout), host: os.hostname(), started: Date.now() }));
  const result = await run('scripts/bootstrap.mjs', box.root, box.env);
  expect(result.code, result.output).toBe(0);
  expect(result.output).toContain(`took over the stale lock ${lock} (its owner, pid ${dead.stdout}, is gone)`);
  expect(fs.existsSync(lock)).toBe(false);
  expect(spawnSync(path.join(box.root, '.tools', 'bin', 'template-reads'), { encoding: 'utf8' }).stdout).toBe('built by the stub\n');
}, 60_000);
