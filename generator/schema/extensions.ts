// The generator's own schema keywords. They carry generation hints, are checked like any
// other keyword, and are stripped from the published chart/values.schema.json.

export interface ExtensionKeyword {
  readonly keyword: string;
  /** Returns a problem with the keyword's value, or undefined when it is well formed. */
  readonly check: (value: unknown) => string | undefined;
}

const nonEmptyString = (what: string) => (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' ? undefined : `must be a non-empty string: ${what}`;

export const EXTENSION_KEYWORDS: readonly ExtensionKeyword[] = [
  // An object that accepts keys the schema does not declare says why.
  {
    keyword: 'x-bv-open',
    check: nonEmptyString('the reason the object is open'),
  },
  // A value no template reads says why it exists.
  {
    keyword: 'x-bv-unused',
    check: nonEmptyString('the reason no template reads the value'),
  },
  // A scalar application setting names the environment variable that carries it into the container.
  {
    keyword: 'x-bv-env',
    check: (value) => (typeof value === 'string' && /^[A-Z][A-Z0-9_]*$/.test(value) ? undefined : 'must name an environment variable (UPPER_SNAKE_CASE)'),
  },
];

export const EXTENSION_PREFIX = 'x-bv-';

export function extensionKeyword(name: string): ExtensionKeyword | undefined {
  return EXTENSION_KEYWORDS.find((k) => k.keyword === name);
}
