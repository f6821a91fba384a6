// The npm package as a user gets it: `npm pack`, installed from the tarball into an empty
// folder (offline, from npm's cache), then run there. It must carry everything it needs at
// run time (compiled JavaScript, declarations, the generator's templates, the chart, the
// tool pins) and no TypeScript loader; tools are found where the bootstrap built them.
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { SHARED_SCHEMAS_DIR } from '../../toolchain/kubeconform.ts';
import { DEFAULT_LOCATION, expandLocation, templateVariables } from '../../validator/schemas/schema-location.ts';
import { REPO, treeDigest } from '../helpers/project.ts';
import { CHART, CRD_API_VERSIONS } from '../helpers/scenarios.ts';

let work: string;
let installed: string;

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  // No project folders on PATH: the installed package must find its tools by itself.
  const PATH = (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((d) => !d.startsWith(REPO))
    .join(path.delimiter);
  return spawnSync(command, [...args], { cwd, encoding: 'utf8', env: { ...process.env, PATH, ...env }, timeout: 600_000 });
}

const npx = (args: readonly string[], env: NodeJS.ProcessEnv = {}) => run('npx', ['--no', '--', 'bvchart', ...args], work, env);
const schemaArgs = [
  '--schema-location',
  SHARED_SCHEMAS_DIR,
  '--schema-location',
  `${SHARED_SCHEMAS_DIR}/crds/{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json`,
];

interface LockEntry {
  readonly version?: string;
  readonly dev?: boolean;
  readonly dependencies?: Record<string, string>;
  readonly bin?: Record<string, string>;
  readonly engines?: Record<string, string>;
}

/**
 * An empty project that depends on the tarball, locked to the versions this repository's
 * package-lock.json resolves for bvchart's own (non-dev) dependencies: `npm ci --offline`
 * then installs from npm's cache alone (warm from the repository's own `npm ci`), which
 * holds the locked packages but not the registry metadata a fresh resolution would need.
 */
function writeConsumerProject(dir: string, tarball: string): void {
  const lock = JSON.parse(fs.readFileSync(path.join(REPO, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const self = lock.packages[''] ?? {};
  const dependencies = Object.entries(lock.packages).filter(([key, entry]) => key.startsWith('node_modules/') && !entry.dev);
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    `${JSON.stringify({ name: 'try-bvchart', private: true, dependencies: { bvchart: `file:${tarball}` } }, null, 2)}\n`,
  );
  const packages = {
    '': { name: 'try-bvchart', dependencies: { bvchart: `file:${tarball}` } },
    'node_modules/bvchart': { version: self.version, resolved: `file:${tarball}`, dependencies: self.dependencies, bin: self.bin, engines: self.engines },
    ...Object.fromEntries(dependencies),
  };
  fs.writeFileSync(path.join(dir, 'package-lock.json'), `${JSON.stringify({ name: 'try-bvchart', lockfileVersion: 3, requires: true, packages }, null, 2)}\n`);
}

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-pack-'));
  const packed = run('npm', ['pack', '--pack-destination', work, '--silent'], REPO);
  expect(packed.status, packed.stderr).toBe(0);
  const tarball = path.join(work, packed.stdout.trim().split('\n').at(-1) ?? '');
  writeConsumerProject(work, path.basename(tarball));
  const install = run('npm', ['ci', '--offline', '--no-audit', '--no-fund'], work);
  expect(install.status, install.stderr).toBe(0);
  installed = path.join(work, 'node_modules', 'bvchart');
}, 600_000);

describe('the packed npm package, installed into an empty folder', () => {
  it('ships compiled JavaScript with declarations and no TypeScript sources or loader', () => {
    const files = Object.keys(treeDigest(installed));
    expect(files).toContain(path.join('dist', 'cli', 'bvchart.js'));
    expect(files).toContain(path.join('dist', 'validator', 'validate.d.ts'));
    expect(files).toContain(path.join('generator', 'templates', 'chart', 'templates', 'statefulset.yaml'));
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    expect(fs.existsSync(path.join(work, 'node_modules', 'tsx'))).toBe(false);
  });

  // `bvchart explore --local-control-plane` starts KWOK with its stages file: the compiled
  // module must find it in the installed package (it once looked beside dist/, where tsc copies nothing).
  it('the compiled control-plane harness finds its KWOK stages file in the installed package', () => {
    const module = path.join(installed, 'dist', 'toolchain', 'control-plane', 'cluster.js');
    const r = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', `import(${JSON.stringify(pathToFileURL(module).href)}).then((m) => process.stdout.write(m.KWOK_STAGES))`],
      { encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.startsWith(installed)).toBe(true);
    expect(fs.readFileSync(r.stdout, 'utf8')).toContain('name: pod-ready-again');
  });

  it('npx bvchart --help', () => {
    const r = npx(['--help']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('usage: bvchart <command>');
  });

  it('npx bvchart validate <chart> with local schemas', () => {
    const r = npx([
      'validate',
      CHART,
      '-f',
      path.join(REPO, 'values', 'production-aws.yaml'),
      '--kubernetes-version',
      '1.29.0,1.36.0',
      ...schemaArgs,
      ...CRD_API_VERSIONS.flatMap((a) => ['--api-versions', a]),
      '--summary',
    ]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^0 error\(s\).* in 4 render\(s\); schemas: \d+ valid, 0 invalid, 0 errors, 0 skipped/);
    expect(r.status).toBe(0);
  });

  it("without schema locations: kubeconform's default catalogue, read from the disk cache, and it says so", () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-xdg-'));
    const url = expandLocation(DEFAULT_LOCATION, templateVariables('Service', 'v1', '1.36.0', true));
    const cached = path.join(cache, 'bvchart', 'schemas', `${createHash('sha256').update(url).digest('hex')}.json`);
    fs.mkdirSync(path.dirname(cached), { recursive: true });
    fs.copyFileSync(path.join(SHARED_SCHEMAS_DIR, 'v1.36.0-standalone-strict', 'service-v1.json'), cached);
    const manifest = path.join(work, 'service.yaml');
    fs.writeFileSync(manifest, 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}\n');
    const r = npx(['validate', manifest, '--summary', '--fail-on', 'error'], { XDG_CACHE_HOME: cache });
    expect(r.stderr).toContain("no --schema-location given; Kubernetes schemas come from kubeconform's default catalogue");
    expect(r.stderr).toContain(path.dirname(cached));
    expect(r.stdout).toContain('schemas: 1 valid, 0 invalid, 0 errors');
  });

  it('bvchart gen --root <dir> generates the committed chart from the shipped schema, and verifies it', () => {
    const root = path.join(work, 'project');
    fs.cpSync(path.join(installed, 'schema'), path.join(root, 'schema'), { recursive: true });
    const r = run(path.join(work, 'node_modules', '.bin', 'bvchart'), ['gen', '--root', root], work, { BVCHART_SCHEMAS_DIR: SHARED_SCHEMAS_DIR });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('bvchart gen: chart generated and validated.');
    expect(treeDigest(path.join(root, 'chart'))).toEqual(treeDigest(CHART));
  });
});
