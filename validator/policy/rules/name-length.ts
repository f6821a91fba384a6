import { toPointer } from '../../../core/diagnostic.ts';
import { get } from '../../../core/object-path.ts';
import { labelProblem, nameProblem } from '../name-limits.ts';
import { type Labels, podTemplateOf } from '../rendered-set.ts';
import type { SetRule, Violation } from '../rule.ts';

function labelViolations(labels: unknown, pointer: string): Violation[] {
  if (typeof labels !== 'object' || labels === null) return [];
  return Object.entries(labels as Labels).flatMap(([key, value]) => {
    const problem = labelProblem(key, String(value));
    return problem ? [{ message: problem, pointer: `${pointer}${toPointer([key])}` }] : [];
  });
}

export const nameLength: SetRule = {
  id: 'name-length',
  severity: 'error',
  rationale:
    'R1, R4: every object must be accepted by the API server for every release name Helm allows (53 characters); names and labels have per-kind limits.',
  remediation:
    'Shorten the name prefix (truncate the fullname, never the suffix) so each kind fits its limit: Service 63 (DNS-1035), CronJob 52, Job 63, StatefulSet 52, label values 63, others 253.',
  kinds: ['*'],
  scope: 'set',
  check: (set) =>
    set.resources.flatMap((resource): Violation[] => {
      const out: Violation[] = [];
      const name = resource.object.metadata?.name;
      if (typeof name === 'string') {
        const problem = nameProblem(resource.object.kind, name);
        if (problem) out.push({ resource, message: problem, pointer: '/metadata/name' });
      }
      for (const v of labelViolations(resource.object.metadata?.labels, '/metadata/labels')) out.push({ ...v, resource });
      const pod = podTemplateOf(resource.object);
      if (pod && resource.object.kind !== 'Pod') {
        const labelsPointer = `${pod.pointer.replace(/\/spec$/, '')}/metadata/labels`;
        for (const v of labelViolations(pod.labels, labelsPointer)) out.push({ ...v, resource });
      }
      for (const v of labelViolations(get(resource.object, 'spec.selector.matchLabels'), '/spec/selector/matchLabels')) out.push({ ...v, resource });
      return out;
    }),
};
