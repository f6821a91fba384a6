// An Ajv instance that reads Kubernetes and CRD JSON schemas the way kubeconform does:
// the x-kubernetes-* keywords are known annotations, union types are allowed, formats are
// not asserted, and RE2 patterns are translated to JavaScript (re2-to-js.ts: inline flags,
// escapes JavaScript lacks such as `\_`, `\z`, `\Q..\E`).
// This is the second place Ajv is built, beside core/ajv.ts (draft-07 as Helm reads values
// schemas, formats asserted): every option here differs, and its fingerprint keys the
// on-disk validator cache (validator-cache.ts), so the two stay apart on purpose.
import type { Ajv } from 'ajv';
import { ajvLibrary } from '../../core/load-on-demand.ts';
import { translateRe2 } from './re2-to-js.ts';

export const KUBERNETES_KEYWORDS = [
  'x-kubernetes-group-version-kind',
  'x-kubernetes-list-map-keys',
  'x-kubernetes-list-type',
  'x-kubernetes-map-type',
  'x-kubernetes-patch-merge-key',
  'x-kubernetes-patch-strategy',
  'x-kubernetes-unions',
  'x-kubernetes-int-or-string',
  'x-kubernetes-preserve-unknown-fields',
  'x-kubernetes-embedded-resource',
  'x-kubernetes-validations',
  'x-kubernetes-selectable-fields',
] as const;

type RegExpEngine = ((pattern: string, flags: string) => RegExp) & { code: string };

/** The name compiled code calls the pattern engine by; the validator cache binds it (validator-cache.ts). */
export const RE2_REGEXP_NAME = 'bvchartRegExp';

export const re2Compatible: RegExpEngine = Object.assign(
  (pattern: string, flags: string): RegExp => {
    // RE2 inline flags such as `^(?i)(abort|warn)?$` become flags of the whole expression
    // (CRD patterns only use them for the whole pattern).
    const { source, flags: extra } = translateRe2(pattern);
    return new RegExp(source, [...new Set([...flags, ...extra])].join(''));
  },
  { code: RE2_REGEXP_NAME },
);

const KUBE_AJV_OPTIONS = {
  strict: false,
  strictTypes: false,
  allowUnionTypes: true,
  validateFormats: false,
  allErrors: true,
  validateSchema: false,
  // Shared subschemas (share-subschemas.ts) compile to one function each, called where used.
  inlineRefs: false,
} as const;

/** What shapes compiled code besides the schema: options, vocabulary and the pattern translation. */
export const KUBE_AJV_FINGERPRINT = JSON.stringify([KUBE_AJV_OPTIONS, KUBERNETES_KEYWORDS, re2Compatible.toString()]);

export function createKubeAjv(): Ajv {
  // `source: true` keeps each validator's code, so it can be cached on disk as standalone code.
  const ajv = new (ajvLibrary().Ajv)({ ...KUBE_AJV_OPTIONS, code: { source: true, regExp: re2Compatible } });
  ajv.addVocabulary([...KUBERNETES_KEYWORDS]);
  return ajv;
}
