// The flow stage on a fixture application (test/fixtures/flows/shop.yaml): which flows the
// objects imply, which the policies deny, and which rules allow more than is implied; plus
// the host-name forms cluster DNS resolves and the --flow syntax.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FLOW_OPTIONS, parseFlowSpec } from '../../../validator/flows/flow-options.ts';
import { analyzeFlows } from '../../../validator/flows/flow-table.ts';
import { flowMatrix, flowTable } from '../../../validator/flows/format-flows.ts';
import { hostsIn, resolveHost } from '../../../validator/flows/host-names.ts';
import type { ServiceInfo } from '../../../validator/flows/services.ts';
import { parseManifests } from '../../../validator/parse/parse-manifests.ts';
import { runPolicies } from '../../../validator/policy/run-policies.ts';
import { REPO, runCli } from '../../helpers/project.ts';

const SHOP = path.join(REPO, 'test/fixtures/flows/shop.yaml');
const resources = () => [...parseManifests({ file: SHOP, text: fs.readFileSync(SHOP, 'utf8') }).resources];

describe('implied flows and verdicts of the shop fixture', () => {
  const analysis = analyzeFlows(resources(), DEFAULT_FLOW_OPTIONS);
  const rows = flowTable(analysis).flows.map(
    (r) => `${r.kind}: ${r.source} -> ${r.destination} ${r.port}/${r.protocol}${r.portName ? ` (${r.portName})` : ''} ${r.allowed ? 'allowed' : 'DENIED'}`,
  );

  it('derives every flow the objects imply, each with its verdict', () => {
    expect(rows).toEqual([
      'ingress: ingress controller (ingress-nginx) -> Deployment/web 8080/TCP (http) allowed',
      'monitoring: monitoring (monitoring) -> Deployment/web 9090/TCP (metrics) allowed',
      'monitoring: monitoring (monitoring) -> Deployment/worker 9100/TCP (metrics) DENIED',
      'service: Deployment/web -> StatefulSet/db 5432/TCP (pg) allowed',
      'service: Deployment/web -> Deployment/cache 6379/TCP (redis) allowed',
      'service: Deployment/worker -> Deployment/cache 6379/TCP (redis) DENIED',
      'peers: StatefulSet/db -> StatefulSet/db 5432/TCP (pg) DENIED',
      'peers: StatefulSet/db -> StatefulSet/db 7000/TCP (gossip) DENIED',
      ...['Deployment/web', 'StatefulSet/db', 'Deployment/worker', 'Deployment/cache'].flatMap((w) => [
        `dns: ${w} -> dns (kube-system) 53/UDP allowed`,
        `dns: ${w} -> dns (kube-system) 53/TCP allowed`,
      ]),
    ]);
  });

  it('reports each denied flow once, naming both ends, the port and the isolating policies', () => {
    const findings = runPolicies(resources(), undefined, { settings: { flows: DEFAULT_FLOW_OPTIONS } }).findings;
    const blocked = findings.filter((f) => f.ruleId === 'flow-blocked').map((f) => f.message.replace(/; implied by .*/, ''));
    expect(blocked).toEqual([
      'monitoring (monitoring) -> Deployment/worker port 9100/TCP (metrics) is denied: ingress of Deployment/worker is isolated by NetworkPolicy/default-deny and no rule allows it',
      'Deployment/worker -> Deployment/cache port 6379/TCP (redis) via Service cache:6379 is denied: egress of Deployment/worker is isolated by NetworkPolicy/default-deny, NetworkPolicy/dns and no rule allows it; ingress of Deployment/cache is isolated by NetworkPolicy/default-deny, NetworkPolicy/cache and no rule allows it',
      'StatefulSet/db -> StatefulSet/db port 5432/TCP (pg) via Service db-headless:5432 is denied: egress of StatefulSet/db is isolated by NetworkPolicy/default-deny, NetworkPolicy/dns and no rule allows it; ingress of StatefulSet/db is isolated by NetworkPolicy/default-deny, NetworkPolicy/db and no rule allows it',
      'StatefulSet/db -> StatefulSet/db port 7000/TCP (gossip) via Service db-headless:7000 is denied: egress of StatefulSet/db is isolated by NetworkPolicy/default-deny, NetworkPolicy/dns and no rule allows it',
    ]);
    // The default-deny policy selects every workload: nothing is unisolated.
    expect(findings.filter((f) => f.ruleId === 'workload-unisolated')).toEqual([]);
    // The cache's ipBlock is used by no flow.
    expect(findings.filter((f) => f.ruleId === 'flow-unexplained').map((f) => `${f.resource?.name} ${f.pointer}: ${f.message}`)).toEqual([
      'cache /spec/ingress/0/from/1: ingress rule 0 (from[1] ipBlock 10.0.0.0/8) is used by no implied flow',
    ]);
  });

  it('a declared flow to an address outside the cluster is checked like the others', () => {
    const options = { ...DEFAULT_FLOW_OPTIONS, declared: [parseFlowSpec('Deployment/web->10.20.0.0/16:5432/TCP')] };
    const declared = flowTable(analyzeFlows(resources(), options)).flows.filter((r) => r.kind === 'declared');
    expect(declared.map((r) => [r.destination, r.port, r.allowed, r.egress.isolatedBy])).toEqual([
      ['10.20.0.0/16', 5432, false, ['shop/default-deny', 'shop/dns', 'shop/web']],
    ]);
  });

  it('a declared flow naming no workload of the render is reported, not dropped', () => {
    const options = { ...DEFAULT_FLOW_OPTIONS, declared: [parseFlowSpec('Deployment/api->10.0.0.1:443')] };
    const findings = runPolicies(resources(), undefined, { settings: { flows: options } }).findings.filter((f) => f.ruleId === 'flow-blocked');
    expect(findings.map((f) => f.message)).toContain(
      'declared flow Deployment/api->10.0.0.1:443/TCP cannot be checked: no workload Deployment/api in the render',
    );
  });

  it('the configured ingress controller namespace decides the Ingress flow', () => {
    const options = { ...DEFAULT_FLOW_OPTIONS, ingressController: { namespace: 'traefik', podLabels: {} } };
    const row = flowTable(analyzeFlows(resources(), options)).flows.find((r) => r.kind === 'ingress');
    expect(row?.source).toBe('ingress controller (traefik)');
    expect(row?.allowed).toBe(false);
  });

  it('prints a matrix of sources by destination ports', () => {
    expect(flowMatrix(flowTable(analysis)).split('\n')).toEqual([
      '                                    Deployment/web 8080/TCP',
      '                                    |  Deployment/web 9090/TCP',
      '                                    |  |  Deployment/worker 9100/TCP',
      '                                    |  |  |  StatefulSet/db 5432/TCP',
      '                                    |  |  |  |  Deployment/cache 6379/TCP',
      '                                    |  |  |  |  |  StatefulSet/db 7000/TCP',
      '                                    |  |  |  |  |  |  dns (kube-system) 53/UDP',
      '                                    |  |  |  |  |  |  |  dns (kube-system) 53/TCP',
      'ingress controller (ingress-nginx)  ok  .  .  .  .  .  .  . ',
      'monitoring (monitoring)              . ok NO  .  .  .  .  . ',
      'Deployment/web                       .  .  . ok ok  . ok ok ',
      'Deployment/worker                    .  .  .  . NO  . ok ok ',
      'StatefulSet/db                       .  .  . NO  . NO ok ok ',
      'Deployment/cache                     .  .  .  .  .  . ok ok ',
    ]);
  });
});

describe('host names resolve as cluster DNS resolves them', () => {
  const svc = (name: string, namespace: string, headless: boolean) => ({ name, namespace, headless }) as unknown as ServiceInfo;
  const services = [svc('api', 'app', false), svc('db', 'data', true), svc('peers', 'app', true)];
  it.each([
    ['api', 'app', 'api'],
    ['api.app', 'other', 'api'],
    ['api.app.svc', 'other', 'api'],
    ['api.app.svc.cluster.local', 'other', 'api'],
    ['api.app.svc.example.org', 'other', undefined],
    ['api', 'other', undefined],
    ['db-0.db.data.svc.cluster.local', 'app', 'db'],
    ['db-0.db.data', 'app', 'db'],
    ['peers-2.peers', 'app', 'peers'],
    ['api-0.api', 'app', undefined], // pod records exist only for headless Services
    ['example.com', 'app', undefined],
  ])('%s from namespace %s -> %s', (host, namespace, expected) => {
    expect(resolveHost(host, namespace, 'cluster.local', services)?.name).toBe(expected);
  });

  it.each([
    ['http://api:8080/healthz', [['api', 8080]]],
    ['https://api.app.svc/x', [['api.app.svc', 443]]],
    [
      'a.b:6379,c.d:6380',
      [
        ['a.b', 6379],
        ['c.d', 6380],
      ],
    ],
    ['--metrics-port=9100', []],
  ])('finds the host names and ports in %s', (text, expected) => {
    expect(
      hostsIn(text, 'env X', '/env/0/value')
        .filter((h) => h.host.includes('.') || h.port)
        .map((h) => [h.host, h.port]),
    ).toEqual(expected);
  });
});

describe('--flow', () => {
  it.each([
    ['StatefulSet/app->10.0.0.0/8:5432/TCP', { from: 'StatefulSet/app', to: '10.0.0.0/8', port: 5432, protocol: 'TCP' }],
    ['Deployment/web -> Deployment/cache:6379', { from: 'Deployment/web', to: 'Deployment/cache', port: 6379, protocol: 'TCP' }],
    ['Job/x->192.0.2.7:53/UDP', { from: 'Job/x', to: '192.0.2.7', port: 53, protocol: 'UDP' }],
  ])('%s', (text, expected) => expect(parseFlowSpec(text)).toEqual(expected));

  it('a malformed --flow is a usage error (exit 2)', async () => {
    const run = await runCli(['validate', SHOP, '--flow', 'web to db', '--kubernetes-version', '1.33.0'], REPO);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--flow "web to db": expected');
  });
});
