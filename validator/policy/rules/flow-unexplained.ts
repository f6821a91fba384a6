import { flowAnalysisOf } from '../../flows/flow-analysis-of.ts';
import { describeRule } from '../../flows/format-flows.ts';
import type { SetRule } from '../rule.ts';

export const flowUnexplained: SetRule = {
  id: 'flow-unexplained',
  severity: 'info',
  rationale:
    'R15: a NetworkPolicy rule allows connections that no flow of the chart implies (e.g. DNS egress to any destination); a policy should allow what the chart needs and nothing more.',
  remediation: 'Narrow the rule to the peers and ports the chart uses, or declare the flow (--flow, or flows.declared in the config file).',
  kinds: ['NetworkPolicy'],
  scope: 'set',
  check: (set) =>
    flowAnalysisOf(set).unexplained.map((u) => ({
      ...(u.policy.resource ? { resource: u.policy.resource } : {}),
      pointer: u.peer !== undefined && u.rule.peers !== 'any' ? (u.rule.peers[u.peer]?.pointer ?? u.rule.pointer) : u.rule.pointer,
      message: `${describeRule(u.rule, u.peer)} ${[...(u.admits.length > 0 ? [`admits ${u.admits.join('; ')}`] : []), ...(u.unused ? ['is used by no implied flow'] : [])].join(' and ')}`,
    })),
};
