// Compiled validators cached on disk (Ajv standalone code by schema digest): a validator
// loaded from the cache gives the verdict and the errors of one compiled in memory, on the
// real Kubernetes and CRD schemas (including an RE2 `(?i)` pattern); the second process
// (registry) loads instead of compiling; a changed schema gets a new entry; a damaged
// entry is recompiled.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_SCHEMAS_DIR } from '../../toolchain/kubeconform.ts';
import { createKubeAjv } from '../../validator/schemas/kube-ajv.ts';
import { ValidatorCache, validatorDigest } from '../../validator/schemas/validator-cache.ts';

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

describe('a validator from the disk cache equals one compiled in memory', () => {
  const dir = tmp();
  // First pass writes the cache; the second reads it.
  new ValidatorCache(dir).get(createKubeAjv(), schemaText(DEPLOYMENT));
  new ValidatorCache(dir).get(createKubeAjv(), schemaText(PROMETHEUS_RULE));

  it.each(CASES)('%s', (_name, file, object) => {
    const fresh = createKubeAjv().compile(JSON.parse(schemaText(file)) as object);
    const cache = new ValidatorCache(dir);
    const cached = cache.get(createKubeAjv(), schemaText(file));
    expect(cache.stats).toEqual({ hits: 1, compiled: 0 });
    expect(cached(object)).toBe(fresh(object));
    expect(cached.errors ?? null).toEqual(fresh.errors ?? null);
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
    cache.get(createKubeAjv(), text);
    const validate = cache.get(createKubeAjv(), changed);
    expect(cache.stats).toEqual({ hits: 0, compiled: 2 });
    expect(fs.readdirSync(dir).sort()).toEqual([`${validatorDigest(text)}.cjs`, `${validatorDigest(changed)}.cjs`].sort());
    expect(validate(deployment({ replicas: 9, selector: { matchLabels: { app: 'web' } }, template: podTemplate }))).toBe(false);
  });

  it('a damaged entry is compiled again and replaced', () => {
    const dir = tmp();
    const text = schemaText(DEPLOYMENT);
    fs.writeFileSync(path.join(dir, `${validatorDigest(text)}.cjs`), 'module.exports = (');
    const cache = new ValidatorCache(dir);
    const validate = cache.get(createKubeAjv(), text);
    expect(cache.stats).toEqual({ hits: 0, compiled: 1 });
    expect(validate(deployment({ bogus: 1 }))).toBe(false);
    const again = new ValidatorCache(dir);
    again.get(createKubeAjv(), text);
    expect(again.stats).toEqual({ hits: 1, compiled: 0 });
  });
});
