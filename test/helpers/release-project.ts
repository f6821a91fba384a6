// A temporary project whose chart declares a given release key (schema/chart.yaml signKey),
// regenerated, so `bvchart release` can sign it with a throwaway key; and edits that change
// the chart or bump its version the way a maintainer would (in schema/, then generate).
import fs from 'node:fs';
import path from 'node:path';
import { generate } from '../../generator/generate.ts';
import { editFile, tempProject } from './project.ts';

async function regenerate(root: string): Promise<void> {
  const result = await generate({ root, mode: 'write' });
  if (!result.ok) throw new Error(`generate failed: ${result.diagnostics.map((d) => d.message).join('; ')}`);
}

export async function releaseProject(fingerprint: string): Promise<string> {
  const root = tempProject();
  editFile(root, 'schema/chart.yaml', /fingerprint: [0-9A-F]{40}/, `fingerprint: ${fingerprint}`);
  await regenerate(root);
  return root;
}

/** Changes what the chart deploys (the Redis image tag), without touching the version. */
export async function changeChart(root: string, redisTag: string): Promise<void> {
  const file = path.join(root, 'schema', 'values.schema.yaml');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/7\.4\.2/g, redisTag));
  await regenerate(root);
}

/** A new chart version with its changelog entry. */
export async function bumpVersion(root: string, version: string): Promise<void> {
  editFile(root, 'schema/chart.yaml', /^version: .*$/m, `version: ${version}`);
  editFile(
    root,
    'schema/CHANGELOG.yaml',
    /^- version:/m,
    `- version: ${version}\n  changes:\n    - kind: changed\n      description: Test release ${version}.\n- version:`,
  );
  await regenerate(root);
}
