// Locating on a chart we did not write: Bitnami redis (../shared/third-party/charts/redis, its
// `common` dependency vendored under charts/), through real Helm 3 and 4. A policy finding and a
// Kubernetes schema finding name the key in the override file; a field only the chart's
// defaults feed names Bitnami's values.yaml line; a field no value feeds names the template line.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shownPath, validateAndReport } from '../../helpers/locate-report.ts';
import { REPO } from '../../helpers/project.ts';

const REDIS = path.resolve(REPO, '..', 'shared', 'third-party', 'charts', 'redis');
const FIXTURES = path.join(REPO, 'test', 'fixtures', 'locate', 'redis');

describe('Bitnami redis: findings name the values key', () => {
  it.each([
    {
      fixture: 'no-privilege-escalation.yaml',
      rule: 'no-privilege-escalation',
      kind: 'StatefulSet',
      line: 4,
      key: 'master.containerSecurityContext.allowPrivilegeEscalation',
    },
    { fixture: 'schema-invalid.yaml', rule: 'schema/invalid', kind: 'Service', line: 3, key: 'commonAnnotations.team' },
  ])(
    '$rule from $fixture: $key at line $line',
    async ({ fixture, rule, kind, line, key }) => {
      const file = path.join(FIXTURES, fixture);
      const { report, text, json, sarif } = await validateAndReport(REDIS, [file]);
      const found = report.findings.filter((f) => f.ruleId === rule && f.resource?.kind === kind);
      expect(new Set(found.map((f) => f.scenario?.helmMajor))).toEqual(new Set([3, 4]));
      for (const f of found) expect(f.values?.[0]).toEqual({ file, line, column: expect.any(Number), path: key });
      expect(text).toContain(`set by ${shownPath(file)}:${line} ${key}`);
      expect(json.findings.some((f) => f.ruleId === rule && f.values?.[0]?.path === key)).toBe(true);
      const result = sarif.runs[0]?.results.find((r) => r.ruleId === rule);
      expect(result?.locations[0]?.physicalLocation.artifactLocation.uri).toBe(file);
      expect(result?.locations[0]?.physicalLocation.region?.startLine).toBe(line);
    },
    300_000,
  );

  it("without overrides: a chart default (Bitnami's values.yaml) and a template line", async () => {
    const { report, text } = await validateAndReport(REDIS, [], [4]);
    const defaults = path.join(REDIS, 'values.yaml');
    // The egress rule "to: any" exists because networkPolicy.allowExternalEgress is true.
    const egress = report.findings.find((f) => f.ruleId === 'flow-unexplained' && f.pointer === '/spec/egress/0');
    expect(egress?.values).toEqual([{ file: defaults, line: 1643, column: 3, path: 'networkPolicy.allowExternalEgress' }]);
    expect(text).toContain(`set by ${shownPath(defaults)}:1643 networkPolicy.allowExternalEgress`);
    // No zone spread: the pod spec is fed by more keys than a person would read; the template line instead.
    const spread = report.findings.find((f) => f.ruleId === 'spread-nodes-zones');
    expect(spread?.values).toBeUndefined();
    expect(spread?.template?.file.startsWith(path.join(REDIS, 'templates'))).toBe(true);
    expect(text).toMatch(/written by .*redis\/templates\/.*application\.yaml:\d+/);
  }, 300_000);
});
