// bvchart schemas convert: a cluster's OpenAPI v2 document and CRD manifests become a
// schema folder that bvchart validate reads (the layout kubeconform reads too).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { SHARED_SCHEMAS_DIR } from '../../toolchain/kubeconform.ts';
import { REPO, runCli } from '../helpers/project.ts';

it('converts, then validates against the converted folder', async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-schemas-'));
  const crd = path.join(SHARED_SCHEMAS_DIR, 'crd-manifests', 'monitoring.coreos.com', 'monitoring.coreos.com_servicemonitors.yaml');
  const convert = await runCli(
    [
      'schemas',
      'convert',
      '--openapi',
      path.join(SHARED_SCHEMAS_DIR, 'sources/cdk8s-kubernetes-schemas/v1.33.0/_definitions.json'),
      '--kubernetes-version',
      '1.33.0',
      '--crd',
      crd,
      '--out',
      out,
    ],
    REPO,
  );
  expect(convert.code, convert.stderr).toBe(0);
  expect(convert.stdout).toMatch(/wrote \d{2,} Kubernetes schemas for 1\.33\.0\nwrote 1 CRD schemas/);
  expect(fs.existsSync(path.join(out, 'v1.33.0-standalone-strict', 'statefulset-apps-v1.json'))).toBe(true);

  const manifests = path.join(out, 'm.yaml');
  fs.writeFileSync(
    manifests,
    'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80}], selectr: {}}\n---\napiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: {name: m}\nspec: {selector: {}, endpoints: [{port: metrics, intervall: 1s}]}\n',
  );
  const run = await runCli(
    [
      'validate',
      manifests,
      '--kubernetes-version',
      '1.33.0',
      '--schema-location',
      out,
      '--schema-location',
      `${out}/crds/{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json`,
      '-o',
      'json',
    ],
    REPO,
  );
  const findings = (JSON.parse(run.stdout) as { findings: { ruleId: string; message: string }[] }).findings.filter((f) => f.ruleId === 'schema/invalid');
  expect(findings.map((f) => f.message)).toEqual(['/spec/selectr: unknown field "selectr"', '/spec/endpoints/0/intervall: unknown field "intervall"']);
});

it.each([
  [['schemas', 'convert'], '--out is required'],
  [['schemas', 'convert', '--out', '/tmp/x'], 'give --openapi and/or --crd'],
  [['schemas', 'frobnicate'], 'unknown schemas command'],
])('usage error %j', async (args, message) => {
  const run = await runCli(args, REPO);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain(message);
});
