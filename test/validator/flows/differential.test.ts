// Differential test: our NetworkPolicy verdicts against Cyclonus's (the Kubernetes SIG
// Network truth-table engine, v0.5.6, through toolchain/go/netpol-oracle) for every
// (source pod, destination pod, port, protocol) of (a) every values/ scenario's render and
// (b) a seeded corpus of generated configurations covering each semantic point.
//
// Known difference, where the Kubernetes documentation wins over Cyclonus:
// - `NotIn` on a label the object does not have. Kubernetes selects it ("environment notin
//   (frontend) selects all resources with key equal to environment and value other than
//   frontend, and all resources without a label with the environment key":
//   https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#set-based-requirement;
//   apimachinery labels.Requirement.Matches returns true for NotIn when the key is absent).
//   Cyclonus (pkg/kube/labelselector.go IsMatchExpressionMatchForLabels) returns false.
//   A disagreement counts as explained only if rewriting every `k NotIn V` into
//   `k Exists` + `k NotIn V` (Cyclonus's reading) makes our verdict equal Cyclonus's.
import { describe, expect, it } from 'vitest';
import { formatCidr } from '../../../validator/flows/cidr.ts';
import { namespaceLabelsOf } from '../../../validator/flows/endpoints.ts';
import { DEFAULT_FLOW_OPTIONS } from '../../../validator/flows/flow-options.ts';
import { analyzeFlows } from '../../../validator/flows/flow-table.ts';
import type { FlowEnd } from '../../../validator/flows/implied-flows.ts';
import { type Labels, matchesSelector, type Selector, type SelectorRequirement } from '../../../validator/flows/label-selector.ts';
import type { RawNetworkPolicy } from '../../../validator/flows/policy-model.ts';
import type { OraclePeer } from '../../helpers/netpol-oracle.ts';
import { cyclonusVerdicts, describeTraffic, kubernetesSelectorMatches, type OracleTraffic, ourVerdicts, type Verdict } from '../../helpers/netpol-oracle.ts';
import { SCENARIOS } from '../../helpers/scenarios.ts';
import { type Feature, generateCase } from './netpol-corpus.ts';
import { NAMESPACE, renderScenario, scenarioTraffic } from './scenario-traffic.ts';

const CORPUS_SIZE = 240;

/** Cyclonus's reading of NotIn: the key must exist. */
function cyclonusNotIn(policies: readonly RawNetworkPolicy[]): RawNetworkPolicy[] {
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === 'matchExpressions' && Array.isArray(v)) {
        out[k] = (v as SelectorRequirement[]).flatMap((r) => (r.operator === 'NotIn' ? [{ key: r.key, operator: 'Exists' }, r] : [r]));
      } else out[k] = rewrite(v);
    }
    return out;
  };
  return policies.map((p) => rewrite(p) as RawNetworkPolicy);
}

interface Comparison {
  readonly cases: number;
  readonly allowed: number;
  readonly explained: string[];
  readonly unexplained: string[];
}

function compare(policies: readonly RawNetworkPolicy[], traffic: readonly OracleTraffic[]): Comparison {
  const theirs = cyclonusVerdicts(policies, traffic);
  const ours = ourVerdicts(policies, traffic);
  const asCyclonusReads = ourVerdicts(cyclonusNotIn(policies), traffic);
  const same = (a: Verdict | undefined, b: Verdict | undefined) => a?.allowed === b?.allowed && a?.ingress === b?.ingress && a?.egress === b?.egress;
  const explained: string[] = [];
  const unexplained: string[] = [];
  traffic.forEach((t, i) => {
    if (same(ours[i], theirs[i])) return;
    const line = `${describeTraffic(t)}: ours ${JSON.stringify(ours[i])}, cyclonus ${JSON.stringify(theirs[i])}`;
    (same(asCyclonusReads[i], theirs[i]) ? explained : unexplained).push(line);
  });
  return { cases: traffic.length, allowed: ours.filter((v) => v.allowed).length, explained, unexplained };
}

describe('our NetworkPolicy verdicts equal Cyclonus v0.5.6', () => {
  it.each(SCENARIOS.map((s) => [s.name, s] as const))('on the render of %s', async (_name, scenario) => {
    const { policies, traffic } = await scenarioTraffic(scenario);
    const result = compare(policies, traffic);
    expect(result.unexplained).toEqual([]);
    expect(result.explained).toEqual([]);
    // With NetworkPolicies on, some flows are denied; a scenario that turns them off allows all.
    expect(result.allowed < result.cases).toBe(policies.length > 0);
    console.log(`scenario ${scenario.name}: ${policies.length} policies, ${result.cases} cases, ${result.allowed} allowed, 0 disagreements`);
  });

  it.each(SCENARIOS.map((s) => [s.name, s] as const))('for every flow the stage derives from the render of %s', async (_name, scenario) => {
    const resources = await renderScenario(scenario);
    const options = { ...DEFAULT_FLOW_OPTIONS, declared: [{ from: 'StatefulSet/bv-boardviewer', to: '10.20.0.0/16', port: 5432, protocol: 'TCP' }] };
    const analysis = analyzeFlows(resources, options, NAMESPACE);
    // The stage knows no pod addresses, so no ipBlock matches a pod; IPv6 pod addresses give
    // Cyclonus the same view of these IPv4-only policies. An external block is its network address.
    const ids = new Map<string, number>();
    const peer = (end: FlowEnd): OraclePeer => {
      if (end.kind === 'external') return { ip: formatCidr(end.addresses).split('/')[0] ?? '' };
      const spec = end.kind === 'peer' ? end.spec : { namespace: end.endpoint.namespace, podLabels: end.endpoint.labels };
      const key = end.kind === 'peer' ? end.role : end.endpoint.id;
      if (!ids.has(key)) ids.set(key, ids.size + 1);
      return {
        ip: `fd00::${ids.get(key)}`,
        internal: { namespace: spec.namespace, namespaceLabels: namespaceLabelsOf(spec.namespace, resources, {}), podLabels: spec.podLabels },
      };
    };
    const traffic: OracleTraffic[] = analysis.flows.map((f) => ({
      source: peer(f.source),
      destination: peer(f.destination),
      port: f.port,
      portName: f.portName ?? '',
      protocol: f.protocol,
    }));
    const policies = resources
      .filter((r) => r.ref.kind === 'NetworkPolicy')
      .map((r) => ({ ...r.object, metadata: { ...r.object.metadata, namespace: r.ref.namespace } }) as RawNetworkPolicy);
    const theirs = cyclonusVerdicts(policies, traffic);
    const differing = analysis.flows.filter(
      (f, i) => f.verdict.allowed !== theirs[i]?.allowed || f.verdict.ingress.allowed !== theirs[i]?.ingress || f.verdict.egress.allowed !== theirs[i]?.egress,
    );
    expect(differing.map((f) => `${f.kind} ${describeTraffic(traffic[analysis.flows.indexOf(f)]!)}`)).toEqual([]);
    expect(analysis.flows.length).toBeGreaterThanOrEqual(10);
    console.log(
      `flows of ${scenario.name}: ${analysis.flows.length} implied, ${analysis.flows.filter((f) => !f.verdict.allowed).length} denied, all equal to Cyclonus's verdicts`,
    );
  });

  it(`on a seeded corpus of ${CORPUS_SIZE} generated configurations covering every semantic point`, () => {
    let cases = 0;
    let allowed = 0;
    const explained: string[] = [];
    const unexplained: string[] = [];
    const coverage = new Map<Feature, number>();
    for (let seed = 1; seed <= CORPUS_SIZE; seed++) {
      const c = generateCase(seed);
      for (const f of c.features) coverage.set(f, (coverage.get(f) ?? 0) + 1);
      const result = compare(c.policies, c.traffic);
      cases += result.cases;
      allowed += result.allowed;
      explained.push(...result.explained.map((l) => `seed ${seed}: ${l}`));
      unexplained.push(...result.unexplained.map((l) => `seed ${seed}: ${l}`));
    }
    expect(unexplained).toEqual([]);
    const features: Feature[] = [
      'podSelector matchLabels',
      'podSelector matchExpressions',
      'matchExpressions In',
      'matchExpressions NotIn',
      'matchExpressions Exists',
      'matchExpressions DoesNotExist',
      'empty podSelector (all pods)',
      'namespaceSelector',
      'namespaceSelector kubernetes.io/metadata.name',
      'namespaceSelector empty (all namespaces)',
      'namespaceSelector and podSelector combined',
      'ipBlock',
      'ipBlock except',
      'named port',
      'numeric port',
      'endPort range',
      'protocol UDP',
      'protocol SCTP',
      'protocol defaulted (TCP)',
      'port absent (all ports of protocol)',
      'rule without peers (any peer)',
      'rule without ports (any port)',
      'policyTypes defaulted',
      'policyTypes Ingress only with egress rules (ignored)',
      'policyTypes Egress',
      'deny-all (no rules)',
      'several policies on one pod (union)',
      'pod selected by no policy',
    ];
    for (const f of features) expect(coverage.get(f) ?? 0, f).toBeGreaterThanOrEqual(10);
    // Both verdicts occur in bulk, so agreement is not trivial.
    expect(allowed).toBeGreaterThan(cases / 10);
    expect(cases - allowed).toBeGreaterThan(cases / 10);
    console.log(
      `corpus: ${CORPUS_SIZE} configurations, ${cases} cases (${allowed} allowed), ${unexplained.length} unexplained and ${explained.length} explained disagreements (NotIn on an absent key)\n` +
        [...coverage].map(([f, n]) => `  ${f}: ${n}`).join('\n'),
    );
  }, 300_000);

  it("label selectors of the corpus match as apimachinery matches them (so the NotIn difference is Cyclonus's)", () => {
    const checks: { selector: Selector; labels: Labels }[] = [];
    let notInAbsent = 0;
    for (let seed = 1; seed <= CORPUS_SIZE; seed++) {
      const c = generateCase(seed);
      const selectors: Selector[] = [];
      const collect = (value: unknown, key?: string): void => {
        if (Array.isArray(value)) value.forEach((v) => collect(v));
        else if (value && typeof value === 'object') {
          if (key === 'podSelector' || key === 'namespaceSelector') selectors.push(value as Selector);
          for (const [k, v] of Object.entries(value)) collect(v, k);
        }
      };
      c.policies.forEach((p) => collect(p));
      const labelSets = new Map<string, Labels>();
      for (const t of c.traffic) {
        for (const end of [t.source, t.destination]) {
          if (!end.internal) continue;
          labelSets.set(JSON.stringify(end.internal.podLabels), end.internal.podLabels);
          labelSets.set(JSON.stringify(end.internal.namespaceLabels), end.internal.namespaceLabels);
        }
      }
      for (const selector of selectors) {
        for (const labels of labelSets.values()) {
          checks.push({ selector, labels });
          if ((selector.matchExpressions ?? []).some((r) => r.operator === 'NotIn' && !Object.hasOwn(labels, r.key))) notInAbsent += 1;
        }
      }
    }
    const kubernetes = kubernetesSelectorMatches(checks);
    const differing = checks.filter((c, i) => matchesSelector(c.selector, c.labels) !== kubernetes[i]);
    expect(differing).toEqual([]);
    expect(notInAbsent).toBeGreaterThan(100);
    console.log(`selectors: ${checks.length} (selector, labels) pairs equal to apimachinery's verdicts, ${notInAbsent} with NotIn on an absent key`);
  }, 300_000);
});
