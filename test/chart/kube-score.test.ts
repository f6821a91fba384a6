// kube-score v1.20.0 (an outside linter) over the render of every values/ scenario: each
// finding is either fixed or listed with its reason in kube-score-ignore.yaml. A new finding
// fails, and so does an ignore entry that no longer matches anything.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Helm } from '../../toolchain/helm.ts';
import { NEWEST_KUBE_VERSION } from '../../toolchain/kube-versions.ts';
import { locateTool } from '../../toolchain/locate-tool.ts';
import { runProcess } from '../../toolchain/run-process.ts';
import { CHART, CRD_API_VERSIONS, SCENARIOS } from '../helpers/scenarios.ts';

interface IgnoreEntry {
  readonly check: string;
  readonly kind: string;
  readonly container?: string;
  /** A values/ file name: the entry covers that scenario only. */
  readonly scenario?: string;
  readonly reason: string;
}

interface ScoredObject {
  readonly object_name: string;
  readonly type_meta: { readonly kind: string };
  readonly checks: readonly {
    readonly check: { readonly id: string };
    readonly grade: number;
    readonly skipped: boolean;
    readonly comments: readonly { readonly path: string; readonly summary: string }[] | null;
  }[];
}

interface Finding {
  readonly scenario: string;
  readonly check: string;
  readonly kind: string;
  readonly name: string;
  /** kube-score names the container in `path` for container checks. */
  readonly container: string;
  readonly summary: string;
}

const GRADE_ALL_OK = 10;
const IGNORES = parse(fs.readFileSync(path.join(import.meta.dirname, 'kube-score-ignore.yaml'), 'utf8')) as IgnoreEntry[];
const covers = (e: IgnoreEntry, f: Finding) =>
  e.check === f.check &&
  e.kind === f.kind &&
  (e.container === undefined || e.container === f.container) &&
  (e.scenario === undefined || e.scenario === f.scenario);

const findings: Finding[] = [];

beforeAll(async () => {
  const kubeScore = locateTool('kube-score');
  for (const scenario of SCENARIOS) {
    const rendered = await new Helm(4).template({
      chart: CHART,
      kubeVersion: NEWEST_KUBE_VERSION,
      valuesFiles: scenario.valuesFiles,
      releaseName: 'bv',
      namespace: 'boards',
      apiVersions: CRD_API_VERSIONS,
    });
    if (rendered.status !== 0) throw new Error(`${scenario.name}: ${rendered.stderr}`);
    const result = await runProcess(kubeScore, ['score', '-', '--output-format', 'json'], { input: rendered.stdout });
    const scored = JSON.parse(result.stdout) as ScoredObject[];
    for (const object of scored) {
      for (const c of object.checks) {
        if (c.skipped || c.grade >= GRADE_ALL_OK) continue;
        for (const comment of c.comments ?? [{ path: '', summary: '' }]) {
          findings.push({
            scenario: scenario.name,
            check: c.check.id,
            kind: object.type_meta.kind,
            name: object.object_name,
            container: comment.path,
            summary: comment.summary,
          });
        }
      }
    }
  }
}, 120_000);

describe('kube-score v1.20.0 over every scenario', () => {
  it('scores every scenario', () => {
    expect(new Set(findings.map((f) => f.scenario)).size).toBeGreaterThan(0);
  });

  it('has no finding that is neither fixed nor reviewed', () => {
    const unreviewed = findings.filter((f) => !IGNORES.some((e) => covers(e, f)));
    expect(unreviewed.map((f) => `${f.scenario}: ${f.check} ${f.kind}/${f.name} ${f.container}: ${f.summary}`)).toEqual([]);
  });

  it('every ignore entry has a reason and still matches a finding', () => {
    for (const e of IGNORES) {
      expect(e.reason?.length ?? 0, `${e.check} ${e.kind}`).toBeGreaterThan(20);
      expect(
        findings.some((f) => covers(e, f)),
        `stale entry: ${e.check} ${e.kind} ${e.container ?? ''}`,
      ).toBe(true);
    }
  });
});
