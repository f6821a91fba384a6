// Kubernetes label selectors as NetworkPolicies read them (metav1.LabelSelector): the
// requirements are ANDed, and an empty selector ({} or absent where the API says so)
// selects everything. Unlike validator/policy/rendered-set.ts `selects` (which treats an
// empty selector as "nothing" for PDBs and monitors), this is the policy semantics.
export type Labels = Readonly<Record<string, string>>;

export interface SelectorRequirement {
  readonly key: string;
  readonly operator: string;
  readonly values?: readonly string[];
}

export interface Selector {
  readonly matchLabels?: Labels;
  readonly matchExpressions?: readonly SelectorRequirement[];
}

export function isEmptySelector(selector: Selector): boolean {
  return Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0;
}

function requirementMatches(r: SelectorRequirement, labels: Labels): boolean {
  const has = Object.hasOwn(labels, r.key);
  const value = labels[r.key];
  switch (r.operator) {
    case 'In':
      return has && (r.values ?? []).includes(value ?? '');
    case 'NotIn':
      return !has || !(r.values ?? []).includes(value ?? '');
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    default:
      // The API server refuses other operators; a selector it would refuse selects nothing.
      return false;
  }
}

export function matchesSelector(selector: Selector, labels: Labels): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) if (labels[key] !== value) return false;
  return (selector.matchExpressions ?? []).every((r) => requirementMatches(r, labels));
}

/** One line for messages: `app=web,tier in (a,b)`, or `all` for the empty selector. */
export function describeSelector(selector: Selector): string {
  if (isEmptySelector(selector)) return 'all';
  const parts = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const r of selector.matchExpressions ?? []) {
    if (r.operator === 'Exists') parts.push(r.key);
    else if (r.operator === 'DoesNotExist') parts.push(`!${r.key}`);
    else parts.push(`${r.key} ${r.operator === 'In' ? 'in' : 'notin'} (${(r.values ?? []).join(',')})`);
  }
  return parts.join(',');
}
