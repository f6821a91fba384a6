// The in-process schema check against the real kubeconform binary: same manifests, same
// schema locations, identical verdicts per object (valid, invalid, error, skipped).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderSchemaLocations, runKubeconform } from '../../toolchain/kubeconform.ts';
import { parseManifests } from '../../validator/parse/parse-manifests.ts';
import { checkResource } from '../../validator/schemas/check-schemas.ts';
import { SchemaRegistry } from '../../validator/schemas/schema-registry.ts';
import { REPO } from '../helpers/project.ts';

const DIR = path.join(REPO, 'test', 'fixtures', 'manifests');
const FILES = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort();
const KUBE = '1.33.0';

/** Our verdicts, with parse problems counted as kubeconform counts them (status error). */
async function ours(file: string, ignoreMissingSchemas: boolean): Promise<string[]> {
  const text = fs.readFileSync(file, 'utf8');
  const parsed = parseManifests({ file, text });
  const registry = new SchemaRegistry({ kubernetesVersion: KUBE, schemaLocations: folderSchemaLocations(), strict: true });
  const out = parsed.findings.filter((f) => f.ruleId === 'parse/missing-signature').map((f) => `error: ${f.message}`);
  for (const r of parsed.resources) out.push(`${r.ref.kind}/${r.ref.name}:${(await checkResource(registry, r, ignoreMissingSchemas)).status}`);
  return out.sort();
}

async function theirs(file: string, ignoreMissingSchemas: boolean): Promise<string[]> {
  const report = await runKubeconform(
    { kubernetesVersion: KUBE, schemaLocations: folderSchemaLocations(), strict: true, ignoreMissingSchemas },
    { files: [file] },
  );
  return report.resources
    .map((r) => (/missing '(kind|apiVersion)' key/.test(r.msg) ? `error: ${r.msg.replace(/^error while parsing: /, '')}` : `${r.kind}/${r.name}:${r.status}`))
    .sort();
}

describe.each(FILES)('%s', (name) => {
  it.each([false, true])('same verdicts as kubeconform (ignore missing schemas: %s)', async (ignore) => {
    const file = path.join(DIR, name);
    const expected = await theirs(file, ignore);
    expect(expected.length).toBeGreaterThan(0);
    expect(await ours(file, ignore)).toEqual(expected);
  });
});

it('covers valid, invalid, error and skipped verdicts', async () => {
  const all = (await Promise.all(FILES.flatMap((f) => [ours(path.join(DIR, f), false), ours(path.join(DIR, f), true)]))).flat().join(' ');
  for (const status of [':valid', ':invalid', ':error', ':skipped']) expect(all).toContain(status);
});
