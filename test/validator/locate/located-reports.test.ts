// How the reports carry a located finding (data in, text out; no Helm): text names the key or
// the template line under the finding, JSON and `report merge` keep the fields, SARIF locates
// at the values key first; the grouping key ignores locations, and a group lists every place.
import { describe, expect, it } from 'vitest';
import { type Finding, findingKey } from '../../../validator/finding.ts';
import { joinReport } from '../../../validator/report/join-report.ts';
import { jsonReport } from '../../../validator/report/json-report.ts';
import { mergeReports } from '../../../validator/report/merge-reports.ts';
import { sarifReport } from '../../../validator/report/sarif-report.ts';
import { textReport } from '../../../validator/report/text-report.ts';
import { groupFindings } from '../../../validator/report/validation-report.ts';
import { sarifValidator } from '../../helpers/sarif-schema.ts';

const base: Finding = {
  ruleId: 'storage-class-retain',
  severity: 'error',
  message: 'reclaimPolicy is Delete, not Retain',
  file: 'chart/templates/storageclass.yaml',
  position: { line: 247, column: 1 },
  resource: { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', name: 'boardviewer-sc' },
  pointer: '/reclaimPolicy',
};
const aws = { ...base, scenario: { values: 'values/production-aws.yaml', kubeVersion: '1.36.0', helmMajor: 4 as const } };
const gke = { ...base, scenario: { values: 'values/production-gke.yaml', kubeVersion: '1.36.0', helmMajor: 4 as const } };
const located: Finding[] = [
  { ...aws, values: [{ file: 'values/production-aws.yaml', line: 41, column: 3, path: 'storageClass.reclaimPolicy' }] },
  { ...gke, values: [{ file: 'values/production-gke.yaml', line: 12, column: 3, path: 'storageClass.reclaimPolicy' }] },
  {
    ...base,
    ruleId: 'pdb-protects-statefulset',
    pointer: '/spec/template/metadata/labels',
    template: { file: 'generator/templates/chart/templates/statefulset.yaml', line: 51 },
  },
];
const report = joinReport([
  { findings: located, scenarios: [aws.scenario, gke.scenario], resources: 1, schema: { valid: 1, invalid: 0, error: 0, skipped: 0 } },
]);

describe('located findings in the reports', () => {
  it('the grouping key ignores locations; a group lists the place in each values file', () => {
    expect(findingKey(located[0] as Finding)).toBe(findingKey(located[1] as Finding));
    const group = groupFindings(located).find((g) => g.finding.ruleId === 'storage-class-retain');
    expect(group?.finding.values?.map((v) => `${v.file}:${v.line}`)).toEqual(['values/production-aws.yaml:41', 'values/production-gke.yaml:12']);
  });

  it('text: "set by file:line key" and "written by template:line" under the finding', () => {
    const text = textReport(report, { color: false });
    expect(text).toContain(
      '      set by values/production-aws.yaml:41 storageClass.reclaimPolicy\n      set by values/production-gke.yaml:12 storageClass.reclaimPolicy\n',
    );
    expect(text).toContain('      written by generator/templates/chart/templates/statefulset.yaml:51\n');
  });

  it('JSON and report merge keep values and template as they are on the finding', () => {
    const merged = mergeReports([{ file: 'a.json', text: jsonReport(report) }]);
    expect(merged.findings.map((f) => [f.values, f.template])).toEqual(located.map((f) => [f.values, f.template]));
  });

  it('SARIF: the values locations first, the rendered document and template line related', () => {
    const sarif = JSON.parse(sarifReport(report, 'test'));
    const validateSarif = sarifValidator();
    expect(validateSarif(sarif), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
    const results = sarif.runs[0].results;
    const retain = results.find((r: { ruleId: string }) => r.ruleId === 'storage-class-retain');
    expect(
      retain.locations.map((l: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }) => [
        l.physicalLocation.artifactLocation.uri,
        l.physicalLocation.region.startLine,
      ]),
    ).toEqual([
      ['values/production-aws.yaml', 41],
      ['values/production-gke.yaml', 12],
    ]);
    expect(retain.relatedLocations).toEqual([
      expect.objectContaining({ id: 0, physicalLocation: expect.objectContaining({ artifactLocation: { uri: 'chart/templates/storageclass.yaml' } }) }),
    ]);
    const pdb = results.find((r: { ruleId: string }) => r.ruleId === 'pdb-protects-statefulset');
    expect(pdb.locations[0].physicalLocation.artifactLocation.uri).toBe('chart/templates/storageclass.yaml');
    expect(pdb.relatedLocations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'generator/templates/chart/templates/statefulset.yaml' },
      region: { startLine: 51 },
    });
  });
});
