import { get, podTemplateOf, type Labels } from '../rendered-set.ts';
import type { Resource } from '../../parse/resource.ts';
import type { RenderedSet } from '../rendered-set.ts';
import type { SetRule, Violation } from '../rule.ts';

interface PolicyRule {
  apiGroups?: string[];
  resources?: string[];
  verbs?: string[];
  resourceNames?: string[];
}

/** Rules granted to a ServiceAccount through (Cluster)RoleBindings in the set. */
function grantsOf(set: RenderedSet, account: string, namespace: string | undefined): { binding: Resource; role: Resource | undefined; cluster: boolean }[] {
  return set.ofKind('RoleBinding', 'ClusterRoleBinding').flatMap((binding) => {
    const subjects = (get(binding.object, 'subjects') ?? []) as { kind?: string; name?: string; namespace?: string }[];
    const bound = subjects.some((s) => s.kind === 'ServiceAccount' && s.name === account && (s.namespace ?? binding.ref.namespace) === namespace);
    if (!bound) return [];
    const ref = (get(binding.object, 'roleRef') ?? {}) as { kind?: string; name?: string };
    const role = set.ofKind(ref.kind ?? '').find((r) => r.ref.name === ref.name);
    return [{ binding, role, cluster: binding.ref.kind === 'ClusterRoleBinding' || ref.kind === 'ClusterRole' }];
  });
}

function parseSelector(text: string): Labels {
  return Object.fromEntries(text.split(',').map((kv) => kv.split('=').map((s) => s.trim())).filter((kv) => kv.length === 2 && kv[0]));
}

export const chaosDrillScope: SetRule = {
  id: 'chaos-drill-scope',
  severity: 'error',
  rationale: 'R14: the drill kills a pod of this StatefulSet only, with RBAC that cannot reach beyond the namespace.',
  remediation: 'Bind the drill\'s ServiceAccount to a namespaced Role limited to the StatefulSet\'s pod names, and select exactly its pods.',
  kinds: ['CronJob', 'Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding', 'StatefulSet'],
  scope: 'set',
  check: (set) => {
    const out: Violation[] = [];
    for (const cron of set.ofKind('CronJob')) {
      const pod = podTemplateOf(cron.object);
      const account = pod?.spec.serviceAccountName;
      if (!account) continue;
      const grants = grantsOf(set, account, cron.ref.namespace);
      const deletes = grants.filter((g) => ((get(g.role?.object, 'rules') ?? []) as PolicyRule[]).some((r) => r.verbs?.includes('delete') && r.resources?.some((x) => x === 'pods' || x === '*')));
      if (deletes.length === 0) continue; // not a pod-killing job
      for (const g of deletes) {
        if (g.cluster) out.push({ resource: g.binding, message: `${account} may delete pods cluster-wide (${g.binding.ref.kind} to ${g.role?.ref.kind})`, pointer: '/roleRef' });
      }
      const stsPods = set.ofKind('StatefulSet').filter((s) => set.sameNamespace(s, cron));
      const selectorText = (pod.spec.containers ?? []).flatMap((c) => c.env ?? []).find((e) => e.name === 'SELECTOR')?.value;
      if (selectorText !== undefined) {
        const selector = parseSelector(selectorText);
        const hits = stsPods.filter((s) => Object.entries(selector).every(([k, v]) => podTemplateOf(s.object)?.labels[k] === v));
        if (hits.length === 0) out.push({ resource: cron, message: `the drill's selector ${selectorText} matches no StatefulSet's pods`, pointer: pod.pointer });
      }
      for (const g of deletes) {
        const rules = ((get(g.role?.object, 'rules') ?? []) as PolicyRule[]).filter((r) => r.verbs?.includes('delete'));
        for (const rule of rules) {
          const names = rule.resourceNames ?? [];
          if (names.length === 0) out.push({ resource: g.role ?? g.binding, message: 'delete on pods is not limited by resourceNames to the StatefulSet\'s pods', pointer: '/rules' });
          const strangers = names.filter((n) => !stsPods.some((s) => new RegExp(`^${s.ref.name}-\\d+$`).test(n)));
          if (strangers.length > 0) out.push({ resource: g.role ?? g.binding, message: `delete is granted on pods no StatefulSet owns: ${strangers.join(', ')}`, pointer: '/rules' });
        }
      }
    }
    return out;
  },
};
