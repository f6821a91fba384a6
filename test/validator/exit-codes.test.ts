// The exit-code table of `bvchart validate` (README, "Exit codes"), each row run as a process:
// 0 clean, 1 findings, 2 usage or input error, 3 internal error; and the messages of issue 14.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderSchemaLocations, SHARED_SCHEMAS_DIR } from '../../toolchain/kubeconform.ts';
import { REPO } from '../helpers/project.ts';

const SCHEMAS = ['--schema-location', SHARED_SCHEMAS_DIR, '--schema-location', folderSchemaLocations()[1] ?? ''];
const BIN = path.join(REPO, 'bin', 'bvchart.js');
const FAULT = path.join(REPO, 'test', 'fixtures', 'faults', 'throw-on-read.mjs');
const INGRESS_NGINX = path.resolve(REPO, '..', 'shared', 'third-party', 'manifests', 'ingress-nginx', 'deploy', 'static', 'provider', 'cloud', 'deploy.yaml');

const CLEAN = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\ndata: {k: v}\n';
const INVALID = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bad}\ndata: {enabled: yes}\n';
const DUPLICATE = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: dup}\ndata:\n  k: a\n  k: b\n';

function folder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-exit-'));
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

function bvchart(args: readonly string[], preload?: string): { code: number | null; out: string } {
  const run = spawnSync(process.execPath, [...(preload ? ['--import', preload] : []), BIN, 'validate', ...args], {
    encoding: 'utf8',
    cwd: REPO,
    timeout: 120_000,
  });
  return { code: run.status, out: `${run.stdout}${run.stderr}` };
}

describe('exit codes, as a process', () => {
  const dir = folder({ 'clean.yaml': CLEAN, 'invalid.yaml': INVALID, 'dup.yaml': DUPLICATE, 'internal-fault.yaml': CLEAN });
  const file = (name: string) => path.join(dir, name);

  it.each([
    ['clean manifests', [file('clean.yaml')], 0, /0 error\(s\)/],
    ['a finding (yes is a boolean where a string is required)', [file('invalid.yaml')], 1, /schema\/invalid/],
    ['duplicate keys, strict (the API server refuses them)', [file('dup.yaml')], 1, /error\s+parse\/duplicate-key .*written twice/],
    [
      'duplicate keys, --no-strict (a warning; the last value wins)',
      [
        file('dup.yaml'),
        '--no-strict',
        '--schema-location',
        `${SHARED_SCHEMAS_DIR}/{{ .NormalizedKubernetesVersion }}-standalone-strict/{{ .ResourceKind }}{{ .KindSuffix }}.json`,
      ],
      0,
      /warning\s+parse\/duplicate-key/,
    ],
    ['--kubernetes-version abc', [file('clean.yaml'), '--kubernetes-version', 'abc'], 2, /--kubernetes-version: "abc" is not a Kubernetes version/],
    ['an unknown {{ .Foo }} in a schema location', [file('clean.yaml'), '--schema-location', '/s/{{ .Foo }}/x.json'], 2, /unknown variable \{\{ \.Foo \}\}/],
    ['an unknown rule set', [file('clean.yaml'), '--rules', 'schema,nope'], 2, /unknown rule set "nope"/],
    [
      'an internal exception (exit 3, "internal error", the input named)',
      [file('internal-fault.yaml')],
      3,
      /internal error while validating .*internal-fault\.yaml[\s\S]*simulated defect/,
    ],
  ] as const)('%s', (_name, args, code, message) => {
    const run = bvchart(
      [...args, ...SCHEMAS, ...(args.includes('--kubernetes-version') ? [] : ['--kubernetes-version', '1.33.0'])],
      code === 3 ? FAULT : undefined,
    );
    expect(run.code, run.out).toBe(code);
    expect(run.out).toMatch(message);
  });

  it('a symlink x.yaml to a folder is a finding for that file, and the run goes on (as kubeconform)', () => {
    const tree = folder({ 'a.yaml': CLEAN });
    fs.mkdirSync(path.join(tree, 'sub'));
    fs.symlinkSync(path.join(tree, 'sub'), path.join(tree, 'x.yaml'));
    const run = bvchart([tree, ...SCHEMAS, '--kubernetes-version', '1.33.0']);
    expect(run.code, run.out).toBe(1);
    expect(run.out).toMatch(/x\.yaml\n\s+-\s+error\s+input\/unreadable\s+cannot read the file: it is a folder/);
    expect(run.out).toMatch(/1 resources in 1 render/);
  });

  it.skipIf(!fs.existsSync(INGRESS_NGINX))("ingress-nginx's deploy.yaml: exit 0 with the default sets (schema), 1 with hardening", () => {
    const plain = bvchart([INGRESS_NGINX, ...SCHEMAS, '--kubernetes-version', '1.33.0']);
    expect(plain.code, plain.out).toBe(0);
    const hardened = bvchart([INGRESS_NGINX, ...SCHEMAS, '--kubernetes-version', '1.33.0', '--rules', 'schema,hardening']);
    expect(hardened.code, hardened.out).toBe(1);
    expect(hardened.out).toMatch(/resources-set/);
  });
});

describe('messages', () => {
  it('a Helm-rendered manifest file: findings name the file read, with the # Source: template as context', () => {
    const dir = folder({ 'rendered.yaml': `---\n# Source: app/templates/cm.yaml\n${INVALID}` });
    const run = bvchart([path.join(dir, 'rendered.yaml'), ...SCHEMAS, '--kubernetes-version', '1.33.0']);
    expect(run.out).toMatch(/rendered\.yaml\n\s+6:\d+\s+error\s+schema\/invalid .*\(# Source: app\/templates\/cm\.yaml\)/);
    expect(run.out).not.toMatch(/^app\/templates/m);
  });

  it('a document that cannot be a Kubernetes object is reported once: malformed JSON, an unrendered template', () => {
    const json = '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x"}, "data": {"a": "b",, "c": [1, 2}\n';
    const template =
      '{{- if .Values.enabled }}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ include "x.fullname" . }}\n  labels:\n    {{- include "x.labels" . | nindent 4 }}\ndata:\n  {{- range $k, $v := .Values.data }}\n  {{ $k }}: {{ $v | quote }}\n  {{- end }}\n{{- end }}\n';
    const dir = folder({ 'bad.json': json, 'template.yaml': template });
    const run = bvchart([dir, ...SCHEMAS, '--kubernetes-version', '1.33.0']);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/^2 error\(s\)/m);
  });

  it('the text report groups a finding across renders only at the same line', () => {
    const dir = folder({ 'two.yaml': `${INVALID}---\n${INVALID.replace('name: bad', 'name: bad2')}` });
    const run = bvchart([path.join(dir, 'two.yaml'), ...SCHEMAS, '--kubernetes-version', '1.32.0,1.33.0']);
    const lines = run.out.split('\n').filter((l) => /schema\/invalid/.test(l));
    expect(lines).toHaveLength(2);
    expect(run.out).toMatch(/in all 2 renders/);
  });
});

// Standard input is read as bytes, like a file: invalid UTF-8 is a finding at its line (as
// go-yaml refuses it), not silently replaced by U+FFFD and accepted.
describe('standard input, as a process', () => {
  const bytes = Buffer.concat([
    Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  k: "caf', 'utf8'),
    Buffer.from([0xe9]),
    Buffer.from('"\n', 'utf8'),
  ]);

  it('invalid UTF-8 on stdin is reported as it is in a file: the same finding at the same line, exit 1', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-stdin-'));
    const onDisk = path.join(dir, 'latin1.yaml');
    fs.writeFileSync(onDisk, bytes);
    const viaFile = spawnSync(process.execPath, [BIN, 'validate', onDisk, ...SCHEMAS, '-o', 'json'], { encoding: 'utf8', cwd: REPO, timeout: 120_000 });
    const viaStdin = spawnSync(process.execPath, [BIN, 'validate', '-', ...SCHEMAS, '-o', 'json'], {
      input: bytes,
      encoding: 'utf8',
      cwd: REPO,
      timeout: 120_000,
    });
    const findings = (stdout: string) =>
      (JSON.parse(stdout) as { findings: { ruleId: string; message: string; position?: { line: number } }[] }).findings.map(
        (f) => `${f.ruleId} ${f.position?.line}: ${f.message}`,
      );
    expect(viaFile.status).toBe(1);
    expect(viaStdin.status, viaStdin.stderr).toBe(1);
    expect(findings(viaStdin.stdout)).toEqual(findings(viaFile.stdout));
    expect(findings(viaStdin.stdout).join('\n')).toMatch(/5: .*UTF-8/);
  });
});
