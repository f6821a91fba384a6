// Case generation from a schema: boundaries per keyword family, drawn pattern matches,
// the pairwise covering array, and the release-name and namespace limits.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCases, LONGEST_NAMESPACE, LONGEST_RELEASE, leafProbes, probeContext } from '../../explore/cases.ts';
import type { JsonSchema } from '../../explore/json-schema.ts';
import { collectLeaves } from '../../explore/leaves.ts';
import { coveringArray } from '../../explore/pairwise.ts';
import { buildOverride, coalesce, valuesYaml } from '../../explore/values-override.ts';
import { CHART } from '../helpers/scenarios.ts';

const SCHEMA = JSON.parse(fs.readFileSync(path.join(CHART, 'values.schema.json'), 'utf8')) as JsonSchema;
const LEAVES = collectLeaves(SCHEMA);
const ctx = probeContext(SCHEMA, 7);
const probesOf = (key: string) => {
  const leaf = LEAVES.find((l) => l.key === key);
  if (!leaf) throw new Error(`no leaf ${key}`);
  return leafProbes(leaf, ctx);
};

describe('leaves of the chart schema', () => {
  it('walks objects and array items down to scalars, arrays and typed maps', () => {
    const keys = LEAVES.map((l) => l.key);
    for (const key of [
      'service.port',
      'networkPolicy.databaseCIDR',
      'podDisruptionBudget.maxUnavailable',
      'ingress.hosts',
      'ingress.hosts[0].host',
      'ingress.hosts[0].paths[0].pathType',
      'podLabels',
      'redis.cluster.nodes',
    ])
      expect(keys).toContain(key);
    expect(keys).not.toContain('service');
  });
});

type ProbeRow = [key: string, label: string, side: 'inside' | 'outside', value: unknown];
const PROBE_TABLE: ProbeRow[] = [
  ['service.port', 'maximum 65535', 'inside', 65535],
  ['service.port', 'above maximum 65535', 'outside', 65536],
  ['service.port', 'minimum 1', 'inside', 1],
  ['service.port', 'below minimum 1', 'outside', 0],
  ['service.type', 'enum "NodePort"', 'inside', 'NodePort'],
  ['service.type', 'enum non-member', 'outside', 'ClusterIPx'],
  ['redis.cluster.nodes', 'multipleOf 2', 'inside', 8],
  ['redis.cluster.nodes', 'not a multiple of 2', 'outside', 9],
  ['networkPolicy.monitoringNamespace', 'maxLength 63', 'inside', 'a'.repeat(63)],
  ['networkPolicy.monitoringNamespace', 'above maxLength 63', 'outside', 'a'.repeat(64)],
  ['networkPolicy.monitoringNamespace', 'below minLength 1', 'outside', ''],
  ['imagePullSecrets', 'empty', 'inside', []],
  ['replicas', 'wrong type (string)', 'outside', 'not-of-this-type'],
  ['ingress.enabled', 'false', 'inside', false],
  ['ingress.enabled', 'wrong type (string)', 'outside', 'not-of-this-type'],
  ['backup.storageLocation', 'wrong type (integer)', 'outside', 7],
  ['monitoring.runbookBaseUrl', 'not a uri', 'outside', 'not a uri ::'],
];

describe('boundary probes', () => {
  it.each(PROBE_TABLE)('%s: %s (%s) is %j', (key, label, side, value) => {
    const probes = probesOf(key);
    const probe = probes.find((p) => p.label === label);
    expect(probe, probes.map((p) => p.label).join(', ')).toBeDefined();
    expect(probe?.side).toBe(side);
    expect(probe?.value).toEqual(value);
  });
});

describe('pattern probes', () => {
  it.each(LEAVES.filter((l) => l.schema.pattern !== undefined).map((l) => [l.key, l.schema.pattern as string]))(
    '%s: drawn strings match %s, one string does not',
    (key, pattern) => {
      const regex = new RegExp(pattern, 'u');
      const probes = probesOf(key).filter((p) => p.label.startsWith('pattern'));
      const matches = probes.filter((p) => p.side === 'inside');
      expect(matches.length).toBe(3);
      for (const m of matches) expect(regex.test(String(m.value)), JSON.stringify(m.value)).toBe(true);
      for (const m of matches) expect(m.draw, 'drawn values carry their seed for shrinking').toBeDefined();
      const miss = probes.find((p) => p.side === 'outside');
      expect(miss && regex.test(String(miss.value))).toBe(false);
    },
  );

  it('the same seed draws the same values; another seed draws others', () => {
    const a = leafProbes(LEAVES.find((l) => l.key === 'backup.schedule') as never, probeContext(SCHEMA, 1)).map((p) => p.value);
    const b = leafProbes(LEAVES.find((l) => l.key === 'backup.schedule') as never, probeContext(SCHEMA, 1)).map((p) => p.value);
    const c = leafProbes(LEAVES.find((l) => l.key === 'backup.schedule') as never, probeContext(SCHEMA, 2)).map((p) => p.value);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });
});

describe('pairwise covering array', () => {
  const params = [
    { key: 'a', values: [true, false] },
    { key: 'b', values: ['x', 'y', 'z'] },
    { key: 'c', values: [true, false] },
    { key: 'd', values: ['p', 'q', 'r', 's'] },
    { key: 'e', values: [true, false] },
    { key: 'f', values: [true, false] },
  ];
  const rows = coveringArray(params, 3);

  it('covers every pair of values of every two parameters', () => {
    for (let i = 0; i < params.length; i++)
      for (let j = i + 1; j < params.length; j++)
        for (let a = 0; a < (params[i]?.values.length ?? 0); a++)
          for (let b = 0; b < (params[j]?.values.length ?? 0); b++)
            expect(
              rows.some((r) => r[i] === a && r[j] === b),
              `${i}=${a}, ${j}=${b}`,
            ).toBe(true);
  });

  it('with far fewer rows than the full product', () => {
    expect(rows.length).toBeLessThanOrEqual(16);
    expect(rows.length).toBeLessThan(2 * 3 * 2 * 4 * 2 * 2);
  });
});

describe('the case plan', () => {
  const plan = generateCases(SCHEMA, LEAVES, 1);

  it('has release names of 1 and 53 characters and a 63-character namespace (valid DNS labels)', () => {
    const dns = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
    expect(plan.cases.map((c) => c.releaseName.length)).toEqual(expect.arrayContaining([1, LONGEST_RELEASE]));
    expect(plan.cases.map((c) => c.namespace.length)).toContain(LONGEST_NAMESPACE);
    for (const c of plan.cases) expect(dns.test(c.releaseName) && dns.test(c.namespace), c.title).toBe(true);
  });

  it('covers every leaf with at least one probe, alternating sides', () => {
    const probed = new Set(plan.cases.filter((c) => c.origin === 'boundary').map((c) => c.assignments[0]?.key));
    expect(LEAVES.filter((l) => !probed.has(l.key)).map((l) => l.key)).toEqual([]);
  });

  it('includes pairwise rows of every boolean and enum', () => {
    const rows = plan.cases.filter((c) => c.origin === 'pairwise');
    expect(rows.length).toBeGreaterThan(3);
    expect(rows[0]?.assignments.map((a) => a.key)).toEqual(expect.arrayContaining(['service.type', 'ingress.enabled', 'redis.mode']));
  });

  it('a budget keeps the first cases of the same plan', () => {
    const cut = generateCases(SCHEMA, LEAVES, 1, 25);
    expect(cut.cases).toHaveLength(25);
    expect(cut.cases.map((c) => c.title)).toEqual(plan.cases.slice(0, 25).map((c) => c.title));
  });
});

describe('values override', () => {
  it('sets keys inside array elements on the default element, and coalesces like Helm', () => {
    const override = buildOverride([{ path: ['ingress', 'hosts', 0, 'host'], value: 'a.example' }], () => ({ host: 'x', paths: [{ path: '/' }] }));
    expect(override).toEqual({ ingress: { hosts: [{ host: 'a.example', paths: [{ path: '/' }] }] } });
    expect(coalesce({ a: { b: 1, c: 2 }, l: [1, 2] }, { a: { b: null, d: 3 }, l: [3] })).toEqual({ a: { c: 2, d: 3 }, l: [3] });
  });

  it('writes strings YAML 1.1 would read otherwise quoted', () => {
    expect(valuesYaml({ a: 'yes', b: 'on', c: '0755' })).toBe('a: "yes"\nb: "on"\nc: "0755"\n');
  });
});
