// Writes converted schemas into the folder layout kubeconform (and our SchemaRegistry) look
// up, so a converted set is used by pointing a schema location at `outDir`:
//   kubernetes → outDir/v{X.Y.0}-standalone[-strict]/{kind}[-{group}]-{version}.json
//   crd        → outDir/crds/{group}/{kind}_{version}.json
// Why atomic (temp file + rename): a validator may be reading the same folder, and an
// interrupted run must not leave a truncated schema that later fails as "broken". Files are
// minified like the shipped catalogue (no trailing newline, byte-identical to it).
import path from 'node:path';
import { writeFileAtomically } from '../../core/write-file-atomically.ts';
import { normalizeKubernetesVersion } from './schema-location.ts';

export type SchemaLayoutKind = 'kubernetes' | 'crd';

/** The folder a set of schemas belongs in, relative to a schema location root. */
export function schemaLayoutFolder(kubernetesVersion: string, kind: SchemaLayoutKind, strict: boolean): string {
  if (kind === 'crd') return 'crds';
  const version = normalizeKubernetesVersion(kubernetesVersion);
  return `${version === 'master' ? version : `v${version}`}-standalone${strict ? '-strict' : ''}`;
}

/**
 * Writes every `files` entry (name relative to the layout folder, as returned by
 * convertOpenApiV2 / convertCrd) and returns the folder written to. `kubernetesVersion` is
 * ignored for CRDs; `strict` picks `-standalone-strict` or `-standalone`.
 */
export function writeSchemaLayout(outDir: string, kubernetesVersion: string, files: Map<string, object>, kind: SchemaLayoutKind, strict = true): string {
  const folder = path.resolve(outDir, schemaLayoutFolder(kubernetesVersion, kind, strict));
  for (const [name, schema] of files) {
    const target = path.resolve(folder, name);
    if (!name.endsWith('.json') || path.relative(folder, target).startsWith('..') || path.isAbsolute(name)) {
      throw new Error(`schema file name ${JSON.stringify(name)} must be a relative .json path inside ${folder}`);
    }
    writeFileAtomically(target, JSON.stringify(schema));
  }
  return folder;
}
