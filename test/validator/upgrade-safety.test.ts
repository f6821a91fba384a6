// Upgrade safety: comparing the installed release's render with the candidate's flags
// every change `helm upgrade` cannot apply and every change that loses data.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments, stringify } from 'yaml';
import { Helm } from '../../toolchain/helm.ts';
import { folderSchemaLocations } from '../../toolchain/kubeconform.ts';
import { parseManifests } from '../../validator/parse/parse-manifests.ts';
import { compareReleases } from '../../validator/upgrade/compare-releases.ts';
import { append, applyEdits, drop, type Edit, type Manifest, set } from '../helpers/manifest-edit.ts';
import { REPO, runCli } from '../helpers/project.ts';
import { CHART } from '../helpers/scenarios.ts';

let installed: Manifest[] = [];
beforeAll(async () => {
  const result = await new Helm(4).template({ chart: CHART, kubeVersion: '1.33.0', releaseName: 'bv', namespace: 'boards', set: ['chaosDrill.enabled=true'] });
  if (result.status !== 0) throw new Error(result.stderr);
  installed = parseAllDocuments(result.stdout)
    .map((d) => d.toJS() as Manifest)
    .filter(Boolean);
});

const resources = (objects: readonly Manifest[]) =>
  parseManifests({ file: 'r.yaml', text: objects.map((o) => `---\n${stringify(o)}`).join('') }, undefined, { defaultNamespace: 'boards' }).resources;

const STS = 'StatefulSet/bv-boardviewer';

const CASES: readonly (readonly [name: string, edits: readonly Edit[], ruleId: string, text: string])[] = [
  ['StatefulSet selector', [set(STS, 'spec.selector.matchLabels.tier', 'web')], 'upgrade-immutable-field', 'spec.selector'],
  ['StatefulSet serviceName', [set(STS, 'spec.serviceName', 'other-headless')], 'upgrade-immutable-field', 'spec.serviceName'],
  [
    'volume claim storage size',
    [set(STS, 'spec.volumeClaimTemplates.0.spec.resources.requests.storage', '100Gi')],
    'upgrade-immutable-field',
    'spec.volumeClaimTemplates',
  ],
  ['volume claim labels', [set(STS, 'spec.volumeClaimTemplates.0.metadata.labels.tier', 'data')], 'upgrade-immutable-field', 'spec.volumeClaimTemplates'],
  ['podManagementPolicy', [set(STS, 'spec.podManagementPolicy', 'OrderedReady')], 'upgrade-immutable-field', 'spec.podManagementPolicy'],
  ['Service clusterIP', [set('Service/bv-boardviewer-headless', 'spec.clusterIP', '10.96.0.10')], 'upgrade-immutable-field', 'spec.clusterIP'],
  ['StorageClass parameters', [set('StorageClass', 'parameters.type', 'io2')], 'upgrade-immutable-field', 'parameters'],
  ['RoleBinding roleRef', [set('RoleBinding/bv-boardviewer-chaos-drill', 'roleRef.name', 'admin')], 'upgrade-immutable-field', 'roleRef'],
  [
    'claim retention switched to Delete',
    [set(STS, 'spec.persistentVolumeClaimRetentionPolicy.whenDeleted', 'Delete')],
    'upgrade-data-loss',
    'Retain to Delete',
  ],
  ['StorageClass reclaim switched to Delete', [set('StorageClass', 'reclaimPolicy', 'Delete')], 'upgrade-data-loss', 'reclaimPolicy switches from Retain'],
  [
    'StorageClass replaced',
    [drop('StorageClass'), append(STS, 'spec.volumeClaimTemplates', { metadata: { name: 'unused' } })],
    'upgrade-data-loss',
    'StorageClass boardviewer-sc is removed',
  ],
];

describe.each(CASES)('%s', (_name, edits, ruleId, text) => {
  it(`→ ${ruleId}`, () => {
    const findings = compareReleases(resources(installed), resources(applyEdits(installed, edits)));
    expect(findings.map((f) => `${f.ruleId}: ${f.message}`).join('\n')).toContain(text);
    expect(findings.find((f) => f.message.includes(text))?.ruleId).toBe(ruleId);
  });
});

it('an image change (an ordinary rolling update) is safe', () => {
  const edits = [set(STS, 'spec.template.spec.containers.[name=boardviewer].image', 'ghcr.io/boardviewer/boardviewer:4.3.0')];
  expect(compareReleases(resources(installed), resources(applyEdits(installed, edits)))).toEqual([]);
});

it('bvchart validate --upgrade-from flags a storage size change between two values files', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-upgrade-'));
  const bigger = path.join(dir, 'bigger.yaml');
  fs.writeFileSync(bigger, 'persistence:\n  size: 80Gi\n');
  const run = await runCli(
    [
      'validate',
      CHART,
      '-f',
      bigger,
      '--upgrade-from',
      CHART,
      '--upgrade-values',
      path.join(REPO, 'chart/values.yaml'),
      '--kubernetes-version',
      '1.33.0',
      '--helm',
      '4',
      '--schema-location',
      folderSchemaLocations()[0] ?? '',
      '-o',
      'json',
    ],
    REPO,
  );
  expect(run.code).toBe(1);
  const findings = (JSON.parse(run.stdout) as { findings: { ruleId: string; message: string; file: string }[] }).findings.filter((f) =>
    f.ruleId.startsWith('upgrade-'),
  );
  expect(findings).toEqual([expect.objectContaining({ ruleId: 'upgrade-immutable-field', file: path.join(CHART, 'templates/statefulset.yaml') })]);
  expect(findings[0]?.message).toContain('"storage":"80Gi"');
});
