// Compiled validators cached on disk (Ajv standalone code by schema digest): a validator
// loaded from the cache gives the verdict and the errors (all but schema paths: cached
// validators share repeated subschemas) of one Ajv compiles in memory from the schema, on the
// real Kubernetes and CRD schemas (including an RE2 `(?i)` pattern); the second process
// (registry) loads instead of compiling; a changed schema gets a new entry; a damaged
// entry is recompiled.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_SCHEMAS_DIR } from '../../toolchain/kubeconform.ts';
import { createKubeAjv } from '../../validator/schemas/kube-ajv.ts';
import { ValidatorCache, validatorDigest } from '../../validator/schemas/validator-cache.ts';
import { REPO } from '../helpers/project.ts';

const schemaText = (file: string) => fs.readFileSync(path.join(SHARED_SCHEMAS_DIR, file), 'utf8');
const DEPLOYMENT = 'v1.33.0-standalone-strict/deployment-apps-v1.json';
const PROMETHEUS_RULE = 'crds/monitoring.coreos.com/prometheusrule_v1.json';

const deployment = (spec: Record<string, unknown>) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec });
const podTemplate = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } };
const rule = (strategy: string) => ({
  apiVersion: 'monitoring.coreos.com/v1',
  kind: 'PrometheusRule',
  metadata: { name: 'r' },
  spec: { groups: [{ name: 'g', partial_response_strategy: strategy, rules: [{ alert: 'A', expr: 'up == 0', for: '5m' }] }] },
});

const CASES = [
  ['valid Deployment', DEPLOYMENT, deployment({ selector: { matchLabels: { app: 'web' } }, template: podTemplate })],
  ['unknown field (strict)', DEPLOYMENT, deployment({ selector: { matchLabels: { app: 'web' } }, template: podTemplate, bogus: 1 })],
  ['wrong types and a missing required field', DEPLOYMENT, deployment({ replicas: 'three', template: { spec: { containers: [{ image: 1 }] } } })],
  ['RE2 (?i) pattern, upper case accepted', PROMETHEUS_RULE, rule('ABORT')],
  ['RE2 (?i) pattern, other value refused', PROMETHEUS_RULE, rule('retry')],
  ['duration pattern refused', PROMETHEUS_RULE, { ...rule('warn'), spec: { groups: [{ name: 'g', rules: [{ alert: 'A', expr: 'x', for: '5 minutes' }] }] } }],
] as const;

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-validators-'));

/** Errors as findings read them: the cached validator shares repeated subschemas, so only schema paths differ. */
const asFound = (errors: readonly object[] | null | undefined) =>
  errors ? errors.map((e) => Object.fromEntries(Object.entries(JSON.parse(JSON.stringify(e)) as object).filter(([k]) => k !== 'schemaPath'))) : null;

describe('a validator from the disk cache equals one compiled in memory', () => {
  const dir = tmp();
  // First pass writes the cache; the second reads it.
  new ValidatorCache(dir).get(createKubeAjv, schemaText(DEPLOYMENT));
  new ValidatorCache(dir).get(createKubeAjv, schemaText(PROMETHEUS_RULE));

  it.each(CASES)('%s', (_name, file, object) => {
    const fresh = createKubeAjv().compile(JSON.parse(schemaText(file)) as object);
    const cache = new ValidatorCache(dir);
    const cached = cache.get(createKubeAjv, schemaText(file));
    expect(cache.stats).toMatchObject({ hits: 1, compiled: 0 });
    expect(cached(object)).toBe(fresh(object));
    expect(asFound(cached.errors)).toEqual(asFound(fresh.errors));
  });

  it('the verdicts differ across the table (the cases test something)', () => {
    const verdicts = CASES.map(([, file, object]) => createKubeAjv().compile(JSON.parse(schemaText(file)) as object)(object));
    expect(verdicts).toEqual([true, false, false, true, false, false]);
  });
});

describe('cache entries', () => {
  it('are named by the digest of the schema: a changed schema compiles anew', () => {
    const dir = tmp();
    const text = schemaText(DEPLOYMENT);
    const changed = text.replace('"replicas":{', '"replicas":{"maximum":5,');
    expect(changed).not.toBe(text);
    const cache = new ValidatorCache(dir);
    cache.get(createKubeAjv, text);
    const validate = cache.get(createKubeAjv, changed);
    expect(cache.stats).toEqual({ hits: 0, compiled: 2, codeCacheHits: 0 });
    expect(fs.readdirSync(dir).sort()).toEqual([`${validatorDigest(text)}.cjs`, `${validatorDigest(changed)}.cjs`].sort());
    expect(validate(deployment({ replicas: 9, selector: { matchLabels: { app: 'web' } }, template: podTemplate }))).toBe(false);
  });

  it('a damaged entry is compiled again and replaced', () => {
    const dir = tmp();
    const text = schemaText(DEPLOYMENT);
    fs.writeFileSync(path.join(dir, `${validatorDigest(text)}.cjs`), 'module.exports = (');
    const cache = new ValidatorCache(dir);
    const validate = cache.get(createKubeAjv, text);
    expect(cache.stats).toEqual({ hits: 0, compiled: 1, codeCacheHits: 0 });
    expect(validate(deployment({ bogus: 1 }))).toBe(false);
    const again = new ValidatorCache(dir);
    again.get(createKubeAjv, text);
    expect(again.stats).toMatchObject({ hits: 1, compiled: 0 });
  });
});

// V8 keeps its own in-memory compilation cache per process, so a second load in this process
// would not read the code cache from disk: each load runs in its own Node process (the
// compiled library in dist/, as `bvchart` runs it).
interface ChildLoad {
  readonly stats: { hits: number; compiled: number; codeCacheHits: number };
  readonly valid: boolean;
  readonly errors: unknown;
}

function loadInChild(dir: string, schemaFile: string, object: unknown): ChildLoad {
  const dist = path.join(REPO, 'dist', 'validator', 'schemas');
  const script = [
    `import fs from 'node:fs';`,
    `import { ValidatorCache } from ${JSON.stringify(path.join(dist, 'validator-cache.js'))};`,
    `import { createKubeAjv } from ${JSON.stringify(path.join(dist, 'kube-ajv.js'))};`,
    `const cache = new ValidatorCache(${JSON.stringify(dir)});`,
    `const validate = cache.get(createKubeAjv, fs.readFileSync(${JSON.stringify(path.join(SHARED_SCHEMAS_DIR, schemaFile))}, 'utf8'));`,
    `const valid = validate(${JSON.stringify(object)});`,
    `process.stdout.write(JSON.stringify({ stats: cache.stats, valid, errors: validate.errors ?? null }));`,
  ].join('\n');
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as ChildLoad;
}

describe("V8's code cache beside each validator", () => {
  const codeCaches = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.cache'));

  it('the first load from the cache stores it, the next process takes the compiled code from it, and verdicts stay the same', () => {
    const dir = tmp();
    const text = schemaText(DEPLOYMENT);
    const cases = CASES.filter(([, file]) => file === DEPLOYMENT);
    expect(cases.length).toBe(3);
    expect(loadInChild(dir, DEPLOYMENT, {}).stats).toEqual({ hits: 0, compiled: 1, codeCacheHits: 0 });
    expect(codeCaches(dir)).toEqual([]);
    expect(loadInChild(dir, DEPLOYMENT, {}).stats).toEqual({ hits: 1, compiled: 0, codeCacheHits: 0 });
    const codeFiles = fs.readdirSync(dir).filter((f) => f.endsWith('.cjs'));
    expect(codeFiles.length).toBe(1);
    expect(codeCaches(dir)).toEqual([`${codeFiles[0]}.v8-${process.versions.v8}.cache`]);
    const fresh = createKubeAjv().compile(JSON.parse(text) as object);
    for (const [, , object] of cases) {
      const child = loadInChild(dir, DEPLOYMENT, object);
      expect(child.stats).toEqual({ hits: 1, compiled: 0, codeCacheHits: 1 });
      expect(child.valid).toBe(fresh(object));
      expect(asFound(child.errors as object[] | null)).toEqual(asFound(fresh.errors));
    }
  });

  it('a damaged code cache is rejected by V8 and written again; the validator still works', () => {
    const dir = tmp();
    loadInChild(dir, DEPLOYMENT, {});
    loadInChild(dir, DEPLOYMENT, {});
    const [cacheFile] = codeCaches(dir);
    fs.writeFileSync(path.join(dir, cacheFile ?? ''), 'not a code cache');
    const damaged = loadInChild(dir, DEPLOYMENT, deployment({ bogus: 1 }));
    expect(damaged.stats).toEqual({ hits: 1, compiled: 0, codeCacheHits: 0 });
    expect(damaged.valid).toBe(false);
    expect(loadInChild(dir, DEPLOYMENT, {}).stats.codeCacheHits).toBe(1);
  });
});
