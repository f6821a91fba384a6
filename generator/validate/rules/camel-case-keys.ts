// Helm's best practices: value names start lower case and are camelCase, so `--set` paths
// and templates read the same. The one exception: Kubernetes resource names under
// `resources.requests` / `resources.limits` (`ephemeral-storage`), which are passed to the
// container as they are and must keep the spelling Kubernetes uses.
import type { SchemaRule } from './rule.ts';

const CAMEL = /^[a-z][a-zA-Z0-9]*$/;
const KUBERNETES_RESOURCE_NAMES: ReadonlySet<string> = new Set(['ephemeral-storage']);
const UNDER_RESOURCES = /\/resources\/properties\/(requests|limits)\/properties\/[^/]+$/;

/** Value names are camelCase. */
export const camelCaseKeys: SchemaRule = {
  id: 'camel-case-keys',
  roles: ['property'],
  check: ({ key, pointer }) => {
    if (key === undefined || CAMEL.test(key)) return undefined;
    if (KUBERNETES_RESOURCE_NAMES.has(key) && UNDER_RESOURCES.test(pointer)) return undefined;
    return { message: `"${key}" is not camelCase (Helm best practice)` };
  },
};
