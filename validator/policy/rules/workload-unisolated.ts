import { flowAnalysisOf } from '../../flows/flow-analysis-of.ts';
import type { SetRule } from '../rule.ts';

export const workloadUnisolated: SetRule = {
  id: 'workload-unisolated',
  severity: 'warning',
  rationale:
    'R15: the chart ships NetworkPolicies, but no policy selects this workload, so any pod in the cluster can connect to it and it can connect anywhere.',
  remediation: 'Add a NetworkPolicy whose podSelector selects the workload, allowing only the flows it needs.',
  kinds: ['NetworkPolicy'],
  scope: 'set',
  check: (set) => {
    const analysis = flowAnalysisOf(set);
    const names = analysis.model.policies.map((p) => p.ref.name).join(', ');
    return analysis.unisolated.map((e) => ({
      resource: e.resource,
      pointer: e.podPointer.replace(/\/spec$/, '/metadata/labels'),
      message: `no NetworkPolicy selects the pods of ${e.id} (the render ships ${analysis.model.policies.length}: ${names}); they accept connections from anywhere${e.ports.length > 0 ? ` on ${e.ports.map((p) => `${p.port}/${p.protocol}`).join(', ')}` : ''}`,
    }));
  },
};
