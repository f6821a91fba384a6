// bvchart validate end to end: inputs (chart, packaged chart, manifests, stdin), report
// formats (text, JSON, SARIF 2.1.0 against its schema, JUnit as XML), exit codes,
// suppression by annotation and by config, render errors as findings.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { Helm } from '../../toolchain/helm.ts';
import { folderSchemaLocations, SHARED_SCHEMAS_DIR } from '../../toolchain/kubeconform.ts';
import { REPO, runCli } from '../helpers/project.ts';
import { sarifValidator } from '../helpers/sarif-schema.ts';
import { CHART } from '../helpers/scenarios.ts';
import { knownFlowFindingsConfig } from './flows/known-flow-findings.ts';

// These tests read the policy reports on manifests, so they ask for every rule set (the
// default for plain manifests is `schema` only, as kubeconform: test/validator/exit-codes.test.ts).
const ALL_RULES = ['--rules', 'schema,hardening,boardviewer'];
const SCHEMAS = ['--schema-location', SHARED_SCHEMAS_DIR, '--schema-location', folderSchemaLocations()[1] ?? '', ...ALL_RULES];
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-validate-'));

const BAD = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  bogus: 1
  ports:
    - port: 80
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: legacy
provisioner: kubernetes.io/aws-ebs
reclaimPolicy: Delete
`;

function write(content: string, name = 'manifests.yaml'): string {
  const file = path.join(tmp(), name);
  fs.writeFileSync(file, content);
  return file;
}

describe('exit codes', () => {
  it.each([
    ['clean manifests', ['--kubernetes-version', '1.33.0'], `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n`, 0],
    ['errors', ['--kubernetes-version', '1.33.0'], BAD, 1],
    [
      'warnings under --fail-on warning',
      ['--fail-on', 'warning'],
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  replicas: 3\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n    spec:\n      securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}\n      containers:\n        - name: c\n          image: nginx:1.27.0\n          readinessProbe: {httpGet: {path: /, port: 80}}\n          livenessProbe: {httpGet: {path: /, port: 80}}\n          resources: {requests: {cpu: 10m, memory: 10Mi}, limits: {cpu: 10m, memory: 10Mi}}\n          securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}\n`,
      1,
    ],
  ] as const)('%s → %i', async (_name, args, content, code) => {
    const run = await runCli(['validate', write(content), ...SCHEMAS, ...args], REPO);
    expect(run.code, run.stdout + run.stderr).toBe(code);
  });

  it.each([
    [['validate'], 'give a chart folder'],
    [['validate', '/no/such/file.yaml'], 'no such file or folder'],
    [['validate', CHART, '--output', 'xml'], '--output must be one of'],
    [['validate', CHART, '--fail-on', 'fatal'], '--fail-on must be'],
    [['validate', CHART, '--helm', '2'], '--helm must be 3 or 4'],
    [['validate', CHART, '--bogus'], "Unknown option '--bogus'"],
    [['validate', CHART, '-f', '/no/values.yaml'], 'does not exist'],
  ])('usage error %j → 2', async (args, message) => {
    const run = await runCli(args, REPO);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});

describe('reports', () => {
  it('text: findings grouped by file with line:column, rule and object, then a summary line', async () => {
    const file = write(BAD);
    const run = await runCli(['validate', file, ...SCHEMAS, '--kubernetes-version', '1.33.0'], REPO);
    expect(run.stdout).toContain(file);
    expect(run.stdout).toMatch(/6:3\s+error\s+schema\/invalid\s+Service\/web \/spec\/bogus: unknown field "bogus"/);
    expect(run.stdout).toMatch(/14:1\s+error\s+no-legacy-provisioner\s+StorageClass\/legacy/);
    expect(run.stdout).toMatch(/15:1\s+error\s+storage-class-retain/);
    expect(run.stdout.trim().split('\n').at(-1)).toMatch(/^\d+ error\(s\), \d+ warning\(s\), \d+ info, 0 suppressed; 2 resources in 1 render\(s\)/);
    expect(run.stdout).not.toContain('\u001b['); // no colour off a terminal
    const summary = await runCli(['validate', file, ...SCHEMAS, '--summary'], REPO);
    expect(summary.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('JSON: the summary and every finding as data', async () => {
    const run = await runCli(['validate', write(BAD), ...SCHEMAS, '-o', 'json'], REPO);
    const parsed = JSON.parse(run.stdout) as { summary: { errors: number }; findings: { ruleId: string; position?: { line: number } }[] };
    expect(parsed.summary.errors).toBeGreaterThanOrEqual(3);
    expect(parsed.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['schema/invalid', 'no-legacy-provisioner', 'storage-class-retain']));
  });

  it('SARIF 2.1.0: valid against the schema, rules with help text, results at the file', async () => {
    const run = await runCli(['validate', write(BAD), ...SCHEMAS, '-o', 'sarif'], REPO);
    const sarif = JSON.parse(run.stdout) as {
      runs: {
        tool: { driver: { rules: { id: string; help: { text: string } }[] } };
        results: { ruleId: string; level: string; locations: { physicalLocation: { region?: { startLine: number } } }[] }[];
      }[];
    };
    // The schema is draft-04; it uses no keyword whose meaning changed by draft-07.
    const validateSarif = sarifValidator();
    expect(validateSarif(sarif), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
    const [run0] = sarif.runs;
    expect(run0?.tool.driver.rules.find((r) => r.id === 'storage-class-retain')?.help.text).toMatch(/Retain/);
    const result = run0?.results.find((r) => r.ruleId === 'no-legacy-provisioner');
    expect(result?.level).toBe('error');
    expect(result?.locations[0]?.physicalLocation.region?.startLine).toBe(14);
  });

  it('JUnit: well-formed XML, one suite per render, failures for findings', async () => {
    const run = await runCli(['validate', write(BAD), ...SCHEMAS, '-o', 'junit'], REPO);
    expect(XMLValidator.validate(run.stdout)).toBe(true);
    const xml = new XMLParser({ ignoreAttributes: false }).parse(run.stdout) as { testsuites: { '@_failures': string; testsuite: { testcase: unknown[] } } };
    expect(Number(xml.testsuites['@_failures'])).toBeGreaterThanOrEqual(3);
    expect(run.stdout).toContain('<failure type="no-legacy-provisioner"');
  });
});

describe('suppression', () => {
  const annotated = (reason: string) =>
    BAD.replace('  name: legacy\n', `  name: legacy\n  annotations:\n    ignore-check.bvchart.io/storage-class-retain: "${reason}"\n`);

  it('by annotation with a reason: listed as suppressed, not counted', async () => {
    const run = await runCli(['validate', write(annotated('volumes are snapshotted nightly')), ...SCHEMAS, '-o', 'json'], REPO);
    const parsed = JSON.parse(run.stdout) as { findings: { ruleId: string; suppressed?: { reason: string; by: string } }[]; summary: { suppressed: number } };
    const f = parsed.findings.find((x) => x.ruleId === 'storage-class-retain');
    expect(f?.suppressed).toEqual({ reason: 'volumes are snapshotted nightly', by: 'annotation' });
    expect(parsed.summary.suppressed).toBe(1);
    expect(parsed.findings.some((x) => x.ruleId === 'suppression-reason')).toBe(false);
  });

  it('by annotation without a reason: a finding of its own', async () => {
    const run = await runCli(['validate', write(annotated('')), ...SCHEMAS, '-o', 'json'], REPO);
    const parsed = JSON.parse(run.stdout) as { findings: { ruleId: string; severity: string }[] };
    expect(parsed.findings).toEqual(expect.arrayContaining([expect.objectContaining({ ruleId: 'suppression-reason', severity: 'error' })]));
  });

  it('by config file, for one object; a bad config is a usage error with its line', async () => {
    const dir = tmp();
    const config = path.join(dir, 'bvchart.yaml');
    fs.writeFileSync(
      config,
      'suppressions:\n  - rule: no-legacy-provisioner\n    kind: StorageClass\n    name: legacy\n    reason: migrating to CSI next quarter\ndisabledRules: [storage-class-encrypted]\n',
    );
    const run = await runCli(['validate', write(BAD), ...SCHEMAS, '-o', 'json', '--config', config], REPO);
    const parsed = JSON.parse(run.stdout) as { findings: { ruleId: string; suppressed?: { by: string } }[] };
    expect(parsed.findings.find((f) => f.ruleId === 'no-legacy-provisioner')?.suppressed?.by).toBe('config');
    expect(parsed.findings.some((f) => f.ruleId === 'storage-class-encrypted')).toBe(false);

    fs.writeFileSync(config, 'suppressions:\n  - rule: no-legacy-provisioner\n');
    const bad = await runCli(['validate', write(BAD), ...SCHEMAS, '--config', config], REPO);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bvchart\.yaml:2:5: error \[config\/invalid\] \/suppressions\/0: must have required property 'reason'/);
  });
});

describe('inputs', () => {
  it('a chart folder over the matrix: every render named in the summary', async () => {
    const known = knownFlowFindingsConfig(tmp());
    const run = await runCli(['validate', CHART, ...SCHEMAS, '--kubernetes-version', '1.30.0,1.35.0', '--config', known, '--summary'], REPO);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/0 error\(s\), 0 warning\(s\), \d+ info, \d+ suppressed; \d+ resources in 4 render\(s\)/);
  });

  it('a packaged chart (.tgz)', async () => {
    const dir = tmp();
    const pack = await new Helm(4).exec(['package', CHART, '--destination', dir]);
    expect(pack.status, pack.stderr).toBe(0);
    const tgz = fs.readdirSync(dir).find((f) => f.endsWith('.tgz'));
    const run = await runCli(
      [
        'validate',
        path.join(dir, tgz ?? ''),
        ...SCHEMAS,
        '--kubernetes-version',
        '1.33.0',
        '--helm',
        '3',
        '--config',
        knownFlowFindingsConfig(dir),
        '--summary',
      ],
      REPO,
    );
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/in 1 render\(s\)/);
  });

  it('stdin', async () => {
    let out = '';
    const { main } = await import('../../cli/bvchart.ts');
    const code = await main(['validate', '-', ...SCHEMAS, '-o', 'json'], { out: (t) => (out += t), err: () => undefined, cwd: REPO, stdin: () => BAD });
    expect(code).toBe(1);
    expect(out).toContain('"file": "stdin"');
  });

  it('a render error is a finding naming the values file, not a crash', async () => {
    const values = write('replicas: 2\nautoscaling:\n  enabled: false\n', 'two-pods.yaml');
    const run = await runCli(['validate', CHART, '-f', values, ...SCHEMAS, '--kubernetes-version', '1.33.0', '--helm', '4'], REPO);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(values);
    expect(run.stdout).toMatch(/render-failed\s+helm template failed: .*replicas, quorum\.writeQuorum: 2 pods, but quorum\.writeQuorum=2/);
  });

  it('a render error in JSON names the values keys where they were set: the -f file, else the chart default', async () => {
    const values = write('# two pods\nautoscaling:\n  enabled: false\nreplicas: 2\n', 'two-pods-json.yaml');
    const run = await runCli(['validate', CHART, '-f', values, ...SCHEMAS, '--kubernetes-version', '1.33.0', '--helm', '3', '-o', 'json'], REPO);
    expect(run.code).toBe(1);
    const parsed = JSON.parse(run.stdout) as { findings: { ruleId: string; values?: unknown; template?: { file: string } }[] };
    const quorumLine =
      fs
        .readFileSync(path.join(CHART, 'values.yaml'), 'utf8')
        .split('\n')
        .findIndex((l) => /^ {2}writeQuorum:/.test(l)) + 1;
    expect(parsed.findings).toHaveLength(1);
    expect(parsed.findings[0]).toMatchObject({
      ruleId: 'render-failed',
      values: [
        { file: values, line: 4, column: 1, path: 'replicas' },
        { file: path.join(CHART, 'values.yaml'), line: quorumLine, column: 3, path: 'quorum.writeQuorum' },
      ],
      template: { file: path.join(REPO, 'generator', 'templates', 'chart', 'templates', 'statefulset.yaml') },
    });
  });

  it('findings in a chart name the template file', async () => {
    const values = write('storageClass:\n  reclaimPolicy: Delete\n', 'delete.yaml');
    const run = await runCli(['validate', CHART, '-f', values, ...SCHEMAS, '--kubernetes-version', '1.33.0', '--helm', '4', '-o', 'json'], REPO);
    const parsed = JSON.parse(run.stdout) as { findings: { ruleId: string; file: string }[] };
    expect(parsed.findings.find((f) => f.ruleId === 'storage-class-retain')?.file).toBe(path.join(CHART, 'templates/storageclass.yaml'));
  });
});
