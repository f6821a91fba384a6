// Helm's best practices: value names start lower case and are camelCase, so `--set` paths
// and templates read the same.
import type { SchemaRule } from './rule.ts';

const CAMEL = /^[a-z][a-zA-Z0-9]*$/;

export const camelCaseKeys: SchemaRule = {
  id: 'camel-case-keys',
  sentence: 'value names are camelCase',
  roles: ['property'],
  check: ({ key }) =>
    key === undefined || CAMEL.test(key) ? undefined : { message: `"${key}" is not camelCase (Helm best practice)` },
};
