// Each R-item's rendered shape, table-driven: given values → expected fields.
import { describe, expect, it } from 'vitest';
import type { Values } from '../../schema/values.generated.ts';
import { at, container, envOf, type Render, render } from '../helpers/render.ts';

type Case = readonly [name: string, values: Values, check: (r: Render) => void];

const cases: readonly Case[] = [
  [
    'R1: StatefulSet behind the headless Service, Parallel by default',
    {},
    (r) => {
      expect(r.find('StatefulSet', 'bv-boardviewer').spec).toMatchObject({ serviceName: 'bv-boardviewer-headless', podManagementPolicy: 'Parallel' });
    },
  ],
  [
    'R1: OrderedReady is selectable',
    { podManagementPolicy: 'OrderedReady' },
    (r) => expect(at(r.find('StatefulSet', 'boardviewer'), 'spec.podManagementPolicy')).toBe('OrderedReady'),
  ],
  [
    'R2: board-data claims, RWO, boardviewer-sc, 50Gi, retained on delete and scale-down',
    {},
    (r) => {
      const sts = r.find('StatefulSet', 'boardviewer');
      expect(sts.spec).toMatchObject({
        persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
        volumeClaimTemplates: [
          {
            metadata: { name: 'board-data' },
            spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'boardviewer-sc', resources: { requests: { storage: '50Gi' } } },
          },
        ],
      });
      expect(at(container(sts, 'boardviewer'), 'volumeMounts.0')).toEqual({ name: 'board-data', mountPath: '/var/lib/boardviewer' });
    },
  ],
  [
    'R3: StorageClass with Retain, encryption, CSI provisioner',
    {},
    (r) =>
      expect(r.find('StorageClass', 'boardviewer-sc')).toMatchObject({
        provisioner: 'ebs.csi.aws.com',
        reclaimPolicy: 'Retain',
        volumeBindingMode: 'WaitForFirstConsumer',
        parameters: { type: 'gp3', 'csi.storage.k8s.io/fstype': 'xfs', encrypted: 'true' },
      }),
  ],
  [
    'R3: an existing class is used and none is created',
    { storageClass: { create: false, name: 'platform-retain' } },
    (r) => {
      expect(r.all('StorageClass')).toEqual([]);
      expect(at(r.find('StatefulSet', 'boardviewer'), 'spec.volumeClaimTemplates.0.spec.storageClassName')).toBe('platform-retain');
    },
  ],
  [
    'R4: headless Service (clusterIP None, http 8080) and client Service select the pods',
    {},
    (r) => {
      const selector = at(r.find('StatefulSet', 'boardviewer'), 'spec.selector.matchLabels');
      expect(r.find('Service', 'bv-boardviewer-headless').spec).toMatchObject({
        clusterIP: 'None',
        selector,
        ports: [{ name: 'http', port: 8080, targetPort: 'http' }, { name: 'metrics' }],
      });
      expect(r.find('Service', 'bv-boardviewer').spec).toMatchObject({ type: 'ClusterIP', selector, ports: [{ name: 'http', port: 8080 }] });
    },
  ],
  [
    'R5: NGINX cookie affinity, WebSocket timeouts, no TLS by default',
    {},
    (r) => {
      const ing = r.find('Ingress', 'boardviewer');
      expect(ing.metadata.annotations).toMatchObject({
        'nginx.ingress.kubernetes.io/affinity': 'cookie',
        'nginx.ingress.kubernetes.io/affinity-mode': 'persistent',
        'nginx.ingress.kubernetes.io/session-cookie-name': 'BOARDVIEWER_AFFINITY',
        'nginx.ingress.kubernetes.io/session-cookie-max-age': '172800',
        'nginx.ingress.kubernetes.io/session-cookie-expires': '172800',
        'nginx.ingress.kubernetes.io/proxy-read-timeout': '3600',
        'nginx.ingress.kubernetes.io/proxy-send-timeout': '3600',
      });
      expect(ing.spec).toMatchObject({
        ingressClassName: 'nginx',
        rules: [
          {
            host: 'boardviewer.example.com',
            http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'bv-boardviewer', port: { name: 'http' } } } }] },
          },
        ],
      });
      expect(at(ing, 'spec.tls')).toBeUndefined();
    },
  ],
  [
    'R5: TLS from a cert-manager ClusterIssuer',
    {
      ingress: {
        tls: { enabled: true, secretName: 'boards-tls', clusterIssuer: 'letsencrypt' },
        hosts: [{ host: 'a.example.com' }, { host: 'b.example.com' }],
      },
    },
    (r) => {
      const ing = r.find('Ingress', 'boardviewer');
      expect(ing.metadata.annotations?.['cert-manager.io/cluster-issuer']).toBe('letsencrypt');
      expect(at(ing, 'spec.tls')).toEqual([{ secretName: 'boards-tls', hosts: ['a.example.com', 'b.example.com'] }]);
    },
  ],
  [
    'R6: HPA autoscaling/v2, 4–10 pods at 70% CPU; the StatefulSet leaves replicas to it',
    {},
    (r) => {
      expect(r.find('HorizontalPodAutoscaler', 'boardviewer')).toMatchObject({
        apiVersion: 'autoscaling/v2',
        spec: {
          scaleTargetRef: { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'bv-boardviewer' },
          minReplicas: 4,
          maxReplicas: 10,
          metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
          behavior: { scaleDown: { stabilizationWindowSeconds: 300 } },
        },
      });
      expect(at(r.find('StatefulSet', 'boardviewer'), 'spec.replicas')).toBeUndefined();
    },
  ],
  [
    'R6: the memory target is optional: at 0 the HPA scales on CPU alone',
    { autoscaling: { targetMemoryUtilizationPercentage: 0 } },
    (r) => {
      const metrics = at(r.find('HorizontalPodAutoscaler', 'boardviewer'), 'spec.metrics') as { resource: { name: string } }[];
      expect(metrics.map((m) => m.resource.name)).toEqual(['cpu']);
    },
  ],
  [
    'R6: without autoscaling there is no HPA and the StatefulSet sets replicas',
    { autoscaling: { enabled: false }, replicas: 4 },
    (r) => {
      expect(r.all('HorizontalPodAutoscaler')).toEqual([]);
      expect(at(r.find('StatefulSet', 'boardviewer'), 'spec.replicas')).toBe(4);
    },
  ],
  [
    'R6: a memory target adds a second metric',
    { autoscaling: { targetMemoryUtilizationPercentage: 80 } },
    (r) =>
      expect(at(r.find('HorizontalPodAutoscaler'), 'spec.metrics.1.resource')).toEqual({
        name: 'memory',
        target: { type: 'Utilization', averageUtilization: 80 },
      }),
  ],
  [
    'R7: startup, readiness and liveness probes; 3 failures; a metrics port Prometheus scrapes',
    {},
    (r) => {
      const sts = r.find('StatefulSet', 'boardviewer');
      const app = container(sts, 'boardviewer');
      expect(app).toMatchObject({
        startupProbe: { httpGet: { path: '/healthz/startup', port: 'http' } },
        readinessProbe: { httpGet: { path: '/healthz/ready', port: 'http' }, failureThreshold: 3 },
        livenessProbe: { httpGet: { path: '/healthz/live', port: 'http' }, failureThreshold: 3 },
        ports: [
          { name: 'http', containerPort: 8080 },
          { name: 'metrics', containerPort: 9090 },
        ],
      });
      expect(at(sts, 'spec.template.metadata.annotations')).toMatchObject({ 'prometheus.io/scrape': 'true', 'prometheus.io/port': '9090' });
    },
  ],
  [
    'R8: pod name, ordinal, peers through the headless Service, and the write quorum',
    {},
    (r) => {
      const app = container(r.find('StatefulSet', 'boardviewer'), 'boardviewer');
      expect(envOf(app, 'POD_NAME')).toEqual({ fieldRef: { fieldPath: 'metadata.name' } });
      expect(envOf(app, 'POD_ORDINAL')).toEqual({ fieldRef: { fieldPath: "metadata.labels['apps.kubernetes.io/pod-index']" } });
      expect(envOf(app, 'BV_WRITE_QUORUM')).toBe('2');
      const peers = String(envOf(app, 'BV_PEERS')).split(',');
      expect(peers).toHaveLength(10);
      expect(peers[0]).toBe('bv-boardviewer-0.bv-boardviewer-headless.boards.svc.cluster.local:8080');
      expect(peers[9]).toBe('bv-boardviewer-9.bv-boardviewer-headless.boards.svc.cluster.local:8080');
    },
  ],
  [
    'R9: in-chart Redis Cluster of 6 nodes with cluster mode, headless Service, PDB and bootstrap hook',
    {},
    (r) => {
      const redis = r.find('StatefulSet', '-redis');
      expect(redis.spec).toMatchObject({
        replicas: 6,
        serviceName: 'bv-boardviewer-redis-headless',
        volumeClaimTemplates: [{ metadata: { name: 'redis-data' } }],
      });
      expect(String((container(redis, 'redis').command as string[])[2])).toMatch(/cluster-enabled yes[\s\S]*appendonly yes/);
      expect(container(redis, 'redis')).toMatchObject({ readinessProbe: { failureThreshold: 3 }, livenessProbe: { failureThreshold: 3 } });
      expect(r.find('Service', '-redis-headless').spec).toMatchObject({ clusterIP: 'None' });
      expect(r.find('PodDisruptionBudget', '-redis').spec).toMatchObject({ maxUnavailable: 1 });
      const job = r.find('Job', '-cluster-bootstrap');
      expect(job.metadata.annotations).toMatchObject({ 'helm.sh/hook': 'post-install,post-upgrade' });
      expect(String(at(job, 'spec.template.spec.containers.0.command.2'))).toContain('--cluster-replicas 1');
      const app = container(r.find('StatefulSet', 'bv-boardviewer'), 'boardviewer');
      expect(String(envOf(app, 'BV_REDIS_ADDRESSES')).split(',')).toHaveLength(6);
      expect(envOf(app, 'BV_REDIS_PASSWORD')).toEqual({ secretKeyRef: { name: 'bv-boardviewer-redis', key: 'redis-password' } });
    },
  ],
  [
    'R9: external Redis: no Redis objects, addresses and password Secret handed to the app',
    { redis: { mode: 'external', external: { addresses: ['r1:6379', 'r2:6380'], existingSecret: 'cache', passwordKey: 'pw' } } },
    (r) => {
      expect(r.objects.filter((o) => o.metadata.name.includes('redis'))).toEqual([]);
      const app = container(r.find('StatefulSet', 'boardviewer'), 'boardviewer');
      expect(envOf(app, 'BV_REDIS_ADDRESSES')).toBe('r1:6379,r2:6380');
      expect(envOf(app, 'BV_REDIS_PASSWORD')).toEqual({ secretKeyRef: { name: 'cache', key: 'pw' } });
    },
  ],
  [
    'R10: database URL and credentials from the existing Secret',
    { database: { existingSecret: 'db' } },
    (r) => {
      const app = container(r.find('StatefulSet', 'boardviewer'), 'boardviewer');
      expect(envOf(app, 'BV_DB_URL')).toEqual({ secretKeyRef: { name: 'db', key: 'url' } });
      expect(envOf(app, 'BV_DB_PASSWORD')).toEqual({ secretKeyRef: { name: 'db', key: 'password' } });
    },
  ],
  [
    'R11: renderer sidecar with its own image, probes, resources and a shared scratch volume',
    {},
    (r) => {
      const sts = r.find('StatefulSet', 'boardviewer');
      const renderer = container(sts, 'renderer');
      expect(renderer).toMatchObject({
        image: 'ghcr.io/boardviewer/renderer:4.2.0',
        readinessProbe: { tcpSocket: { port: 8081 } },
        resources: { limits: { cpu: '1', memory: '1Gi' } },
        volumeMounts: expect.arrayContaining([{ name: 'render-output', mountPath: '/var/render' }]),
      });
      expect(envOf(container(sts, 'boardviewer'), 'BV_RENDERER_URL')).toBe('http://127.0.0.1:8081');
      expect(at(sts, 'spec.template.spec.volumes')).toEqual(expect.arrayContaining([{ name: 'render-output', emptyDir: { sizeLimit: '2Gi' } }]));
    },
  ],
  [
    'R12: PDB policy/v1 at 25%, rolling update with the same bound and a canary partition',
    { updateStrategy: { partition: 2 } },
    (r) => {
      const selector = at(r.find('StatefulSet', 'boardviewer'), 'spec.selector');
      expect(r.find('PodDisruptionBudget', 'bv-boardviewer')).toMatchObject({ apiVersion: 'policy/v1', spec: { maxUnavailable: '25%', selector } });
      expect(at(r.find('StatefulSet', 'boardviewer'), 'spec.updateStrategy')).toEqual({
        type: 'RollingUpdate',
        rollingUpdate: { partition: 2, maxUnavailable: '25%' },
      });
    },
  ],
  [
    'R13: ServiceMonitor on the metrics port and the four alert levels plus pod-down',
    { monitoring: { enabled: true, labels: { release: 'prom' } } },
    (r) => {
      expect(r.find('ServiceMonitor').spec).toMatchObject({
        endpoints: [{ port: 'metrics', path: '/metrics', relabelings: [{ targetLabel: 'instance' }, { targetLabel: 'pod' }] }],
      });
      const rule = r.find('PrometheusRule');
      expect(rule.metadata.labels?.release).toBe('prom');
      const rules = (
        at(rule, 'spec.groups') as {
          rules: { alert: string; expr: string; for?: string; labels: { level: string; severity: string }; annotations: Record<string, string> }[];
        }[]
      ).flatMap((g) => g.rules);
      const byLevel = Object.fromEntries(rules.map((x) => [x.labels.level, x]));
      expect(Object.keys(byLevel).sort()).toEqual(['application', 'availability', 'business', 'container', 'infrastructure']);
      expect(byLevel.infrastructure?.expr).toMatch(/> 85\s*$/);
      expect(byLevel.infrastructure?.for).toBe('5m');
      expect(byLevel.container?.expr).toMatch(/\[1h\]\)\) > 3\s*$/);
      expect(byLevel.application?.expr).toContain('(1 - 50 / 100)');
      expect(byLevel.business?.expr).toMatch(/< 95\s*$/);
      expect(byLevel.availability?.expr).toContain('up{job="bv-boardviewer-headless"');
      for (const x of rules) expect(x.annotations).toMatchObject({ summary: expect.any(String), runbook_url: expect.stringMatching(/^https:\/\//) });
    },
  ],
  [
    'R14: daily 03:00 Velero backup of the namespace with volume snapshots',
    { backup: { enabled: true } },
    (r) =>
      expect(r.find('Schedule')).toMatchObject({
        apiVersion: 'velero.io/v1',
        metadata: { namespace: 'velero' },
        spec: { schedule: '0 3 * * *', template: { includedNamespaces: ['boards'], snapshotVolumes: true, ttl: '720h0m0s' } },
      }),
  ],
  [
    'R14: monthly chaos drill with namespaced RBAC that can only evict the StatefulSet pods',
    { chaosDrill: { enabled: true, suspend: true } },
    (r) => {
      expect(r.find('CronJob', 'chaos-drill').spec).toMatchObject({ schedule: '0 4 1 * *', suspend: true, concurrencyPolicy: 'Forbid' });
      const role = r.find('Role', 'chaos-drill');
      const del = (at(role, 'rules') as { resources: string[]; resourceNames?: string[] }[]).find((x) => x.resources.includes('pods/eviction'));
      expect(del?.resourceNames).toEqual(Array.from({ length: 10 }, (_, i) => `bv-boardviewer-${i}`));
      expect(r.all('ClusterRole')).toEqual([]);
      expect(r.find('RoleBinding', 'chaos-drill')).toMatchObject({ roleRef: { kind: 'Role' } });
    },
  ],
  [
    'R14: helm test checks the service and every pod keeps its own data volume',
    {},
    (r) => {
      const test = r.objects.find((o) => o.kind === 'Pod' && o.metadata.annotations?.['helm.sh/hook'] === 'test');
      expect(test).toBeDefined();
      const script = String(at(test, 'spec.containers.0.command.2'));
      expect(script).toContain('board-data-$pod');
      expect(script).toContain('volume-marker');
      expect(container(r.find('StatefulSet', 'bv-boardviewer'), 'volume-marker')).toMatchObject({ volumeMounts: [{ name: 'board-data' }] });
    },
  ],
  [
    'R15: restricted security context and resources on every container of every workload',
    { monitoring: { enabled: true }, backup: { enabled: true }, chaosDrill: { enabled: true } },
    (r) => {
      const podSpecs = r.objects.flatMap((o) => {
        const spec = at(o, 'spec.template.spec') ?? at(o, 'spec.jobTemplate.spec.template.spec') ?? (o.kind === 'Pod' ? at(o, 'spec') : undefined);
        return spec ? [{ o, spec: spec as { securityContext: unknown; containers: unknown[]; initContainers?: unknown[] } }] : [];
      });
      expect(podSpecs.length).toBeGreaterThanOrEqual(5);
      for (const { o, spec } of podSpecs) {
        expect(spec.securityContext, o.metadata.name).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
        for (const c of [...spec.containers, ...(spec.initContainers ?? [])]) {
          expect(c, `${o.metadata.name}`).toMatchObject({
            securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
            resources: { requests: { cpu: expect.anything(), memory: expect.anything() }, limits: { cpu: expect.anything(), memory: expect.anything() } },
            image: expect.stringMatching(/:[^:]+$/),
          });
          expect(String(at(c, 'image'))).not.toMatch(/:latest$/);
        }
      }
    },
  ],
  [
    'R15: NetworkPolicy, zone spread, node anti-affinity, priority class, preStop sleep',
    { priorityClassName: 'boardviewer-high', placement: { zoneSpread: 'hard', nodeAntiAffinity: 'hard' } },
    (r) => {
      const np = r.find('NetworkPolicy');
      expect(np.spec).toMatchObject({ policyTypes: ['Ingress', 'Egress'] });
      expect(JSON.stringify(np.spec)).toContain('ingress-nginx');
      const pod = at(r.find('StatefulSet', 'bv-boardviewer'), 'spec.template.spec');
      expect(pod).toMatchObject({
        priorityClassName: 'boardviewer-high',
        topologySpreadConstraints: [{ topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', maxSkew: 1 }],
        affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname' }] } },
      });
      expect(at(pod, 'containers.0.lifecycle')).toEqual({ preStop: { sleep: { seconds: 15 } } });
    },
  ],
  [
    'R15: image tag defaults to appVersion; a digest pins it',
    { image: { digest: `sha256:${'a'.repeat(64)}` } },
    (r) => expect(container(r.find('StatefulSet', 'bv-boardviewer'), 'boardviewer').image).toBe(`ghcr.io/boardviewer/boardviewer@sha256:${'a'.repeat(64)}`),
  ],
  [
    'settings from the schema (x-bv-env) reach the container',
    { app: { logLevel: 'debug' } },
    (r) => {
      const app = container(r.find('StatefulSet', 'boardviewer'), 'boardviewer');
      expect(envOf(app, 'BV_LOG_LEVEL')).toBe('debug');
      expect(envOf(app, 'BV_MAX_UPLOAD_SIZE_MB')).toBe('100');
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

describe('Kubernetes 1.29 (no preStop sleep action yet)', () => {
  it('falls back to an exec sleep', async () => {
    const r = await render({}, { kubeVersion: '1.29.0' });
    expect(at(container(r.find('StatefulSet', 'bv-boardviewer'), 'boardviewer'), 'lifecycle')).toEqual({ preStop: { exec: { command: ['sleep', '15'] } } });
  });
});

describe('R10: HikariCP pool size = min(20, 2 × CPU limit in cores), at least 1', () => {
  it.each([
    ['2', 0, '4'],
    ['1500m', 0, '3'],
    [0.5, 0, '1'],
    ['0.5', 0, '1'],
    ['250m', 0, '1'],
    ['100m', 0, '1'],
    ['2.5', 0, '5'],
    [3, 0, '6'],
    ['10', 0, '20'],
    ['16', 0, '20'],
    ['1', 7, '7'],
  ] as const)('cpu limit %j, override %i → %s', async (cpu, maxPoolSize, expected) => {
    // The request stays at most the limit (the API server refuses a request above it; so does the chart's guard).
    const r = await render({ resources: { requests: { cpu: '50m' }, limits: { cpu } }, database: { maxPoolSize } });
    expect(r.status, r.stderr).toBe(0);
    expect(envOf(container(r.find('StatefulSet', 'boardviewer'), 'boardviewer'), 'HIKARI_MAXIMUM_POOL_SIZE')).toBe(expected);
  });
});

describe('R8: replicas must hold the primary plus the write quorum', () => {
  it.each([
    [
      { autoscaling: { enabled: false }, replicas: 2 },
      'replicas, quorum.writeQuorum: 2 pods, but quorum.writeQuorum=2 needs a primary plus 2 replicas: set replicas to at least 3 (R8)',
    ],
    [
      { autoscaling: { minReplicas: 2 } },
      'autoscaling.minReplicas, quorum.writeQuorum: 2 pods, but quorum.writeQuorum=2 needs a primary plus 2 replicas: set autoscaling.minReplicas to at least 3 (R8)',
    ],
    [
      { quorum: { writeQuorum: 4 } },
      'autoscaling.minReplicas, quorum.writeQuorum: 4 pods, but quorum.writeQuorum=4 needs a primary plus 4 replicas: set autoscaling.minReplicas to at least 5 (R8)',
    ],
    [{ autoscaling: { minReplicas: 5, maxReplicas: 4 } }, 'autoscaling.maxReplicas, autoscaling.minReplicas: the maximum 4 is below the minimum 5 (R6)'],
    [{ redis: { mode: 'external' } }, 'redis.external.addresses, redis.mode: empty while redis.mode is external'],
  ] as const)('%j fails: %s', async (values, message) => {
    for (const major of [3, 4] as const) {
      const r = await render(values as Values, { major });
      expect(r.status).not.toBe(0);
      expect(r.stderr).toContain(message);
    }
  });

  it.each([
    [{ autoscaling: { enabled: false }, replicas: 4 }],
    [{ quorum: { writeQuorum: 3 }, autoscaling: { minReplicas: 6 } }],
    [{ quorum: { writeQuorum: 1 }, autoscaling: { minReplicas: 3 } }],
  ] as const)('%j renders', async (values) => {
    const r = await render(values as Values);
    expect(r.status, r.stderr).toBe(0);
  });
});

describe('R13/R14: CRD-backed features fail loudly when the cluster lacks the CRDs', () => {
  it.each([
    [{ monitoring: { enabled: true } }, 'monitoring.enabled: true but the cluster does not serve monitoring.coreos.com/v1'],
    [{ backup: { enabled: true } }, 'backup.enabled: true but the cluster does not serve velero.io/v1'],
  ] as const)('%j without the API fails', async (values, message) => {
    for (const major of [3, 4] as const) {
      const r = await render(values as Values, { major, withCRDs: false });
      expect(r.status).not.toBe(0);
      expect(r.stderr).toContain(message);
    }
  });

  it('requireCRDs=false renders them offline', async () => {
    const r = await render({ monitoring: { enabled: true }, backup: { enabled: true }, requireCRDs: false }, { withCRDs: false });
    expect(r.status, r.stderr).toBe(0);
    expect(r.all('ServiceMonitor')).toHaveLength(1);
    expect(r.all('PrometheusRule')).toHaveLength(1);
    expect(r.all('Schedule')).toHaveLength(1);
  });
});
