// The pods and policies of one values/ scenario's render, and every (source, destination,
// port, protocol) among them and the peers around the chart (ingress controller, Prometheus,
// cluster DNS, addresses outside the cluster), in the oracle's traffic format.
import { Helm } from '../../../toolchain/helm.ts';
import { NEWEST_KUBE_VERSION } from '../../../toolchain/kube-versions.ts';
import { endpointsOf, namespaceLabelsOf } from '../../../validator/flows/endpoints.ts';
import { DEFAULT_FLOW_OPTIONS } from '../../../validator/flows/flow-options.ts';
import type { RawNetworkPolicy } from '../../../validator/flows/policy-model.ts';
import { parseManifests } from '../../../validator/parse/parse-manifests.ts';
import type { Resource } from '../../../validator/parse/resource.ts';
import type { OraclePeer, OracleTraffic } from '../../helpers/netpol-oracle.ts';
import { CHART, CRD_API_VERSIONS, type Scenario } from '../../helpers/scenarios.ts';

export const NAMESPACE = 'boards';

export async function renderScenario(scenario: Scenario): Promise<Resource[]> {
  const result = await new Helm(4).template({
    chart: CHART,
    kubeVersion: NEWEST_KUBE_VERSION,
    valuesFiles: scenario.valuesFiles,
    releaseName: 'bv',
    namespace: NAMESPACE,
    apiVersions: scenario.needsCRDs ? CRD_API_VERSIONS : [],
  });
  if (result.status !== 0) throw new Error(`helm template ${scenario.name}: ${result.stderr}`);
  return [...parseManifests({ file: scenario.name, text: result.stdout }, undefined, { defaultNamespace: NAMESPACE }).resources];
}

export async function scenarioTraffic(scenario: Scenario): Promise<{ policies: RawNetworkPolicy[]; traffic: OracleTraffic[] }> {
  const resources = await renderScenario(scenario);
  const policies = resources
    .filter((r) => r.ref.kind === 'NetworkPolicy')
    .map((r) => ({ ...r.object, metadata: { ...r.object.metadata, namespace: r.ref.namespace } }) as RawNetworkPolicy);
  const pod = (namespace: string, podLabels: Readonly<Record<string, string>>, ip: string): OraclePeer => ({
    ip,
    internal: { namespace, namespaceLabels: namespaceLabelsOf(namespace, resources, {}), podLabels },
  });
  const endpoints = endpointsOf(resources, NAMESPACE);
  const pods = endpoints.map((e, i) => ({ peer: pod(e.namespace, e.labels, `10.244.0.${i + 1}`), ports: e.ports }));
  const o = DEFAULT_FLOW_OPTIONS;
  const around = [
    {
      peer: pod(o.ingressController.namespace, { 'app.kubernetes.io/name': 'ingress-nginx' }, '10.244.1.1'),
      ports: [{ name: 'https', port: 443, protocol: 'TCP' }],
    },
    { peer: pod(o.monitoring.namespace, { 'app.kubernetes.io/name': 'prometheus' }, '10.244.2.1'), ports: [{ name: 'web', port: 9090, protocol: 'TCP' }] },
    {
      peer: pod(o.dns.namespace, o.dns.podLabels, '10.244.3.1'),
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP' },
        { name: 'dns-tcp', port: 53, protocol: 'TCP' },
      ],
    },
    { peer: pod(NAMESPACE, { app: 'other' }, '10.244.0.200'), ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] },
    {
      peer: { ip: '10.20.30.40' },
      ports: [
        { name: '', port: 5432, protocol: 'TCP' },
        { name: '', port: 6379, protocol: 'TCP' },
      ],
    },
    { peer: { ip: '203.0.113.9' }, ports: [{ name: '', port: 443, protocol: 'TCP' }] },
  ];
  const all = [...pods, ...around];
  const traffic: OracleTraffic[] = [];
  for (const src of all) {
    for (const dst of all) {
      if (!src.peer.internal && !dst.peer.internal) continue;
      const probes = [...dst.ports, { name: '', port: 53, protocol: 'UDP' }, { name: '', port: 5432, protocol: 'TCP' }];
      for (const p of probes) traffic.push({ source: src.peer, destination: dst.peer, port: p.port, portName: p.name ?? '', protocol: p.protocol });
    }
  }
  return { policies, traffic };
}
