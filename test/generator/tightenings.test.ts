// The tightenings: the API server's rules added to the published copies of the carried
// Kubernetes definitions (their outside judge, the API server, is in
// test/chart/api-server-rules.test.ts and test/e2e/explore-dry-run.test.ts).
import { describe, expect, it } from 'vitest';
import { TIGHTENINGS, tighten } from '../../generator/kubernetes/tightenings.ts';

const carried = {
  'io.k8s.api.core.v1.SecurityContext': {
    type: 'object',
    properties: { procMount: { type: 'string' }, runAsUser: { type: 'integer' } },
    additionalProperties: false,
  },
  'io.k8s.api.core.v1.NodeSelector': { type: 'object', properties: { nodeSelectorTerms: { type: 'array' } } },
};

describe('tighten', () => {
  it('adds each rule to the definition or property it names, when carried, and leaves the input as it was', () => {
    const before = structuredClone(carried);
    const out = tighten(carried);
    expect(carried).toEqual(before);
    const sc = out['io.k8s.api.core.v1.SecurityContext'] as { properties: Record<string, Record<string, unknown>>; not?: unknown };
    expect(sc.properties.procMount).toEqual({ type: 'string', enum: ['Default'] });
    expect(sc.properties.runAsUser).toEqual({ type: 'integer', minimum: 0, maximum: 2147483647 });
    expect(sc.not).toBeDefined();
    expect((out['io.k8s.api.core.v1.NodeSelector'] as { properties: Record<string, Record<string, unknown>> }).properties.nodeSelectorTerms).toEqual({
      type: 'array',
      minItems: 1,
    });
    expect(Object.keys(out).sort()).toEqual(Object.keys(carried).sort());
  });

  it('is idempotent, and every rule says why', () => {
    expect(tighten(tighten(carried))).toEqual(tighten(carried));
    for (const t of TIGHTENINGS) expect(t.why.length, t.definition).toBeGreaterThan(10);
  });
});
