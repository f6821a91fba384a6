// The "day one" defects, on the chart's default render before the fixes (a fixture rendered
// from this branch's chart): the NetworkPolicy blocks the `helm test` pod's call to the
// client Service, and Redis is selected by no policy. The flow stage reports exactly these.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderSchemaLocations } from '../../../toolchain/kubeconform.ts';
import { parseConfig } from '../../../validator/config.ts';
import type { Finding } from '../../../validator/finding.ts';
import type { ValidationReport } from '../../../validator/report/validation-report.ts';
import { validate } from '../../../validator/validate.ts';
import { REPO, runCli } from '../../helpers/project.ts';

const RENDER = path.join(REPO, 'test/fixtures/flows/day-one-render.yaml');

const run = (configText?: string): Promise<ValidationReport> =>
  validate({
    inputs: [RENDER],
    kubernetesVersions: ['1.36.0'],
    schemaLocations: folderSchemaLocations(),
    // A render saved as a manifest file: plain manifests get the schema set only by default.
    ruleSets: ['schema', 'hardening', 'boardviewer'],
    ...(configText ? { config: parseConfig('config.yaml', configText) } : {}),
  });

const object = (f: Finding) => `${f.resource?.kind}/${f.resource?.name}`;

describe('the flow stage on the default render before the day-one fixes', () => {
  it('reports the blocked helm test flow and the unisolated Redis, and no other blocked or unisolated workload', async () => {
    const report = await run();
    const flows = report.findings.filter((f) => f.ruleId === 'flow-blocked' || f.ruleId === 'workload-unisolated');
    expect(flows.map((f) => [f.ruleId, object(f)])).toEqual([
      ['flow-blocked', 'Pod/bv-boardviewer-recovery-check'],
      ['workload-unisolated', 'StatefulSet/bv-boardviewer-redis'],
    ]);
    const [blocked, unisolated] = flows;
    // Names the source workload, the destination, the port, and the policy isolating the denying end.
    expect(blocked?.message).toBe(
      'Pod/bv-boardviewer-recovery-check -> StatefulSet/bv-boardviewer port 8080/TCP (http) via Service bv-boardviewer:8080 is denied: ' +
        'ingress of StatefulSet/bv-boardviewer is isolated by NetworkPolicy/bv-boardviewer and no rule allows it; ' +
        'implied by env SERVICE_URL of container check names bv-boardviewer',
    );
    expect(blocked?.severity).toBe('error');
    expect(blocked?.pointer).toBe('/spec/containers/0/env/1/value');
    expect(blocked?.position?.line).toBeGreaterThan(0);
    expect(unisolated?.message).toContain('no NetworkPolicy selects the pods of StatefulSet/bv-boardviewer-redis');
    expect(unisolated?.message).toContain('6379/TCP, 16379/TCP');
  });

  it('notes that DNS egress goes to any destination (flow-unexplained, info)', async () => {
    const report = await run();
    const notes = report.findings.filter((f) => f.ruleId === 'flow-unexplained');
    expect(notes.every((f) => f.severity === 'info')).toBe(true);
    expect(notes.find((f) => f.pointer === '/spec/egress/0')?.message).toBe(
      'egress rule 0 (to: any) admits any pod in namespace default on 53/UDP, 53/TCP; any pod in any namespace on 53/UDP, 53/TCP; any address outside the cluster on 53/UDP, 53/TCP',
    );
  });

  it('suppresses flow findings by config like any rule, and keeps them listed', async () => {
    const report = await run(
      'suppressions:\n  - {rule: flow-blocked, kind: Pod, name: bv-boardviewer-recovery-check, reason: fixed in issue 9}\n  - {rule: workload-unisolated, kind: StatefulSet, reason: Redis policy pending}\n',
    );
    const flows = report.findings.filter((f) => f.ruleId === 'flow-blocked' || f.ruleId === 'workload-unisolated');
    expect(flows).toHaveLength(2);
    expect(flows.every((f) => f.suppressed?.by === 'config')).toBe(true);
    expect(report.summary.errors).toBe(report.findings.filter((f) => f.severity === 'error' && !f.suppressed).length);
  });

  it('suppresses by annotation on the object the flow comes from', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-flows-'));
    const file = path.join(dir, 'render.yaml');
    const text = fs
      .readFileSync(RENDER, 'utf8')
      .replace(
        /(kind: Pod\nmetadata:\n {2}name: bv-boardviewer-recovery-check\n(?: {2}.*\n)*? {2}annotations:\n)/,
        '$1    ignore-check.bvchart.io/flow-blocked: "allowed by the cluster-wide test policy"\n',
      );
    expect(text).toContain('ignore-check.bvchart.io/flow-blocked');
    fs.writeFileSync(file, text);
    const cli = await runCli(
      ['validate', file, '--kubernetes-version', '1.36.0', '--rules', 'schema,hardening', '--schema-location', folderSchemaLocations()[0] ?? '', '-o', 'json'],
      REPO,
    );
    const parsed = JSON.parse(cli.stdout) as { findings: Finding[]; flows: { table: { flows: { source: string; allowed: boolean }[] } }[] };
    const blocked = parsed.findings.filter((f) => f.ruleId === 'flow-blocked');
    expect(blocked.map((f) => f.suppressed?.reason)).toEqual(['allowed by the cluster-wide test policy']);
    // The JSON report carries the flow table: the denied row is there.
    expect(parsed.flows[0]?.table.flows.some((r) => r.source === 'Pod/bv-boardviewer-recovery-check' && !r.allowed)).toBe(true);
  });
});
