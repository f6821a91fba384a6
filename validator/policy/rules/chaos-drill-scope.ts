import { get } from '../../../core/object-path.ts';
import type { Resource } from '../../parse/resource.ts';
import type { RenderedSet } from '../rendered-set.ts';
import { type Labels, podTemplateOf } from '../rendered-set.ts';
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
  return Object.fromEntries(
    text
      .split(',')
      .map((kv) => kv.split('=').map((s) => s.trim()))
      .filter((kv) => kv.length === 2 && kv[0]),
  );
}

/** Whether an RBAC rule lets its holder take pods down: delete on pods, or create on pods/eviction. */
function killsPods(rule: PolicyRule): 'delete' | 'evict' | undefined {
  const on = (resource: string) => rule.resources?.some((x) => x === resource || x === '*') ?? false;
  if (rule.verbs?.some((v) => v === 'delete' || v === '*') && on('pods')) return 'delete';
  if (rule.verbs?.some((v) => v === 'create' || v === '*') && on('pods/eviction')) return 'evict';
  return undefined;
}

export const chaosDrillScope: SetRule = {
  id: 'chaos-drill-scope',
  severity: 'error',
  rationale:
    'R14: the drill evicts a pod of this StatefulSet only (through the eviction API, so the PodDisruptionBudget applies), with RBAC that cannot reach beyond the namespace, and never fires hours late.',
  remediation:
    "Bind the drill's ServiceAccount to a namespaced Role granting create on pods/eviction (not delete on pods) limited to the StatefulSet's pod names, select exactly its pods, and set startingDeadlineSeconds.",
  kinds: ['CronJob', 'Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding', 'StatefulSet'],
  scope: 'set',
  check: (set) => {
    const out: Violation[] = [];
    for (const cron of set.ofKind('CronJob')) {
      const pod = podTemplateOf(cron.object);
      const account = pod?.spec.serviceAccountName;
      if (!account) continue;
      const grants = grantsOf(set, account, cron.ref.namespace);
      const rulesOf = (g: (typeof grants)[number]) => (get(g.role?.object, 'rules') ?? []) as PolicyRule[];
      const killers = grants.filter((g) => rulesOf(g).some((r) => killsPods(r) !== undefined));
      if (killers.length === 0) continue; // not a pod-killing job
      for (const g of killers) {
        if (g.cluster)
          out.push({
            resource: g.binding,
            message: `${account} may take pods down cluster-wide (${g.binding.ref.kind} to ${g.role?.ref.kind})`,
            pointer: '/roleRef',
          });
      }
      if (get(cron.object, 'spec.startingDeadlineSeconds') === undefined) {
        out.push({ resource: cron, message: 'no startingDeadlineSeconds: after a missed run the drill may start at any hour', pointer: '/spec' });
      }
      const stsPods = set.ofKind('StatefulSet').filter((s) => set.sameNamespace(s, cron));
      const selectorText = (pod.spec.containers ?? []).flatMap((c) => c.env ?? []).find((e) => e.name === 'SELECTOR')?.value;
      if (selectorText !== undefined) {
        const selector = parseSelector(selectorText);
        const hits = stsPods.filter((s) => Object.entries(selector).every(([k, v]) => podTemplateOf(s.object)?.labels[k] === v));
        if (hits.length === 0)
          out.push({ resource: cron, message: `the drill's selector ${selectorText} matches no StatefulSet's pods`, pointer: pod.pointer });
      }
      for (const g of killers) {
        for (const rule of rulesOf(g).filter((r) => killsPods(r) !== undefined)) {
          const how = killsPods(rule);
          if (how === 'delete')
            out.push({
              resource: g.role ?? g.binding,
              message: 'the drill deletes pods, which bypasses the PodDisruptionBudget: grant create on pods/eviction instead',
              pointer: '/rules',
            });
          const names = rule.resourceNames ?? [];
          if (names.length === 0)
            out.push({
              resource: g.role ?? g.binding,
              message: `${how === 'delete' ? 'delete on pods' : 'create on pods/eviction'} is not limited by resourceNames to the StatefulSet's pods`,
              pointer: '/rules',
            });
          const strangers = names.filter((n) => !stsPods.some((s) => new RegExp(`^${s.ref.name}-\\d+$`).test(n)));
          if (strangers.length > 0)
            out.push({
              resource: g.role ?? g.binding,
              message: `${how === 'delete' ? 'delete' : 'eviction'} is granted on pods no StatefulSet owns: ${strangers.join(', ')}`,
              pointer: '/rules',
            });
        }
      }
    }
    return out;
  },
};
