import { flowAnalysisOf } from '../../flows/flow-analysis-of.ts';
import { describeVerdict } from '../../flows/format-flows.ts';
import { endLabel } from '../../flows/implied-flows.ts';
import type { SetRule, Violation } from '../rule.ts';

export const flowBlocked: SetRule = {
  id: 'flow-blocked',
  severity: 'error',
  rationale:
    'R15: a connection the chart itself implies (a Service it names, an Ingress backend, a scrape, DNS, peers) is denied by its NetworkPolicies, so that feature fails once installed.',
  remediation:
    'Allow the flow in the egress rules of the policy isolating the source and in the ingress rules of the policy isolating the destination (or fix the configured namespaces and labels).',
  kinds: ['NetworkPolicy'],
  scope: 'set',
  check: (set) => {
    const out: Violation[] = [];
    const seen = new Set<string>();
    const analysis = flowAnalysisOf(set);
    for (const { flow, reason } of analysis.unresolved) {
      out.push({ message: `declared flow ${flow.from}->${flow.to}:${flow.port}/${flow.protocol} cannot be checked: ${reason}` });
    }
    for (const flow of analysis.flows) {
      if (flow.verdict.allowed) continue;
      const key = `${endLabel(flow.source)}|${endLabel(flow.destination)}|${flow.port}/${flow.protocol}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        ...(flow.origin.resource ? { resource: flow.origin.resource } : {}),
        ...(flow.origin.pointer ? { pointer: flow.origin.pointer } : {}),
        message: `${endLabel(flow.source)} -> ${endLabel(flow.destination)} port ${flow.port}/${flow.protocol}${flow.portName ? ` (${flow.portName})` : ''}${flow.via ? ` via Service ${flow.via}` : ''} is denied: ${describeVerdict(flow)}; implied by ${flow.origin.why}`,
      });
    }
    return out;
  },
};
