// bvchart schemas convert: build a kubeconform-layout schema folder from an OpenAPI v2
// document (a cluster's /openapi/v2, or a swagger.json) and/or CRD manifests, for
// `bvchart validate --schema-location <folder>` (and kubeconform) to use offline.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseYamlFile } from '../core/yaml-source.ts';
import { convertCrd } from '../validator/schemas/convert-crd.ts';
import { convertOpenApiV2 } from '../validator/schemas/convert-openapi.ts';
import { writeSchemaLayout } from '../validator/schemas/write-schema-layout.ts';
import { type CliIO, UsageError } from './cli-io.ts';

export const SCHEMAS_USAGE = `usage: bvchart schemas convert --out DIR [--openapi FILE --kubernetes-version V] [--crd FILE ...] [--no-strict]
  --openapi FILE            OpenAPI v2 document (kubectl get --raw /openapi/v2 > swagger.json)
  --kubernetes-version V    the cluster's version, names the folder (v1.33.0-standalone-strict)
  --crd FILE                a file of CustomResourceDefinition manifests; repeatable
  --out DIR                 where to write the layout
  --no-strict               do not close objects (writes -standalone instead of -standalone-strict)
`;

export async function schemasCommand(args: string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'convert') throw new UsageError(`unknown schemas command "${sub ?? ''}"\n${SCHEMAS_USAGE}`);
  const { values } = parseArgs({
    args: rest,
    strict: true,
    options: {
      openapi: { type: 'string' },
      'kubernetes-version': { type: 'string' },
      crd: { type: 'string', multiple: true },
      out: { type: 'string' },
      'no-strict': { type: 'boolean', default: false },
    },
  });
  if (!values.out) throw new UsageError('--out is required');
  if (!values.openapi && !values.crd) throw new UsageError('give --openapi and/or --crd');
  const strict = !values['no-strict'];
  const out = path.resolve(io.cwd, values.out);
  if (values.openapi) {
    const version = values['kubernetes-version'];
    if (!version) throw new UsageError('--openapi needs --kubernetes-version');
    const document = JSON.parse(fs.readFileSync(path.resolve(io.cwd, values.openapi), 'utf8')) as unknown;
    const files = convertOpenApiV2(document, { strict });
    writeSchemaLayout(out, version, files, 'kubernetes', strict);
    io.out(`wrote ${files.size} Kubernetes schemas for ${version}\n`);
  }
  for (const crdFile of values.crd ?? []) {
    const file = path.resolve(io.cwd, crdFile);
    const parsed = parseYamlFile(file, fs.readFileSync(file, 'utf8'));
    if (parsed.diagnostics.length > 0) throw new UsageError(`${crdFile}: ${parsed.diagnostics[0]?.message ?? 'not YAML'}`);
    let count = 0;
    for (const doc of parsed.documents) {
      const kind = (doc.value as { kind?: unknown } | null)?.kind;
      if (kind !== 'CustomResourceDefinition') continue;
      const files = convertCrd(doc.value, { strict });
      writeSchemaLayout(out, values['kubernetes-version'] ?? '1.0.0', files, 'crd', strict);
      count += files.size;
    }
    io.out(`wrote ${count} CRD schemas from ${crdFile}\n`);
  }
  return 0;
}
