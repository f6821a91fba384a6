import type { ObjectRule, Violation } from '../rule.ts';

export const ingressCookieAffinity: ObjectRule = {
  id: 'ingress-cookie-affinity',
  severity: 'error',
  rationale: "R5: a browser's WebSocket session must return to the pod that holds it.",
  remediation: 'Annotate nginx.ingress.kubernetes.io/affinity: cookie and a session-cookie-name.',
  kinds: ['Ingress'],
  scope: 'object',
  check: (r) => {
    const a = r.object.metadata?.annotations ?? {};
    const out: Violation[] = [];
    if (a['nginx.ingress.kubernetes.io/affinity'] !== 'cookie')
      out.push({ message: 'no nginx.ingress.kubernetes.io/affinity: cookie annotation', pointer: '/metadata/annotations' });
    if (!a['nginx.ingress.kubernetes.io/session-cookie-name'])
      out.push({ message: 'no nginx.ingress.kubernetes.io/session-cookie-name annotation', pointer: '/metadata/annotations' });
    return out;
  },
};
