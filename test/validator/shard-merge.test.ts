// Sharding and merging: `validate --shard i/n` over n machines, then `report merge`, gives
// the report (JSON, SARIF, JUnit) and the exit code of one unsharded run, on third-party
// manifests (written by other projects, some broken) and on our chart's render matrix.
// Worker threads (`-n 2`) give the same report as one thread.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderSchemaLocations } from '../../toolchain/kubeconform.ts';
import { parseShard, shardItems } from '../../validator/work-plan.ts';
import { REPO, runCli } from '../helpers/project.ts';
import { CHART, CRD_API_VERSIONS } from '../helpers/scenarios.ts';

const SCHEMAS = folderSchemaLocations().flatMap((l) => ['--schema-location', l]);
const THIRD_PARTY = path.resolve(REPO, '..', 'shared', 'third-party', 'manifests');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-shard-'));

/** Runs validate once unsharded and once per shard, merges the shards, and returns both. */
async function shardedAndWhole(args: readonly string[], shards: number, format: 'json' | 'sarif' | 'junit') {
  const whole = await runCli(['validate', ...args, '-o', format], REPO);
  const files: string[] = [];
  for (let i = 1; i <= shards; i++) {
    const run = await runCli(['validate', ...args, '--shard', `${i}/${shards}`, '-o', 'json'], REPO);
    expect(run.stderr).toBe('');
    const file = path.join(tmp, `${format}-${shards}-${i}-${files.length}-${Math.random().toString(36).slice(2)}.json`);
    fs.writeFileSync(file, run.stdout);
    files.push(file);
  }
  // Merge order must not matter: give the shards back to front.
  const merged = await runCli(['report', 'merge', ...[...files].reverse(), '-o', format], REPO);
  return { whole, merged, shardReports: files.map((f) => JSON.parse(fs.readFileSync(f, 'utf8')) as { summary: { resources: number } }) };
}

describe('--shard i/n and report merge equal one run', () => {
  const manifests = [
    [
      'kubernetes-examples/_archived/storage (schema rules, split by file; broken files among them)',
      [path.join(THIRD_PARTY, 'kubernetes-examples', '_archived', 'storage'), '--rules', 'schema', '--kubernetes-version', '1.33.0', ...SCHEMAS],
      3,
    ],
    [
      'ingress-nginx (all rules: one item per input and version)',
      [path.join(THIRD_PARTY, 'ingress-nginx'), '--kubernetes-version', '1.32.0,1.33.0', ...SCHEMAS],
      2,
    ],
    [
      'kube-prometheus (schema rules, 4 shards)',
      [path.join(THIRD_PARTY, 'kube-prometheus'), '--rules', 'schema', '--kubernetes-version', '1.33.0', ...SCHEMAS],
      4,
    ],
  ] as const;

  it.each(manifests)('%s: JSON and exit code', async (_name, args, shards) => {
    const { whole, merged, shardReports } = await shardedAndWhole(args, shards, 'json');
    expect(whole.stderr).toBe('');
    expect(merged.stderr).toBe('');
    expect(JSON.parse(merged.stdout)).toEqual(JSON.parse(whole.stdout));
    expect(merged.code).toBe(whole.code);
    // The work is spread: no shard holds everything (when there is more than one item).
    const total = (JSON.parse(whole.stdout) as { summary: { resources: number } }).summary.resources;
    expect(total).toBeGreaterThan(0);
    expect(shardReports.reduce((n, r) => n + r.summary.resources, 0)).toBe(total);
  });

  it('kubernetes-examples/_archived/storage: SARIF and JUnit from the merged shards equal the single run', async () => {
    const args = [path.join(THIRD_PARTY, 'kubernetes-examples', '_archived', 'storage'), '--rules', 'schema', '--kubernetes-version', '1.33.0', ...SCHEMAS];
    for (const format of ['sarif', 'junit'] as const) {
      const { whole, merged } = await shardedAndWhole(args, 2, format);
      expect(merged.stdout).toBe(whole.stdout);
      expect(merged.code).toBe(whole.code);
    }
  });

  it('our chart: the render matrix (2 values sets x 2 Kubernetes versions x Helm 4) split over 3 shards', async () => {
    const args = [
      CHART,
      '-f',
      path.join(REPO, 'values', 'production-aws.yaml'),
      '-f',
      path.join(REPO, 'values', 'external-redis.yaml'),
      '--kubernetes-version',
      '1.32.0,1.33.0',
      '--helm',
      '4',
      ...CRD_API_VERSIONS.flatMap((a) => ['--api-versions', a]),
      ...SCHEMAS,
    ];
    const { whole, merged, shardReports } = await shardedAndWhole(args, 3, 'json');
    const report = JSON.parse(whole.stdout) as { scenarios: unknown[]; summary: { renders: number } };
    expect(report.summary.renders).toBe(4);
    expect(JSON.parse(merged.stdout)).toEqual(report);
    expect(merged.code).toBe(whole.code);
    expect(shardReports.map((r) => r.summary.resources > 0)).toEqual([true, true, true]);
  }, 120_000);
});

describe('report merge refuses an incomplete or mixed set of shards (exit 2)', () => {
  it.each([
    ['a missing shard', [2], 'shard(s) 1/3, 3/3 missing'],
    ['a shard given twice', [1, 1, 2, 3], 'given twice'],
  ] as const)('%s', async (_name, indices, message) => {
    const args = [path.join(THIRD_PARTY, 'ingress-nginx'), '--rules', 'schema', '--kubernetes-version', '1.33.0', ...SCHEMAS];
    const files: string[] = [];
    for (const i of indices) {
      const run = await runCli(['validate', ...args, '--shard', `${i}/3`, '-o', 'json'], REPO);
      const file = path.join(tmp, `bad-${files.length}-${i}.json`);
      fs.writeFileSync(file, run.stdout);
      files.push(file);
    }
    const merged = await runCli(['report', 'merge', ...files], REPO);
    expect(merged.code).toBe(2);
    expect(merged.stderr).toContain(message);
  });

  it('a file that is not a bvchart JSON report', async () => {
    const file = path.join(tmp, 'not-a-report.json');
    fs.writeFileSync(file, '{"resources": []}');
    const merged = await runCli(['report', 'merge', file], REPO);
    expect(merged.code).toBe(2);
    expect(merged.stderr).toContain('not a bvchart JSON report');
  });
});

describe('shards', () => {
  it.each([
    ['1/1', { index: 1, count: 1 }],
    ['2/5', { index: 2, count: 5 }],
  ])('parses %s', (text, shard) => expect(parseShard(text)).toEqual(shard));

  it.each(['0/2', '3/2', '1/0', 'a/b', '1'])('refuses %s', (text) => expect(() => parseShard(text)).toThrow(/--shard must be i\/n/));

  it.each([
    [10, 3],
    [2, 3],
    [7, 7],
    [0, 2],
  ])('%i items in %i shards: contiguous, deterministic, together the whole list in order', (n, count) => {
    const items = Array.from({ length: n }, (_, i) => i);
    const parts = Array.from({ length: count }, (_, i) => shardItems(items, { index: i + 1, count }));
    expect(parts.flat()).toEqual(items);
    expect(Math.max(...parts.map((p) => p.length)) - Math.min(...parts.map((p) => p.length))).toBeLessThanOrEqual(1);
    expect(Array.from({ length: count }, (_, i) => shardItems(items, { index: i + 1, count }))).toEqual(parts);
  });

  it('a bad --shard is a usage error (exit 2)', async () => {
    const run = await runCli(['validate', THIRD_PARTY, '--shard', '3/2'], REPO);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--shard must be i/n');
  });
});

describe('-n/--workers', () => {
  it('two worker threads give the report of one thread (third-party manifests)', async () => {
    const args = [
      'validate',
      path.join(THIRD_PARTY, 'kubernetes-examples', '_archived', 'storage'),
      path.join(THIRD_PARTY, 'ingress-nginx'),
      '--rules',
      'schema',
      '--kubernetes-version',
      '1.33.0',
      ...SCHEMAS,
      '-o',
      'json',
    ];
    const one = await runCli(args, REPO);
    const two = await runCli([...args, '-n', '2'], REPO);
    expect(two.stderr).toBe('');
    expect(JSON.parse(two.stdout)).toEqual(JSON.parse(one.stdout));
    expect(two.code).toBe(one.code);
  }, 300_000);

  it('-n 0 is a usage error', async () => {
    const run = await runCli(['validate', THIRD_PARTY, '-n', '0'], REPO);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--workers must be');
  });
});
