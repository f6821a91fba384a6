// Every policy rule fires on a bad case and stays quiet on a good one. The good case is the
// chart's own production render; each bad case edits it the way a real mistake would.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments, stringify } from 'yaml';
import { Helm } from '../../toolchain/helm.ts';
import type { Finding } from '../../validator/finding.ts';
import { parseManifests } from '../../validator/parse/parse-manifests.ts';
import { labelProblem, nameProblem } from '../../validator/policy/name-limits.ts';
import { POLICY_RULES } from '../../validator/policy/rules/index.ts';
import { runPolicies } from '../../validator/policy/run-policies.ts';
import { applySuppressions } from '../../validator/policy/suppression.ts';
import { append, applyEdits, del, drop, type Edit, type Manifest, set } from '../helpers/manifest-edit.ts';
import { CHART, CRD_API_VERSIONS } from '../helpers/scenarios.ts';
import { KNOWN_FLOW_FINDINGS } from './flows/known-flow-findings.ts';

/** The known day-one flow findings (flows/known-flow-findings.ts; empty once the chart fixes merge). */
const knownFlowFinding = (f: Finding) =>
  KNOWN_FLOW_FINDINGS.some(
    (k) => k.rule === f.ruleId && new RegExp(`^${k.object.replace('*', '[a-z0-9-]+')}$`).test(`${f.resource?.kind}/${f.resource?.name}`),
  );
/** Notes the production render keeps: egress rules to the database and external addresses (an ipBlock) and, before the fixes, DNS to any destination. */
const expectedNote = (f: Finding) => f.ruleId === 'flow-unexplained' && /\(to(: any|\[\d+\] ipBlock [^)]*)\)/.test(f.message);

let good: Manifest[] = [];

beforeAll(async () => {
  const result = await new Helm(4).template({
    chart: CHART,
    kubeVersion: '1.33.0',
    namespace: 'boards',
    releaseName: 'bv',
    apiVersions: CRD_API_VERSIONS,
    set: ['monitoring.enabled=true', 'backup.enabled=true', 'autoscaling.minReplicas=4', 'chaosDrill.enabled=true'],
  });
  if (result.status !== 0) throw new Error(result.stderr);
  good = parseAllDocuments(result.stdout)
    .map((d) => d.toJS() as Manifest)
    .filter(Boolean);
});

function runRules(objects: readonly Manifest[]): Finding[] {
  const text = objects.map((o) => `---\n${stringify(o)}`).join('');
  const parsed = parseManifests({ file: 'render.yaml', text }, undefined, { defaultNamespace: 'boards' });
  const policy = runPolicies(parsed.resources);
  // As the validator reports them: suppressions (annotations on the objects) applied.
  return applySuppressions(policy.findings, policy.resourceOf, []);
}

const STS = 'StatefulSet/bv-boardviewer';
const POD = 'spec.template.spec';
const MAIN = `${POD}.containers.[name=boardviewer]`;

const BAD_CASES: readonly (readonly [rule: string, edits: readonly Edit[]])[] = [
  ['storage-class-retain', [set('StorageClass', 'reclaimPolicy', 'Delete')]],
  ['storage-class-encrypted', [del('StorageClass', 'parameters.encrypted')]],
  ['no-legacy-provisioner', [set('StorageClass', 'provisioner', 'kubernetes.io/aws-ebs')]],
  ['statefulset-claim-templates', [set(STS, 'spec.volumeClaimTemplates.0.spec.accessModes', ['ReadWriteMany'])]],
  ['pvc-retention-retain', [set(STS, 'spec.persistentVolumeClaimRetentionPolicy.whenScaled', 'Delete')]],
  ['no-host-path', [append(STS, `${POD}.volumes`, { name: 'data', hostPath: { path: '/srv' } })]],
  ['statefulset-headless-service', [set('Service/bv-boardviewer-headless', 'spec.clusterIP', '10.0.0.1')]],
  ['hpa-replica-bounds', [set('HorizontalPodAutoscaler', 'spec.minReplicas', 2)]],
  ['hpa-target-exists', [set('HorizontalPodAutoscaler', 'spec.scaleTargetRef.name', 'gone')]],
  ['statefulset-min-replicas', [drop('HorizontalPodAutoscaler'), set(STS, 'spec.replicas', 2)]],
  ['quorum-replicas', [set(STS, `${MAIN}.env.[name=BV_WRITE_QUORUM].value`, '4')]],
  ['probe-failure-threshold', [set(STS, `${MAIN}.livenessProbe.failureThreshold`, 10)]],
  ['pdb-protects-statefulset', [set('PodDisruptionBudget/bv-boardviewer', 'spec.maxUnavailable', '50%')]],
  ['rolling-update-bound', [set(STS, 'spec.updateStrategy', { type: 'OnDelete' })]],
  ['ingress-cookie-affinity', [set('Ingress', 'metadata.annotations', { 'nginx.ingress.kubernetes.io/proxy-read-timeout': '3600' })]],
  ['servicemonitor-port', [set('ServiceMonitor', 'spec.endpoints.0.port', 'prometheus')]],
  ['prometheusrule-levels', [set('PrometheusRule', 'spec.groups.1.rules', [])]],
  ['velero-schedule-coverage', [set('Schedule', 'spec.template.includedNamespaces', ['other'])]],
  ['chaos-drill-scope', [del('Role/bv-boardviewer-chaos-drill', 'rules.1.resourceNames')]],
  ['workload-monitored', [drop('ServiceMonitor')]],
  ['workload-backed-up', [drop('Schedule')]],
  ['run-as-non-root', [del(STS, `${POD}.securityContext.runAsNonRoot`), del(STS, `${MAIN}.securityContext.runAsNonRoot`)]],
  ['no-privilege-escalation', [set(STS, `${MAIN}.securityContext.allowPrivilegeEscalation`, true)]],
  ['drop-all-capabilities', [set(STS, `${MAIN}.securityContext.capabilities`, { drop: ['NET_RAW'] })]],
  ['seccomp-profile', [del(STS, `${POD}.securityContext.seccompProfile`), del(STS, `${MAIN}.securityContext.seccompProfile`)]],
  ['resources-set', [del(STS, `${MAIN}.resources.limits`)]],
  ['image-tag-pinned', [set(STS, `${MAIN}.image`, 'ghcr.io/boardviewer/boardviewer:latest')]],
  ['spread-nodes-zones', [del(STS, `${POD}.topologySpreadConstraints`), del(STS, `${POD}.affinity`)]],
  ['name-length', [set('CronJob', 'metadata.name', `${'r'.repeat(41)}-chaos-drill`)]],
  ['disruption-keeps-quorum', [set('PodDisruptionBudget/bv-boardviewer', 'spec.maxUnavailable', '50%'), set('HorizontalPodAutoscaler', 'spec.minReplicas', 5)]],
  ['ephemeral-storage-bounded', [set(STS, `${POD}.volumes.[name=tmp].emptyDir`, {})]],
  ['flow-blocked', [set('NetworkPolicy/bv-boardviewer', 'spec.ingress.0.ports.0.port', 'web')]],
  ['workload-unisolated', [set('NetworkPolicy/bv-boardviewer', 'spec.podSelector.matchLabels', { app: 'none' })]],
  ['flow-unexplained', [append('NetworkPolicy/bv-boardviewer', 'spec.ingress', { from: [{ namespaceSelector: {} }] })]],
];

it('has a bad case for every rule', () => {
  expect(BAD_CASES.map(([id]) => id).sort()).toEqual(POLICY_RULES.map((r) => r.id).sort());
});

describe.each(BAD_CASES)('%s', (rule, edits) => {
  it('is quiet on the production render', () => {
    const ids = runRules(good)
      .filter((f) => !f.suppressed && !knownFlowFinding(f) && !expectedNote(f))
      .map((f) => `${f.ruleId} ${f.resource?.name}`);
    // The in-chart Redis exports no metrics: the one expected note.
    expect(ids.filter((id) => id.startsWith(`${rule} `) && id !== 'workload-monitored bv-boardviewer-redis')).toEqual([]);
  });

  it('fires on the bad case, naming the object and its position', () => {
    const hits = runRules(applyEdits(good, edits)).filter(
      (f) => f.ruleId === rule && f.resource?.name !== 'bv-boardviewer-redis' && !knownFlowFinding(f) && !expectedNote(f),
    );
    expect(hits.length, `${rule} did not fire`).toBeGreaterThan(0);
    const definition = POLICY_RULES.find((r) => r.id === rule);
    for (const hit of hits) {
      expect(hit.severity).toBe(definition?.severity);
      expect(hit.resource?.name).toBeTruthy();
      expect(hit.position?.line).toBeGreaterThan(0);
    }
  });
});

it('every rule has a rationale citing a requirement and a remediation', () => {
  for (const rule of POLICY_RULES) {
    expect(rule.rationale, rule.id).toMatch(/R\d+/);
    expect(rule.remediation.length, rule.id).toBeGreaterThan(10);
    expect(rule.kinds.length, rule.id).toBeGreaterThan(0);
  }
});

describe('disruption-keeps-quorum: pods left after the worst drain or rolling update, with Kubernetes rounding', () => {
  // [PDB bound, rolling-update maxUnavailable, fewest pods, write quorum, fires]
  it.each([
    [{ maxUnavailable: '25%' }, '25%', 3, 2, true], // PDB ceil(0.75) = 1: 2 left
    [{ maxUnavailable: '25%' }, '25%', 4, 2, false], // 1 down: 3 left
    [{ maxUnavailable: '25%' }, '25%', 5, 2, false], // PDB ceil(1.25) = 2: 3 left
    [{ maxUnavailable: '25%' }, '25%', 5, 3, true],
    [{ maxUnavailable: 1 }, '50%', 5, 2, false], // rolling floor(2.5) = 2: 3 left
    [{ maxUnavailable: 1 }, '50%', 4, 2, true], // rolling floor(2) = 2: 2 left
    [{ maxUnavailable: 1 }, '10%', 4, 2, false], // rolling floor(0.4) = 0, at least 1
    [{ minAvailable: '60%' }, 1, 4, 2, false], // minAvailable ceil(2.4) = 3: 1 down
    [{ minAvailable: '50%' }, 1, 4, 2, true], // minAvailable ceil(2) = 2: 2 down
    [{ minAvailable: '50%' }, 1, 5, 2, false], // minAvailable ceil(2.5) = 3: 2 down, 3 left
  ] as const)('PDB %j, rolling %j, %i pods, quorum %i → fires %s', (pdb, rolling, min, quorum, fires) => {
    const edited = applyEdits(good, [
      set('PodDisruptionBudget/bv-boardviewer', 'spec', {
        ...pdb,
        selector: { matchLabels: { 'app.kubernetes.io/instance': 'bv', 'app.kubernetes.io/component': 'server' } },
      }),
      set(STS, 'spec.updateStrategy.rollingUpdate.maxUnavailable', rolling),
      set('HorizontalPodAutoscaler', 'spec.minReplicas', min),
      set(STS, `${MAIN}.env.[name=BV_WRITE_QUORUM].value`, String(quorum)),
    ]);
    const hits = runRules(edited).filter((f) => f.ruleId === 'disruption-keeps-quorum');
    expect(hits.length > 0, hits.map((h) => h.message).join('; ')).toBe(fires);
  });
});

describe('name limits per kind', () => {
  it.each([
    ['Service', 'a'.repeat(63), true],
    ['Service', 'a'.repeat(64), false],
    ['Service', '1-starts-with-a-digit', false], // DNS-1035
    ['Namespace', 'n'.repeat(63), true],
    ['Namespace', 'n'.repeat(64), false],
    ['CronJob', 'c'.repeat(52), true],
    ['CronJob', 'c'.repeat(53), false],
    ['Job', 'j'.repeat(63), true],
    ['Job', 'j'.repeat(64), false],
    ['StatefulSet', 's'.repeat(52), true],
    ['StatefulSet', 's'.repeat(53), false],
    ['StatefulSet', 'with.dot', false], // pod host names are DNS labels
    ['ConfigMap', `${'c'.repeat(200)}.${'d'.repeat(52)}`, true],
    ['ConfigMap', 'c'.repeat(254), false],
    ['Role', 'system:controller:x', true],
    ['Deployment', 'Upper', false],
  ] as const)('%s %s → valid %s', (kind, name, valid) => {
    expect(nameProblem(kind, name) === undefined).toBe(valid);
  });

  it.each([
    ['app.kubernetes.io/instance', 'v'.repeat(63), true],
    ['app.kubernetes.io/instance', 'v'.repeat(64), false],
    ['app.kubernetes.io/instance', '-dash-first', false],
    ['app.kubernetes.io/instance', '', true],
    [`example.com/${'k'.repeat(64)}`, 'v', false],
  ] as const)('label %s=%s → valid %s', (key, value, valid) => {
    expect(labelProblem(key, value) === undefined).toBe(valid);
  });
});
