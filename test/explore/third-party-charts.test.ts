// bvchart explore on a chart we did not write: Bitnami nginx from ../shared/third-party, with
// its own values.schema.json (the Bitnami common library copied in as its dependency). The
// validator oracle judges it by the rule sets `bvchart validate` would use for it (schema and
// hardening: it names none), not by BoardViewer's design rules (a probe failureThreshold of 3,
// cookie affinity on the Ingress), which it never promised.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { explore } from '../../explore/explore.ts';
import { folderSchemaLocations } from '../../toolchain/kubeconform.ts';
import { ruleSetOf } from '../../validator/policy/rule-sets.ts';
import { POLICY_RULES } from '../../validator/policy/rules/index.ts';
import { REPO } from '../helpers/project.ts';

const THIRD_PARTY = path.resolve(REPO, '..', 'shared', 'third-party', 'charts');

function chartCopy(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bvchart-explore-${name}-`));
  const chart = path.join(dir, name);
  fs.cpSync(path.join(THIRD_PARTY, name), chart, { recursive: true });
  fs.mkdirSync(path.join(chart, 'charts'), { recursive: true });
  fs.cpSync(path.join(THIRD_PARTY, 'common'), path.join(chart, 'charts', 'common'), { recursive: true });
  return chart;
}

describe.skipIf(!fs.existsSync(THIRD_PARTY))('explore on Bitnami nginx', () => {
  it("judges by the chart's rule sets (schema, hardening): no BoardViewer design rule is held against it", async () => {
    const chart = chartCopy('nginx');
    const report = await explore({
      chart,
      seed: 7,
      only: ['metrics', 'ingress'],
      helmMajors: [4],
      kubernetesVersions: ['1.36.0'],
      schemaLocations: folderSchemaLocations(),
    });
    const boardviewerRules = new Set(POLICY_RULES.filter((r) => ruleSetOf(r) === 'boardviewer').map((r) => r.id));
    expect(boardviewerRules.has('probe-failure-threshold')).toBe(true);
    const validatorFindings = report.findings.filter((f) => f.oracle === 'validator');
    expect(validatorFindings.filter((f) => boardviewerRules.has(f.message.split(':')[0] ?? '')).map((f) => f.message)).toEqual([]);
    // What it does find there is hardening: the metrics exporter container runs without the restricted context.
    expect(validatorFindings.map((f) => f.message.split(':')[0])).toContain('run-as-non-root');
    fs.rmSync(path.dirname(chart), { recursive: true, force: true });
  }, 300_000);
});
