// Large-input tier (slow): a 50 MB file of manifests is read document by document, with no
// finding and in bounded time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { folderSchemaLocations } from '../../toolchain/kubeconform.ts';
import { validate } from '../../validator/validate.ts';

it('a 50 MB file of manifests is read document by document, in bounded time', async () => {
  const doc = (i: number) => `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\ndata:\n  payload: "${'x'.repeat(4000)}"\n`;
  const count = Math.ceil((50 * 1024 * 1024) / doc(0).length);
  const text = Array.from({ length: count }, (_, i) => doc(i)).join('');
  expect(text.length).toBeGreaterThan(50 * 1024 * 1024);
  const started = Date.now();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-big-')), 'big.yaml');
  fs.writeFileSync(file, text);
  const report = await validate({ inputs: [file], kubernetesVersions: ['1.33.0'], schemaLocations: folderSchemaLocations() });
  const findings = report.findings;
  expect(report.summary.resources).toBe(count);
  expect(findings).toEqual([]);
  expect(Date.now() - started).toBeLessThan(90_000);
}, 120_000);
