// The defects a reviewer found in the chart (issue 9), one case each: every case failed on
// the chart before its fix. General classes are policy rules instead (name-length,
// disruption-keeps-quorum, ephemeral-storage-bounded, chaos-drill-scope,
// prometheusrule-levels in test/validator/policy-rules.test.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments, stringify } from 'yaml';
import type { Values } from '../../schema/values.generated.ts';
import { Helm } from '../../toolchain/helm.ts';
import { NEWEST_KUBE_VERSION } from '../../toolchain/kube-versions.ts';
import { allowed, type Pod } from '../helpers/network-policy.ts';
import { REPO } from '../helpers/project.ts';
import { at, container, envOf, type K8sObject, type Render, render } from '../helpers/render.ts';
import { CHART } from '../helpers/scenarios.ts';

const NS = 'boards';
const labelsOf = (o: K8sObject) => (at(o, 'spec.template.metadata.labels') ?? o.metadata.labels ?? {}) as Record<string, string>;
const podOf = (o: K8sObject, ports: Record<string, number> = {}): Pod => ({ namespace: NS, labels: labelsOf(o), ports });
const SERVER_PORTS = { http: 8080, metrics: 9090 };
const REDIS_PORTS = { redis: 6379, 'cluster-bus': 16379 };
const KUBE_DNS: Pod = { namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } };
const STRANGER: Pod = { namespace: NS, labels: { app: 'something-else' } };

type Case = readonly [name: string, values: Values, check: (r: Render) => void];

const cases: readonly Case[] = [
  [
    '1: the default NetworkPolicy lets the `helm test` pod reach the server pods on http',
    {},
    (r) => {
      const test = r.objects.find((o) => o.kind === 'Pod' && o.metadata.annotations?.['helm.sh/hook'] === 'test');
      expect(test).toBeDefined();
      const server = podOf(r.find('StatefulSet', 'bv-boardviewer'), SERVER_PORTS);
      expect(allowed(r.all('NetworkPolicy'), podOf(test as K8sObject), server, 8080)).toBe(true);
      expect(allowed(r.all('NetworkPolicy'), STRANGER, server, 8080)).toBe(false);
    },
  ],
  [
    '2: Redis has its own NetworkPolicy: server pods and peers in, strangers out; DNS only to kube-dns',
    {},
    (r) => {
      const policies = r.all('NetworkPolicy');
      const server = podOf(r.find('StatefulSet', 'bv-boardviewer'), SERVER_PORTS);
      const redis = podOf(r.find('StatefulSet', '-redis'), REDIS_PORTS);
      const bootstrap = podOf(r.find('Job', '-redis-cluster-bootstrap'));
      expect(allowed(policies, server, redis, 6379)).toBe(true);
      expect(allowed(policies, bootstrap, redis, 6379)).toBe(true);
      expect(allowed(policies, redis, redis, 16379)).toBe(true);
      expect(allowed(policies, STRANGER, redis, 6379)).toBe(false);
      expect(allowed(policies, STRANGER, redis, 16379)).toBe(false);
      expect(allowed(policies, server, redis, 16379)).toBe(false);
      for (const pod of [server, redis]) {
        expect(allowed(policies, pod, KUBE_DNS, 53, 'UDP')).toBe(true);
        expect(allowed(policies, pod, KUBE_DNS, 53, 'TCP')).toBe(true);
        // DNS goes to the cluster DNS pods, not to any address.
        const anyDnsEgress = policies.some((np) =>
          ((at(np, 'spec.egress') ?? []) as { to?: unknown[]; ports?: { port?: unknown }[] }[]).some((e) => e.ports?.some((p) => p.port === 53) && !e.to),
        );
        expect(anyDnsEgress).toBe(false);
      }
    },
  ],
  [
    '2: external Redis egress has its own CIDR; HTTPS to cloud APIs only when allowed',
    {
      redis: { mode: 'external', external: { addresses: ['r:6379'] } },
      networkPolicy: { databaseCIDR: '10.20.0.0/16', redisCIDR: '10.30.0.0/16', allowCloudApiEgress: true, cloudApiCIDRs: ['52.94.0.0/16'] },
    },
    (r) => {
      const egress = at(r.find('NetworkPolicy', 'bv-boardviewer'), 'spec.egress') as { to?: { ipBlock?: { cidr: string } }[]; ports: { port: number }[] }[];
      const cidrFor = (port: number) => egress.filter((e) => e.ports.some((p) => p.port === port)).flatMap((e) => (e.to ?? []).map((t) => t.ipBlock?.cidr));
      expect(cidrFor(6379)).toEqual(['10.30.0.0/16']);
      expect(cidrFor(5432)).toEqual(['10.20.0.0/16']);
      expect(cidrFor(443)).toEqual(['52.94.0.0/16']);
    },
  ],
  [
    '2: no HTTPS egress by default',
    {},
    (r) => expect(JSON.stringify(at(r.find('NetworkPolicy', 'bv-boardviewer'), 'spec.egress'))).not.toContain('"port":443'),
  ],
  [
    '3: the Ingress body limit follows app.maxUploadSizeMb (+1 MiB of multipart framing)',
    { app: { maxUploadSizeMb: 500 } },
    (r) => expect(r.find('Ingress').metadata.annotations?.['nginx.ingress.kubernetes.io/proxy-body-size']).toBe('501m'),
  ],
  [
    '3: by default uploads up to 100 MiB pass',
    {},
    (r) => expect(r.find('Ingress').metadata.annotations?.['nginx.ingress.kubernetes.io/proxy-body-size']).toBe('101m'),
  ],
  [
    '6: Redis: the password is in no process argument; probes use REDISCLI_AUTH',
    {},
    (r) => {
      const redis = container(r.find('StatefulSet', '-redis'), 'redis');
      const argv = JSON.stringify([redis.command, redis.args, at(redis, 'startupProbe'), at(redis, 'readinessProbe'), at(redis, 'livenessProbe')]);
      expect(argv).not.toMatch(/--requirepass|--masterauth|redis-cli[^"]* -a /);
      expect(envOf(redis, 'REDISCLI_AUTH')).toEqual({ secretKeyRef: { name: 'bv-boardviewer-redis', key: 'redis-password' } });
      const script = String((redis.command as string[])[2]);
      expect(script).toContain('requirepass $REDISCLI_AUTH');
      expect(script).toContain('exec redis-server /tmp/redis.conf');
    },
  ],
  [
    '6: Redis maxmemory is 75% of the memory limit, with an eviction policy',
    { redis: { cluster: { resources: { limits: { memory: '4Gi' } }, maxmemoryPolicy: 'allkeys-lfu' } } },
    (r) => {
      const script = String((container(r.find('StatefulSet', '-redis'), 'redis').command as string[])[2]);
      expect(script).toContain(`maxmemory ${0.75 * 4 * 1024 ** 3}`);
      expect(script).toContain('maxmemory-policy allkeys-lfu');
    },
  ],
  [
    '6: Redis maxmemory at the default 1Gi limit',
    {},
    (r) =>
      expect(String((container(r.find('StatefulSet', '-redis'), 'redis').command as string[])[2])).toMatch(
        /maxmemory 805306368"\n[\s\S]*maxmemory-policy allkeys-lru/,
      ),
  ],
  [
    '6: Redis nodes re-form after a full restart: own address rewritten, peers met at their current addresses',
    {},
    (r) => {
      const redis = container(r.find('StatefulSet', '-redis'), 'redis');
      const script = String((redis.command as string[])[2]);
      expect(script).toMatch(/sed -i -E "\/myself\/ s\/.*\$POD_IP:6379@16379\/" \/data\/nodes.conf/);
      expect(script).toContain('cluster-announce-hostname $POD_NAME.bv-boardviewer-redis-headless.boards.svc.cluster.local');
      expect(script).toContain('cluster-preferred-endpoint-type hostname');
      const postStart = JSON.stringify(at(redis, 'lifecycle.postStart'));
      expect(postStart).toContain('cluster meet');
      expect(postStart).toContain('getent hosts');
      expect(envOf(redis, 'POD_IP')).toEqual({ fieldRef: { fieldPath: 'status.podIP' } });
    },
  ],
  [
    '6: the bootstrap asks every node, joins unknown nodes, forgets stale entries, fixes and rebalances',
    {},
    (r) => {
      const script = String(at(r.find('Job', '-redis-cluster-bootstrap'), 'spec.template.spec.containers.0.command.2'));
      expect(script).toMatch(/while \[ "\$i" -lt "\$NODES" \] && \[ -z "\$seed" \]/);
      expect(script).toContain('cluster_slots_assigned');
      expect(script).toContain('cluster forget');
      expect(script).toContain('--cluster add-node');
      expect(script).toContain('--cluster-slave');
      expect(script).toContain('--cluster fix');
      expect(script).toContain('--cluster rebalance');
      expect(script).toContain('--cluster check');
      expect(script).not.toMatch(/ -a /);
    },
  ],
  [
    '9: alert text, windows and `for:` durations come from values',
    {
      monitoring: {
        enabled: true,
        thresholds: {
          websocketDropPercent: 40,
          websocketDropWindow: '30m',
          websocketDropFor: '7m',
          reportSuccessWindow: '10m',
          reportSuccessFor: '20m',
          podDownFor: '3m',
        },
      },
      // probes.liveness.failureThreshold is pinned to 3 by the schema (R7, issue 12).
    },
    (r) => {
      const rules = (
        at(r.find('PrometheusRule'), 'spec.groups') as { rules: { alert: string; expr: string; for?: string; annotations: Record<string, string> }[] }[]
      ).flatMap((g) => g.rules);
      const byName = Object.fromEntries(rules.map((x) => [x.alert, x]));
      const ws = byName.BoardViewerWebSocketConnectionsDropped;
      expect(ws?.expr).toContain('offset 30m');
      expect(ws?.for).toBe('7m');
      expect(ws?.annotations.description).toBe('Open WebSocket connections fell by 40% or more against 30m ago.');
      const report = byName.BoardViewerReportSuccessRateLow;
      expect(report?.expr).toContain('[10m]');
      expect(report?.for).toBe('20m');
      expect(report?.annotations.description).toContain('over the last 10m');
      const down = byName.BoardViewerPodDown;
      expect(down?.for).toBe('3m');
      expect(down?.annotations.description).toContain('after 3 failed liveness checks');
      expect(JSON.stringify(rules)).not.toMatch(/half|15 minutes/);
    },
  ],
  [
    "9: the pod-down alert reads the ServiceMonitor job's up series, so a crashed pod (no series) alerts",
    { monitoring: { enabled: true } },
    (r) => {
      const expr = String(at(r.find('PrometheusRule'), 'spec.groups.0.rules.0.expr') as string);
      const job = /up\{job="([^"]+)", namespace="boards"\}/.exec(expr)?.[1];
      // The job label is the name of the Service the ServiceMonitor scrapes (its metrics port).
      const port = at(r.find('ServiceMonitor'), 'spec.endpoints.0.port');
      const scraped = r.all('Service').filter((s) => (at(s, 'spec.ports') as { name: string }[]).some((p) => p.name === port));
      expect(scraped.map((s) => s.metadata.name)).toEqual([job]);
      expect(expr).toContain(`absent(up{job="${job}", namespace="boards"})`);
      expect(expr).toContain(`count(up{job="${job}", namespace="boards"} == 1) < 4`);
    },
  ],
  ['11: the chaos drill is off by default', {}, (r) => expect(r.all('CronJob')).toEqual([])],
  [
    '11: when on, the drill checks readiness, then evicts (never deletes), and skips runs missed by more than the deadline',
    { chaosDrill: { enabled: true } },
    (r) => {
      const cron = r.find('CronJob', '-chaos-drill');
      expect(at(cron, 'spec.startingDeadlineSeconds')).toBe(3600);
      const script = String(at(cron, 'spec.jobTemplate.spec.template.spec.containers.0.command.2'));
      expect(script).not.toContain('kubectl delete');
      expect(script.indexOf('readyReplicas')).toBeGreaterThan(-1);
      expect(script.indexOf('readyReplicas')).toBeLessThan(script.indexOf('/eviction'));
      const rules = at(r.find('Role', '-chaos-drill'), 'rules') as { resources: string[]; verbs: string[] }[];
      expect(rules.filter((x) => x.verbs.includes('delete'))).toEqual([]);
      expect(rules).toContainEqual(expect.objectContaining({ resources: ['pods/eviction'], verbs: ['create'] }));
    },
  ],
];

describe.each(cases)('%s', (_name, values, check) => {
  it('renders', async () => {
    const r = await render(values);
    expect(r.status, r.stderr).toBe(0);
    check(r);
  });
});

describe("4: user Ingress annotations override the chart's, each key once", () => {
  it.each([3, 4] as const)('Helm %i', async (major) => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-ingress-')), 'values.yaml');
    fs.writeFileSync(
      file,
      stringify({
        ingress: {
          annotations: {
            'nginx.ingress.kubernetes.io/proxy-read-timeout': '60',
            'nginx.ingress.kubernetes.io/proxy-body-size': '1g',
            'example.com/team': 'boards',
          },
        },
      }),
    );
    const r = await new Helm(major).template({
      chart: CHART,
      kubeVersion: NEWEST_KUBE_VERSION,
      releaseName: 'bv',
      namespace: NS,
      valuesFiles: [file],
    });
    expect(r.status, r.stderr).toBe(0);
    // Strict parsing: a repeated key is an error, as it is for the Go YAML decoder.
    const docs = parseAllDocuments(r.stdout, { uniqueKeys: true });
    expect(docs.flatMap((d) => d.errors.map((e) => e.message))).toEqual([]);
    const annotations = docs.map((d) => d.toJS() as K8sObject).find((o) => o?.kind === 'Ingress')?.metadata.annotations;
    expect(annotations).toMatchObject({
      'nginx.ingress.kubernetes.io/proxy-read-timeout': '60',
      'nginx.ingress.kubernetes.io/proxy-send-timeout': '3600',
      'nginx.ingress.kubernetes.io/proxy-body-size': '1g',
      'example.com/team': 'boards',
    });
  });
});

describe('7: the generated Redis password under GitOps', () => {
  const productionScenarios = fs.readdirSync(path.join(REPO, 'values')).filter((f) => f.startsWith('production-'));

  it.each(productionScenarios)('%s brings its own Redis Secret', (file) => {
    const values = parse(fs.readFileSync(path.join(REPO, 'values', file), 'utf8')) as Values;
    if ((values.redis?.mode ?? 'cluster') === 'cluster') expect(values.redis?.cluster?.existingSecret).toBeTruthy();
  });

  it('with existingSecret the chart renders no password Secret and every consumer reads the given one', async () => {
    const r = await render({ redis: { cluster: { existingSecret: 'my-redis' } } });
    expect(r.all('Secret')).toEqual([]);
    const refs = JSON.stringify(r.objects).match(/"secretKeyRef":\{"name":"[^"]+","key":"redis-password"\}/g) ?? [];
    expect(refs.length).toBeGreaterThanOrEqual(2);
    for (const ref of refs) expect(ref).toContain('"name":"my-redis"');
  });

  it('without it, two renders (helm template, as GitOps tools run it) make two passwords', async () => {
    const password = async () => (await render({})).find('Secret', '-redis').data as Record<string, string>;
    expect((await password())['redis-password']).not.toBe((await password())['redis-password']);
  });

  it('NOTES and the README say what happens without it', () => {
    const notes = fs.readFileSync(path.join(CHART, 'templates', 'NOTES.txt'), 'utf8');
    expect(notes).toMatch(/helm template[\s\S]*new password[\s\S]*redis\.cluster\.existingSecret/i);
    expect(fs.readFileSync(path.join(REPO, 'README.md'), 'utf8')).toMatch(/GitOps[\s\S]{0,400}redis\.cluster\.existingSecret/);
  });
});

describe('10: the render fails when a drain or rolling update can break the write quorum', () => {
  it.each([
    [
      { autoscaling: { minReplicas: 3 } },
      'autoscaling.minReplicas, podDisruptionBudget.maxUnavailable, updateStrategy.maxUnavailable: 3 pods, but a node drain or rolling update (podDisruptionBudget.maxUnavailable=25%, updateStrategy.maxUnavailable=25%) may leave only 2 pods while quorum.writeQuorum=2 needs 3: set autoscaling.minReplicas to at least 4',
    ],
    [
      { autoscaling: { enabled: false }, replicas: 3 },
      'replicas, podDisruptionBudget.maxUnavailable, updateStrategy.maxUnavailable: 3 pods, but a node drain or rolling update',
    ],
    [
      { podDisruptionBudget: { maxUnavailable: 2 }, autoscaling: { minReplicas: 4 } },
      'may leave only 2 pods while quorum.writeQuorum=2 needs 3: set autoscaling.minReplicas to at least 5',
    ],
  ] as const)('%j', async (values, message) => {
    for (const major of [3, 4] as const) {
      const r = await render(values as Values, { major });
      expect(r.status).not.toBe(0);
      expect(r.stderr).toContain(message);
    }
  });

  // The schema allows 1-25% (issue 12): 25% of 5 pods rounds down to 1 (4 left, enough for a
  // write quorum of 3); rounding up (2 down, 3 left) would fail the render.
  it('a rolling update of 25% at 5 pods rounds down (1 down, 4 left) and renders', async () => {
    const r = await render({
      updateStrategy: { maxUnavailable: '25%' },
      podDisruptionBudget: { enabled: false },
      quorum: { writeQuorum: 3 },
      autoscaling: { minReplicas: 5 },
    });
    expect(r.status, r.stderr).toBe(0);
  });

  it('the same bounds with the PDB off only count the rolling update', async () => {
    const r = await render({ podDisruptionBudget: { enabled: false }, autoscaling: { minReplicas: 3 }, updateStrategy: { maxUnavailable: 1 } });
    // 3 pods, one updated at a time: 2 left < 3.
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('may leave only 2 pods');
  });
});
