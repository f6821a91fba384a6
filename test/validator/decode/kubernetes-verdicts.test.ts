// Each crafted input of issue 14 with Kubernetes' verdict, judged by something we did not
// write: kubeconform v0.7.0 (schema verdicts; it decodes with sigs.k8s.io/yaml) or, where
// kubeconform reads the stream differently from kubectl, the Go reference decoder
// (toolchain/go/yaml-decode: kubectl's YAMLReader and sigs.k8s.io/yaml). bvchart must agree.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderSchemaLocations, runKubeconform, SHARED_SCHEMAS_DIR } from '../../../toolchain/kubeconform.ts';
import { locateTool } from '../../../toolchain/locate-tool.ts';
import { runProcess } from '../../../toolchain/run-process.ts';
import { exitCodeFor } from '../../../validator/exit-code.ts';
import { decodeStream } from '../../../validator/parse/decode-stream.ts';
import { manifestText } from '../../../validator/parse/manifest-text.ts';
import { validate } from '../../../validator/validate.ts';

const LOCATIONS = [SHARED_SCHEMAS_DIR, folderSchemaLocations()[1] ?? ''];
const K8S = '1.33.0';

const configMap = (data: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  annotations:\n    a: x\ndata:\n${data}`;
const deployment = (replicas: string, extra = '') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d${extra}\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels: {app: d}\n  template:\n    metadata:\n      labels: {app: d}\n    spec:\n      containers:\n        - name: c\n          image: nginx:1.27.0\n`;

interface Case {
  readonly name: string;
  readonly bytes: Buffer;
  readonly verdict: 'refuse' | 'accept';
  readonly judge: 'kubeconform' | 'go-decoder';
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');

const CASES: readonly Case[] = [
  {
    name: 'enabled: yes in a ConfigMap (a boolean where a string is required)',
    bytes: utf8(configMap('  enabled: yes\n')),
    verdict: 'refuse',
    judge: 'kubeconform',
  },
  { name: 'annotation feature: on', bytes: utf8(configMap('  k: v\n').replace('    a: x', '    feature: on')), verdict: 'refuse', judge: 'kubeconform' },
  {
    name: 'merge keys (<<: *base)',
    bytes: utf8(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels: &base {app: x}\n  annotations:\n    <<: *base\n    extra: z\ndata: {k: v}\n`),
    verdict: 'accept',
    judge: 'kubeconform',
  },
  { name: 'a null: map key', bytes: utf8(configMap('  null: x\n')), verdict: 'refuse', judge: 'kubeconform' },
  { name: 'a ~: map key', bytes: utf8(configMap('  ~: x\n')), verdict: 'refuse', judge: 'go-decoder' },
  {
    name: 'invalid UTF-8 in a string',
    bytes: Buffer.concat([utf8(configMap('  k: "caf')), Buffer.from([0xe9]), utf8('"\n')]),
    verdict: 'refuse',
    judge: 'go-decoder',
  },
  { name: 'replicas: 1_0', bytes: utf8(deployment('1_0')), verdict: 'accept', judge: 'kubeconform' },
  {
    name: 'replicas: 1_0 with an anchor in the document',
    bytes: utf8(deployment('1_0', '\n  labels: &l {a: b}\n  annotations: *l')),
    verdict: 'accept',
    judge: 'kubeconform',
  },
  {
    name: 'replicas: 0b11 with an anchor in the document',
    bytes: utf8(deployment('0b11', '\n  labels: &l {a: b}\n  annotations: *l')),
    verdict: 'accept',
    judge: 'kubeconform',
  },
  { name: 'replicas: yes', bytes: utf8(deployment('yes')), verdict: 'refuse', judge: 'kubeconform' },
  { name: 'a UTF-8 BOM after ---', bytes: utf8(`---\n\uFEFF${configMap('  k: v\n')}`), verdict: 'refuse', judge: 'go-decoder' },
  { name: 'a UTF-8 BOM at the start of the file', bytes: utf8(`\uFEFF${configMap('  k: v\n')}`), verdict: 'accept', judge: 'go-decoder' },
  {
    name: '---apiVersion: (no line break after the marker)',
    bytes: utf8(`${configMap('  k: v\n')}---apiVersion: v1\nkind: ConfigMap\nmetadata: {name: e}\n`),
    verdict: 'refuse',
    judge: 'go-decoder',
  },
  { name: '--------- (a long marker)', bytes: utf8(`${configMap('  k: v\n')}---------\n${configMap('  k: w\n')}`), verdict: 'refuse', judge: 'go-decoder' },
  {
    name: '--- # comment (a valid marker)',
    bytes: utf8(`${configMap('  k: v\n')}--- # next\n${configMap('  k: w\n')}`),
    verdict: 'accept',
    judge: 'go-decoder',
  },
];

/** kubectl's verdict on the decoding: any error, or a document without apiVersion and kind, refuses the stream. */
async function goDecoderVerdict(bytes: Buffer): Promise<{ verdict: 'refuse' | 'accept'; documents: unknown[] }> {
  const run = await runProcess(locateTool('yaml-decode'), ['-batch'], { input: JSON.stringify([bytes.toString('base64')]) });
  const [events = []] = JSON.parse(run.stdout) as { json?: string; error?: string }[][];
  const documents = events.map((e) => (e.json !== undefined ? (JSON.parse(e.json) as unknown) : undefined));
  const refused =
    events.some((e) => e.error !== undefined) || documents.some((d) => d !== null && (typeof d !== 'object' || !('apiVersion' in d) || !('kind' in d)));
  return { verdict: refused ? 'refuse' : 'accept', documents };
}

function write(bytes: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-verdict-')), 'manifest.yaml');
  fs.writeFileSync(file, bytes);
  return file;
}

describe("crafted inputs: bvchart's verdict is Kubernetes'", () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const file = write(c.bytes);
    if (c.judge === 'kubeconform') {
      const judged = await runKubeconform({ kubernetesVersion: K8S, schemaLocations: LOCATIONS, strict: true }, { files: [file] });
      expect(judged.status === 0 ? 'accept' : 'refuse', JSON.stringify(judged.resources)).toBe(c.verdict);
    } else {
      expect((await goDecoderVerdict(c.bytes)).verdict).toBe(c.verdict);
    }
    const report = await validate({ inputs: [file], kubernetesVersions: [K8S], schemaLocations: LOCATIONS, strict: true });
    expect(exitCodeFor(report, 'error') === 0 ? 'accept' : 'refuse', JSON.stringify(report.findings.map((f) => `${f.ruleId}: ${f.message}`))).toBe(c.verdict);
  });

  // kubeconform -strict calls a resource with a duplicate key an error; bvchart reports the key
  // once (parse/duplicate-key, at its line) and counts the resource's schema verdict as an
  // error too, so the summaries agree. (--no-strict follows the API server instead, which warns
  // and keeps the last value: exit-codes.test.ts.)
  it("a duplicate key, strict: the schema verdict is kubeconform's, the finding is reported once", async () => {
    const file = write(utf8(configMap('  k: a\n  k: b\n')));
    const judged = await runKubeconform({ kubernetesVersion: K8S, schemaLocations: LOCATIONS, strict: true }, { files: [file] });
    expect(judged.resources.map((r) => r.status)).toEqual(['error']);
    const report = await validate({ inputs: [file], kubernetesVersions: [K8S], schemaLocations: LOCATIONS, strict: true, ruleSets: ['schema'] });
    expect(report.summary.schema).toEqual({ valid: 0, invalid: 0, error: 1, skipped: 0 });
    expect(report.findings.map((f) => `${f.ruleId} ${f.severity} ${f.position?.line}`)).toEqual(['parse/duplicate-key error 9']);
  });

  it('reads 1_0 and 0b11 as the Go decoder does, anchors or not', async () => {
    for (const [replicas, value] of [
      ['1_0', 10],
      ['0b11', 3],
      ['0755', 493],
      ['0o17', 15],
      ['0x1F', 31],
    ] as const) {
      for (const extra of ['', '\n  labels: &l {a: b}\n  annotations: *l']) {
        const bytes = utf8(deployment(replicas, extra));
        const go = await goDecoderVerdict(bytes);
        expect((go.documents[0] as { spec: { replicas: number } }).spec.replicas).toBe(value);
        const [ours] = [...decodeStream(manifestText(bytes))];
        expect(ours?.kind === 'document' && ours.result.ok ? (ours.result.value as { spec: { replicas: number } }).spec.replicas : undefined).toBe(value);
      }
    }
  });
});
