// Libraries and stages a run does not need are not loaded (core/load-on-demand.ts, the policy
// stage, the locator, the SARIF writer): `bvchart validate`
// of plain manifests whose validators are in the on-disk cache loads neither Ajv's compiler
// nor the `yaml` syntax tree; a document only the full decoder reads, and a cache miss, load
// them when met. Judged in a real `node bin/bvchart.js` process by Node's own module cache.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderSchemaLocations, SHARED_SCHEMAS_DIR } from '../../toolchain/kubeconform.ts';
import { REPO } from '../helpers/project.ts';

const BIN = path.join(REPO, 'bin', 'bvchart.js');
const SCHEMAS = ['--schema-location', SHARED_SCHEMAS_DIR, '--schema-location', folderSchemaLocations()[1] ?? ''];
const PLAIN = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\ndata:\n  k: v\n';
const ANCHORED = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: anchored\ndata:\n  a: &x v\n  b: *x\n';

const tmp = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

/** The packages (under node_modules; Ajv's parts apart) whose CommonJS files a run of `bvchart validate <file>` loaded. */
function packagesLoaded(manifest: string, cacheHome: string, status = 0): string[] {
  const dir = tmp('bvchart-lazy-');
  const file = path.join(dir, 'm.yaml');
  fs.writeFileSync(file, manifest);
  const report = path.join(dir, 'report.cjs');
  const out = path.join(dir, 'loaded.json');
  fs.writeFileSync(report, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(Object.keys(require.cache))));\n`);
  const run = spawnSync(process.execPath, ['--require', report, BIN, 'validate', '--rules', 'schema', '--kubernetes-version', '1.33.0', ...SCHEMAS, file], {
    encoding: 'utf8',
    env: { ...process.env, XDG_CACHE_HOME: cacheHome },
  });
  expect(run.status, run.stderr).toBe(status);
  const files = JSON.parse(fs.readFileSync(out, 'utf8')) as string[];
  return [
    ...new Set(
      files.filter((f) => !f.endsWith('package.json')).flatMap((f) => /node_modules\/((?:ajv\/dist\/(?:runtime|standalone|compile)|[^/]+))/.exec(f)?.[1] ?? []),
    ),
  ].sort();
}

describe('libraries load on demand', () => {
  const cacheHome = tmp('bvchart-lazy-cache-');

  it('a cache miss loads Ajv with its compiler and standalone generator', () => {
    const loaded = packagesLoaded(PLAIN, cacheHome);
    expect(loaded).toEqual(expect.arrayContaining(['ajv', 'ajv/dist/compile', 'ajv/dist/standalone']));
  });

  it('plain manifests with cached validators load neither Ajv nor the yaml syntax tree', () => {
    const loaded = packagesLoaded(PLAIN, cacheHome);
    expect(loaded).not.toContain('yaml');
    expect(loaded).not.toContain('ajv/dist/compile');
    expect(loaded).not.toContain('ajv/dist/standalone');
    expect(loaded).not.toContain('ajv');
  });

  it('a key written twice and an unrendered `{{x}}` template, as third-party examples have them, do not load the yaml syntax tree', () => {
    const duplicate = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: twice\ntype: Opaque\ntype: kubernetes.io/quobyte\n';
    const template = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: template\ndata:\n  config: {{config_data}}\n';
    expect(packagesLoaded(`${duplicate}---\n${template}`, cacheHome, 1)).not.toContain('yaml');
  });

  it('a document only the full decoder reads (an alias) loads the yaml package', () => {
    expect(packagesLoaded(ANCHORED, cacheHome)).toContain('yaml');
  });
});

/** Our own modules (paths under the package) an ES module run of `bvchart validate <file> ...args` loaded, seen by a module hook. */
function modulesLoaded(manifest: string, cacheHome: string, args: readonly string[]): string[] {
  const dir = tmp('bvchart-lazy-esm-');
  const file = path.join(dir, 'm.yaml');
  fs.writeFileSync(file, manifest);
  const out = path.join(dir, 'loaded.txt');
  const hooks = path.join(dir, 'hooks.mjs');
  fs.writeFileSync(
    hooks,
    `import fs from 'node:fs';\nexport async function load(url, context, next) { fs.appendFileSync(${JSON.stringify(out)}, url + '\\n'); return next(url, context); }\n`,
  );
  const register = path.join(dir, 'register.mjs');
  fs.writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(`file://${hooks}`)});\n`);
  const run = spawnSync(process.execPath, ['--import', register, BIN, 'validate', '--kubernetes-version', '1.33.0', ...SCHEMAS, ...args, file], {
    encoding: 'utf8',
    env: { ...process.env, XDG_CACHE_HOME: cacheHome },
  });
  expect(run.status, run.stderr).toBe(0);
  const root = `file://${REPO}/`;
  return fs
    .readFileSync(out, 'utf8')
    .split('\n')
    .filter((u) => u.startsWith(root) && !u.includes('/node_modules/'))
    .map((u) => u.slice(root.length));
}

describe('stages load on demand', () => {
  const cacheHome = tmp('bvchart-lazy-stages-');
  const stageModules = (loaded: readonly string[]) => ({
    rules: loaded.some((m) => m.includes('validator/policy/rules/')),
    policyStage: loaded.some((m) => m.includes('validator/policy/policy-stage.')),
    locator: loaded.some((m) => m.includes('validator/locate/locate-findings.')),
    sarif: loaded.some((m) => m.includes('validator/report/sarif-report.')),
  });

  it.each([
    ['plain manifests, default sets (schema): no policy rule, locator or SARIF writer', [], { rules: false, policyStage: false, locator: false, sarif: false }],
    [
      '--rules schema,hardening loads the policy stage and its rules',
      ['--rules', 'schema,hardening'],
      { rules: true, policyStage: true, locator: false, sarif: false },
    ],
    ['-o sarif loads the SARIF writer (it lists every rule)', ['-o', 'sarif'], { rules: true, policyStage: false, locator: false, sarif: true }],
  ])('%s', (_name, args, expected) => {
    expect(stageModules(modulesLoaded(PLAIN, cacheHome, args))).toEqual(expected);
  });
});
