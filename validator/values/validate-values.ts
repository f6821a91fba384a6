// Values files against a chart's values.schema.json, as Helm checks them at install, but
// with the file, line, column and key path of each problem.
import fs from 'node:fs';
import path from 'node:path';
import { createAjv, describeAjvError, type ErrorObject } from '../../core/ajv.ts';
import { type Diagnostic, fromPointer, toPointer } from '../../core/diagnostic.ts';
import { parseSingleYamlDocument } from '../../core/yaml-source.ts';

export type ValuesValidator = (file: string, text: string) => Diagnostic[];

/** Where an Ajv error points: the offending key itself for unknown keys. */
function pointerOf(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    return `${error.instancePath}${toPointer([params.additionalProperty])}`;
  }
  if (error.keyword === 'required' && typeof params.missingProperty === 'string') return error.instancePath;
  return error.instancePath;
}

/** JSON Pointer as a values key path: /image/tag → image.tag, /hosts/0/host → hosts[0].host. */
export function keyPath(pointer: string): string {
  if (pointer === '') return '(root)';
  return fromPointer(pointer).reduce((acc, seg) => (/^\d+$/.test(seg) ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), '');
}

export function createValuesValidator(schema: object): ValuesValidator {
  const ajv = createAjv();
  const validate = ajv.compile(schema);
  return (file, text) => {
    const parsed = parseSingleYamlDocument(file, text);
    if (!parsed.document) {
      // An empty values file is valid for Helm: it overrides nothing.
      return parsed.diagnostics.filter((d) => d.code !== 'yaml/empty');
    }
    const document = parsed.document;
    if (validate(document.value)) return [];
    const seen = new Set<string>();
    const out: Diagnostic[] = [];
    for (const error of validate.errors ?? []) {
      // anyOf/oneOf/not summaries repeat their branches' errors; `if` likewise.
      if (['anyOf', 'oneOf', 'if'].includes(error.keyword)) continue;
      const pointer = pointerOf(error);
      const message = `${keyPath(pointer)}: ${error.keyword === 'not' ? 'is a value that is not allowed' : describeAjvError(error)}`;
      if (seen.has(message)) continue;
      seen.add(message);
      out.push({
        code: `values/${error.keyword}`,
        severity: 'error',
        file,
        pointer,
        position: document.positionOf(pointer),
        message,
      });
    }
    return out.sort((a, b) => (a.position?.line ?? 0) - (b.position?.line ?? 0) || (a.position?.column ?? 0) - (b.position?.column ?? 0));
  };
}

/** Validates values files against the chart folder's values.schema.json. */
export function validateValuesFiles(chartDir: string, files: readonly string[]): Diagnostic[] {
  const schemaFile = path.join(chartDir, 'values.schema.json');
  const validator = createValuesValidator(JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as object);
  return files.flatMap((file) => validator(file, fs.readFileSync(file, 'utf8')));
}
