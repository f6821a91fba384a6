// The bootstrap (plain Node) and the library (compiled TypeScript) name the cache entry of a
// Go helper built from our sources the same way: the bootstrap runs for real in a temporary
// copy of the project with a stub `go` on PATH (no network), and the library must then find,
// in that cache, exactly the builds the bootstrap made: yaml-decode (a tools.json tool with
// `source`, versioned `src-<digest>`) through locateTool, template-reads (an own helper) through
// templateReadsBinary. Both are looked up with .tools/bin/ gone, as in an installed package.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { goSourceDigest } from '../../scripts/go-source-digest.mjs';
import { locateTool, TOOL_PINS } from '../../toolchain/locate-tool.ts';
import { templateReadsBinary } from '../../toolchain/template-reads.ts';
import { bootstrapSandbox } from '../helpers/bootstrap-sandbox.ts';

// A stand-in for go: a "build" writes a script that prints the version the ldflags stamp in.
const STUB_GO = `#!/bin/sh
[ "$1" = version ] && { echo "go version go1.99 stub"; exit 0; }
out=""; prev=""; version=""
for a in "$@"; do
  [ "$prev" = "-o" ] && out="$a"
  case "$a" in -ldflags=*) version=$(printf '%s\\n' "$a" | sed -n 's/.*main\\.version=\\([^ ]*\\).*/\\1/p') ;; esac
  prev="$a"
done
printf '#!/bin/sh\\necho %s\\n' "$version" > "$out"
chmod +x "$out"
`;

afterEach(() => {
  vi.unstubAllEnvs();
});

it('the library finds the bootstrap-built Go helpers under the keys the bootstrap gave them', () => {
  const { root, bin } = bootstrapSandbox(
    'bvchart-digest-',
    ['scripts/bootstrap.mjs', 'scripts/cache-lock.mjs', 'scripts/go-source-digest.mjs', 'package-lock.json'],
    STUB_GO,
  );
  // Only the pinned tool built from our sources; the downloaded tools are not this test's.
  const yamlDecode = TOOL_PINS.find((t) => t.name === 'yaml-decode');
  expect(yamlDecode?.source).toBeDefined();
  fs.writeFileSync(path.join(root, 'toolchain', 'tools.json'), JSON.stringify({ tools: [yamlDecode] }));
  const cache = path.join(root, 'cache');
  const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'bootstrap.mjs')], {
    encoding: 'utf8',
    env: { PATH: `${bin}${path.delimiter}/usr/bin${path.delimiter}/bin`, HOME: root, BVCHART_TOOLS_CACHE: cache },
  });
  expect(result.status, result.stderr).toBe(0);

  const linked = (tool: string) => fs.realpathSync(path.join(root, '.tools', 'bin', tool));
  const built = { yamlDecode: linked('yaml-decode'), templateReads: linked('template-reads') };
  // The bootstrap checked the stub's build reports src-<digest>; the entries carry that digest.
  expect(path.relative(cache, built.yamlDecode)).toBe(
    path.join(`yaml-decode-src-${goSourceDigest(path.join(root, 'toolchain/go/yaml-decode'))}`, 'yaml-decode'),
  );
  expect(path.relative(cache, built.templateReads)).toBe(
    path.join(`template-reads-src-${goSourceDigest(path.join(root, 'toolchain/go/template-reads'))}`, 'template-reads'),
  );

  fs.rmSync(path.join(root, '.tools'), { recursive: true });
  vi.stubEnv('BVCHART_TOOLS_CACHE', cache);
  vi.stubEnv('PATH', '');
  vi.stubEnv('BVCHART_TEMPLATE_READS', '');
  expect(locateTool('yaml-decode', root)).toBe(built.yamlDecode);
  expect(templateReadsBinary(root)).toBe(built.templateReads);
});

it('the digest follows every Go source, go.mod and go.sum, and nothing else', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-digest-src-'));
  fs.writeFileSync(path.join(dir, 'main.go'), 'package main\n');
  fs.writeFileSync(path.join(dir, 'go.mod'), 'module x\n');
  const first = goSourceDigest(dir);
  expect(first).toMatch(/^[0-9a-f]{16}$/);
  fs.writeFileSync(path.join(dir, 'README.md'), 'not a source\n');
  expect(goSourceDigest(dir)).toBe(first);
  let previous = first;
  for (const [file, text] of [
    ['main.go', 'package main\n\n'],
    ['go.sum', 'x v1 h1:\n'],
    ['extra.go', 'package main\n'],
  ] as const) {
    fs.writeFileSync(path.join(dir, file), text);
    const next = goSourceDigest(dir);
    expect(next, file).not.toBe(previous);
    previous = next;
  }
});
