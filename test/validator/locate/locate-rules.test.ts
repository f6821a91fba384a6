// Locating on our chart, through real Helm 3 and 4: for each policy rule an override file
// can trigger, the finding names the key in that file (text, JSON, SARIF); a field no value
// feeds names the template source line; a field only the chart's defaults feed names
// chart/values.yaml. Rules the chart's schema or guards keep the values from triggering are
// listed in the README (Where to fix it).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shownPath, validateAndReport } from '../../helpers/locate-report.ts';
import { REPO } from '../../helpers/project.ts';
import { CHART } from '../../helpers/scenarios.ts';

const FIXTURES = path.join(REPO, 'test', 'fixtures', 'locate');
const TEMPLATES = path.join(REPO, 'generator', 'templates', 'chart', 'templates');

interface KeyCase {
  readonly rule: string;
  /** Expected first values location: line in the fixture and key. */
  readonly line: number;
  readonly key: string;
}

const KEY_CASES: readonly KeyCase[] = [
  { rule: 'storage-class-retain', line: 2, key: 'storageClass.reclaimPolicy' },
  { rule: 'storage-class-encrypted', line: 3, key: 'storageClass.parameters.encrypted' },
  { rule: 'no-legacy-provisioner', line: 2, key: 'storageClass.provisioner' },
  { rule: 'pvc-retention-retain', line: 3, key: 'persistence.retentionPolicy.whenDeleted' },
  { rule: 'rolling-update-bound', line: 2, key: 'updateStrategy.type' },
  { rule: 'no-host-path', line: 2, key: 'extraVolumes[0].name' },
  { rule: 'name-length', line: 2, key: 'podLabels.team' },
  { rule: 'no-privilege-escalation', line: 2, key: 'containerSecurityContext.allowPrivilegeEscalation' },
  { rule: 'run-as-non-root', line: 2, key: 'containerSecurityContext.runAsNonRoot' },
  { rule: 'seccomp-profile', line: 3, key: 'containerSecurityContext.seccompProfile.type' },
  { rule: 'ingress-cookie-affinity', line: 3, key: 'ingress.annotations["nginx.ingress.kubernetes.io/affinity"]' },
];

interface TemplateCase {
  readonly rule: string;
  readonly template: string;
  readonly line: number;
}

// Fields no value feeds: the pod labels (a PodDisruptionBudget is missing, no label is wrong)
// and an empty emptyDir map (nothing in it to perturb).
const TEMPLATE_CASES: readonly TemplateCase[] = [
  { rule: 'pdb-protects-statefulset', template: 'statefulset.yaml', line: 51 },
  { rule: 'ephemeral-storage-bounded', template: 'statefulset.yaml', line: 284 },
];

const uri = (file: string) => file.replace(/\\/g, '/');

describe('a policy finding on our chart names the values key in the override file (Helm 3 and 4)', () => {
  it.each(KEY_CASES)(
    '$rule: $key at line $line',
    async ({ rule, line, key }) => {
      const fixture = path.join(FIXTURES, `${rule}.yaml`);
      const { report, text, json, sarif } = await validateAndReport(CHART, [fixture]);
      const found = report.findings.filter((f) => f.ruleId === rule);
      // Both Helm majors rendered and found it, each with the key first.
      expect(new Set(found.map((f) => f.scenario?.helmMajor))).toEqual(new Set([3, 4]));
      for (const f of found) expect(f.values?.[0]).toEqual({ file: fixture, line, column: expect.any(Number), path: key });
      expect(text).toContain(`set by ${shownPath(fixture)}:${line} ${key}`);
      expect(json.findings.filter((f) => f.ruleId === rule).every((f) => f.values?.[0]?.path === key && f.values[0].line === line)).toBe(true);
      const results = sarif.runs[0]?.results.filter((r) => r.ruleId === rule) ?? [];
      expect(results.length).toBeGreaterThan(0);
      for (const r of results) {
        expect(r.locations[0]?.physicalLocation.artifactLocation.uri).toBe(uri(fixture));
        expect(r.locations[0]?.physicalLocation.region?.startLine).toBe(line);
        // The rendered document moves to relatedLocations.
        expect(r.relatedLocations?.some((l) => l.physicalLocation.artifactLocation.uri.startsWith(uri(path.join(CHART, 'templates'))))).toBe(true);
      }
    },
    300_000,
  );

  it.each(TEMPLATE_CASES)(
    '$rule: no value feeds the field, the template line $template:$line',
    async ({ rule, template, line }) => {
      const { report, text, json, sarif } = await validateAndReport(CHART, [path.join(FIXTURES, `${rule}.yaml`)]);
      const source = path.join(TEMPLATES, template);
      const found = report.findings.filter((f) => f.ruleId === rule);
      expect(new Set(found.map((f) => f.scenario?.helmMajor))).toEqual(new Set([3, 4]));
      for (const f of found) {
        expect(f.values).toBeUndefined();
        expect(f.template).toEqual({ file: source, line });
      }
      expect(text).toContain(`written by ${shownPath(source)}:${line}`);
      expect(json.findings.find((f) => f.ruleId === rule)?.template).toEqual({ file: source, line });
      const result = sarif.runs[0]?.results.find((r) => r.ruleId === rule);
      expect(result?.locations[0]?.physicalLocation.artifactLocation.uri.startsWith(uri(path.join(CHART, 'templates')))).toBe(true);
      expect(result?.relatedLocations?.map((l) => [l.physicalLocation.artifactLocation.uri, l.physicalLocation.region?.startLine])).toContainEqual([
        uri(source),
        line,
      ]);
    },
    300_000,
  );

  it("a field only the chart's defaults feed names chart/values.yaml (workload-backed-up: the claim template's size and class)", async () => {
    // A render is located when it has an error or warning (here storage-class-retain); its
    // infos are then located too. The claim template's fields are fed by defaults only.
    const { report, text } = await validateAndReport(CHART, [path.join(FIXTURES, 'storage-class-retain.yaml')], [4]);
    const backedUp = report.findings.find((f) => f.ruleId === 'workload-backed-up' && f.resource?.name === 'release-boardviewer');
    const defaults = path.join(CHART, 'values.yaml');
    expect(backedUp?.values).toEqual([
      { file: defaults, line: 67, column: 3, path: 'persistence.size' },
      { file: defaults, line: 87, column: 3, path: 'storageClass.name' },
    ]);
    expect(text).toContain(`set by ${shownPath(defaults)}:67 persistence.size`);
  }, 300_000);
});
