// The values key a render guard names. Our templates' `fail` messages start with the key to
// change, `<key>: <why>`, or several, `<key>, <key>: <why>` (the one to edit first); see
// generator/templates/chart/templates/_validate.tpl. Other charts: Bitnami's validation
// block (`VALUES VALIDATION:` then `<chart>: <key>` lines, common/_errors.tpl and each chart's
// `validateValues`), else `.Values.<key>` mentions.

/** A values key path as a guard writes it: `image.tag`, `networkPolicy.cloudApiCIDRs[1]`. */
const KEY = String.raw`[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[\d+\])*`;
const LEADING_KEYS = new RegExp(`^(${KEY}(?:, ${KEY})*): `);
const DOT_VALUES = new RegExp(String.raw`\.Values\.(${KEY})`, 'g');
const BITNAMI_BLOCK = /^VALUES VALIDATION:\n/;
const BITNAMI_KEY = new RegExp(String.raw`^[\w.-]+: (${KEY})$`, 'gm');

function unique(keys: Iterable<string | undefined>): string[] {
  return [...new Set(keys)].filter((k): k is string => k !== undefined && k !== '');
}

/** The keys a guard message names, in its order: the leading `<key>, <key>: ` form, Bitnami's validation block, else `.Values.<key>` mentions. */
export function guardKeys(message: string): string[] {
  const text = message.trim();
  const leading = LEADING_KEYS.exec(text);
  if (leading?.[1]) return leading[1].split(', ');
  if (BITNAMI_BLOCK.test(text)) return unique([...text.matchAll(BITNAMI_KEY)].map((m) => m[1]));
  return unique([...text.matchAll(DOT_VALUES)].map((m) => m[1]));
}

/** Where Helm says a template failed: `execution error at (<chart>/templates/x.yaml:7:4): <message>`. */
export interface TemplateFailure {
  /** The template as Helm names it: `<chart>/templates/x.yaml`, `<chart>/charts/<sub>/templates/y.yaml`. */
  readonly template: string;
  readonly line: number;
  readonly column: number;
  /** The guard's own words (after the location), or Helm's whole message for other template errors. */
  readonly message: string;
  /** True for `fail` and `required` (`execution error`); false for other template errors. */
  readonly guard: boolean;
}

const EXECUTION_ERROR = /execution error at \(([^():]+):(\d+):(\d+)\): ([\s\S]*)$/;
const TEMPLATE_ERROR = /template: ([^\s:]+):(\d+):(\d+): /;

/** The template location of a failed render, if Helm's message names one. */
export function templateFailure(helmMessage: string): TemplateFailure | undefined {
  const exec = EXECUTION_ERROR.exec(helmMessage);
  if (exec) {
    return { template: exec[1] ?? '', line: Number(exec[2]), column: Number(exec[3]), message: (exec[4] ?? '').trim(), guard: true };
  }
  const other = TEMPLATE_ERROR.exec(helmMessage);
  if (other) return { template: other[1] ?? '', line: Number(other[2]), column: Number(other[3]), message: helmMessage.trim(), guard: false };
  return undefined;
}
