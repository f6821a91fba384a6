// One place that builds Ajv instances for JSON Schema as Helm reads it (draft-07, formats
// asserted: values schemas, the config file, the chart metadata), so the CommonJS interop of
// ajv and ajv-formats is dealt with once. Kubernetes and CRD schemas get the other builder,
// validator/schemas/kube-ajv.ts: they are read the way kubeconform reads them (formats not
// asserted, union types, x-kubernetes-* keywords, RE2 patterns, code kept for the on-disk
// validator cache), options that would be wrong here.
// Both packages load on first use (load-on-demand.ts).
import type { Ajv, ErrorObject, Options } from 'ajv';
import { ajvFormatsLibrary, ajvLibrary } from './load-on-demand.ts';

type FormatsPlugin = (ajv: Ajv) => Ajv;

export function createAjv(options: Options = {}): Ajv {
  const ajv = new (ajvLibrary().Ajv)({ allErrors: true, strict: false, ...options });
  const formats = ajvFormatsLibrary() as unknown as FormatsPlugin & { default?: FormatsPlugin };
  (formats.default ?? formats)(ajv);
  return ajv;
}

/** One line per Ajv error, with the allowed values of enum errors spelled out. */
export function describeAjvError(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'enum' && Array.isArray(params.allowedValues)) {
    return `must be one of: ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    return `unknown key "${params.additionalProperty}"`;
  }
  return error.message ?? error.keyword;
}

export type { Ajv, ErrorObject };
