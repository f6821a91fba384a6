// Issue 9, defect 8 and the standard knobs: pod settings reach every workload the chart runs
// (BoardViewer StatefulSet, Redis StatefulSet, Redis bootstrap Job, chaos drill CronJob, helm
// test Pod), with per-component overrides, rendered by real Helm 3 and Helm 4.
import { describe, expect, it } from 'vitest';
import type { Values } from '../../schema/values.generated.ts';
import { HELM_MAJORS } from '../../toolchain/helm.ts';
import { at, type Container, container, type K8sObject, type Render, render } from '../helpers/render.ts';

/** Every workload of the chart: how to find it, and where its pod template sits. */
const WORKLOADS = [
  { component: 'server', kind: 'StatefulSet', name: 'bv-boardviewer', pod: 'spec.template' },
  { component: 'redis', kind: 'StatefulSet', name: 'bv-boardviewer-redis', pod: 'spec.template' },
  { component: 'redis', kind: 'Job', name: 'bv-boardviewer-redis-cluster-bootstrap', pod: 'spec.template' },
  { component: 'chaosDrill', kind: 'CronJob', name: 'bv-boardviewer-chaos-drill', pod: 'spec.jobTemplate.spec.template' },
  { component: 'tests', kind: 'Pod', name: 'bv-boardviewer-recovery-check', pod: '' },
] as const;

interface PodTemplate {
  readonly metadata: { labels?: Record<string, string>; annotations?: Record<string, string> };
  readonly spec: {
    imagePullSecrets?: { name: string }[];
    nodeSelector?: Record<string, string>;
    tolerations?: unknown[];
    priorityClassName?: string;
    affinity?: Record<string, unknown>;
    topologySpreadConstraints?: unknown[];
    containers: Container[];
    initContainers?: Container[];
  };
}

function podOf(r: Render, w: (typeof WORKLOADS)[number]): PodTemplate {
  const object = r.all(w.kind).find((o) => o.metadata.name === w.name);
  if (!object) throw new Error(`no ${w.kind} ${w.name}`);
  return (w.pod === '' ? object : at(object, w.pod)) as PodTemplate;
}

// The chaos drill is turned on explicitly: its default is not this test's business.
const BASE: Values = { chaosDrill: { enabled: true } };
const TOLERATION = { key: 'dedicated', operator: 'Equal', value: 'boardviewer', effect: 'NoSchedule' };

describe.each(HELM_MAJORS)('helm%i: pod settings', (major) => {
  it('chart-wide settings reach every workload (pull secrets, node selector, tolerations, priority class, pod annotations)', async () => {
    const r = await render(
      {
        ...BASE,
        global: { imagePullSecrets: [{ name: 'global-cred' }] },
        imagePullSecrets: [{ name: 'regcred' }],
        nodeSelector: { 'cloud.google.com/gke-nodepool': 'boards' },
        tolerations: [TOLERATION],
        priorityClassName: 'boards-high',
        podAnnotations: { 'team.example.com/owner': 'boards' },
      },
      { major },
    );
    expect(r.status, r.stderr).toBe(0);
    for (const w of WORKLOADS) {
      const pod = podOf(r, w);
      expect(pod.spec.imagePullSecrets, w.name).toEqual([{ name: 'global-cred' }, { name: 'regcred' }]);
      expect(pod.spec.nodeSelector, w.name).toEqual({ 'cloud.google.com/gke-nodepool': 'boards' });
      expect(pod.spec.tolerations, w.name).toEqual([TOLERATION]);
      expect(pod.spec.priorityClassName, w.name).toBe('boards-high');
      expect(pod.metadata.annotations?.['team.example.com/owner'], w.name).toBe('boards');
    }
  });

  it('each component overrides them (replacing node selector, tolerations and priority class; adding pull secrets and annotations)', async () => {
    const override = (tag: string) => ({
      nodeSelector: { pool: tag },
      tolerations: [{ key: tag, operator: 'Exists' }],
      priorityClassName: `${tag}-priority`,
      imagePullSecrets: [{ name: `${tag}-cred` }],
      podAnnotations: { 'team.example.com/owner': tag },
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: 'pool', operator: 'In' as const, values: [tag] }] }],
          },
        },
      },
      containerSecurityContext: { runAsUser: 4242 },
    });
    const r = await render(
      {
        imagePullSecrets: [{ name: 'regcred' }],
        nodeSelector: { pool: 'default' },
        tolerations: [TOLERATION],
        priorityClassName: 'boards-high',
        podAnnotations: { 'team.example.com/owner': 'boards', 'chart-wide': 'kept' },
        redis: { cluster: override('redis') },
        chaosDrill: { enabled: true, ...override('chaosdrill') },
        tests: override('tests'),
      },
      { major },
    );
    expect(r.status, r.stderr).toBe(0);
    for (const w of WORKLOADS) {
      const pod = podOf(r, w);
      const tag = w.component.toLowerCase();
      if (w.component === 'server') {
        expect(pod.spec.nodeSelector).toEqual({ pool: 'default' });
        expect(pod.spec.priorityClassName).toBe('boards-high');
        expect(pod.spec.imagePullSecrets).toEqual([{ name: 'regcred' }]);
        continue;
      }
      expect(pod.spec.nodeSelector, w.name).toEqual({ pool: tag });
      expect(pod.spec.tolerations, w.name).toEqual([{ key: tag, operator: 'Exists' }]);
      expect(pod.spec.priorityClassName, w.name).toBe(`${tag}-priority`);
      expect(pod.spec.imagePullSecrets, w.name).toEqual([{ name: 'regcred' }, { name: `${tag}-cred` }]);
      expect(pod.metadata.annotations, w.name).toMatchObject({ 'team.example.com/owner': tag, 'chart-wide': 'kept' });
      expect(
        at(pod.spec.affinity, 'nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms.0.matchExpressions.0.values'),
        w.name,
      ).toEqual([tag]);
      for (const c of pod.spec.containers) {
        // The override is merged over the restricted context, which stays otherwise.
        expect(c.securityContext, `${w.name}/${c.name}`).toMatchObject({ runAsUser: 4242, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
      }
    }
    // The Redis pods keep the chart's spread over hosts next to the user's node affinity.
    expect(podOf(r, WORKLOADS[1]).spec.affinity?.podAntiAffinity).toBeDefined();
  });

  it('every image of every workload is pinned by its digest when one is set, and global.imageRegistry replaces every registry', async () => {
    const digest = (n: number) => `sha256:${String(n).repeat(64)}`;
    const r = await render(
      {
        ...BASE,
        global: { imageRegistry: 'mirror.example.com:5000/hub' },
        image: { digest: digest(1) },
        renderer: { image: { digest: digest(2) } },
        volumeMarkerImage: { digest: digest(3) },
        kubectlImage: { digest: digest(4) },
        redis: { cluster: { image: { digest: digest(5) }, metrics: { enabled: true, image: { digest: digest(6) } } } },
      },
      { major },
    );
    expect(r.status, r.stderr).toBe(0);
    const images = WORKLOADS.flatMap((w) => {
      const pod = podOf(r, w);
      return [...pod.spec.containers, ...(pod.spec.initContainers ?? [])].map((c) => `${w.name}/${c.name}: ${c.image}`);
    });
    expect(images.length).toBeGreaterThanOrEqual(8);
    for (const image of images) expect(image).toMatch(/: mirror\.example\.com:5000\/hub\/[a-z0-9/_.-]+@sha256:[0-9]{64}$/);
    expect(images).toContain(`bv-boardviewer/boardviewer: mirror.example.com:5000/hub/boardviewer/boardviewer@${digest(1)}`);
    expect(images).toContain(`bv-boardviewer-redis/redis: mirror.example.com:5000/hub/library/redis@${digest(5)}`);
    expect(images).toContain(`bv-boardviewer-redis/redis-exporter: mirror.example.com:5000/hub/oliver006/redis_exporter@${digest(6)}`);
  });

  it('commonLabels reach every object and every pod, without overriding the chart labels', async () => {
    const r = await render({ ...BASE, commonLabels: { 'cost-center': '42', 'app.kubernetes.io/name': 'other' } }, { major });
    expect(r.status, r.stderr).toBe(0);
    for (const o of r.objects) {
      expect(o.metadata.labels?.['cost-center'], `${o.kind}/${o.metadata.name}`).toBe('42');
      expect(o.metadata.labels?.['app.kubernetes.io/name'], `${o.kind}/${o.metadata.name}`).toBe('boardviewer');
    }
    for (const w of WORKLOADS) expect(podOf(r, w).metadata.labels?.['cost-center'], w.name).toBe('42');
  });
});

describe.each(HELM_MAJORS)('helm%i: commonAnnotations', (major) => {
  it('reach every object of the chart; the chart and each object keep their own keys', async () => {
    const r = await render(
      {
        ...BASE,
        monitoring: { enabled: true },
        backup: { enabled: true },
        redis: { cluster: { metrics: { enabled: true } } },
        commonAnnotations: { 'owner.example.com/team': 'boards', 'helm.sh/hook': 'pre-install', 'nginx.ingress.kubernetes.io/affinity': 'none' },
        service: { annotations: { 'owner.example.com/team': 'edge' } },
      },
      { major },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.objects.length).toBeGreaterThan(20);
    for (const o of r.objects) {
      const annotations = o.metadata.annotations ?? {};
      const name = `${o.kind}/${o.metadata.name}`;
      expect(annotations['owner.example.com/team'], name).toBe(o.kind === 'Service' && o.metadata.name === 'bv-boardviewer' ? 'edge' : 'boards');
      expect(annotations['helm.sh/hook'], name).not.toBe('pre-install');
    }
    expect(r.find('Ingress').metadata.annotations?.['nginx.ingress.kubernetes.io/affinity']).toBe('cookie');
    expect(r.find('Pod').metadata.annotations?.['helm.sh/hook']).toBe('test');
  });
});

describe.each(HELM_MAJORS)('helm%i: namespaceOverride', (major) => {
  it('puts every namespaced object, peer address and RBAC subject in the override namespace', async () => {
    const r = await render({ ...BASE, namespaceOverride: 'boards-elsewhere', monitoring: { enabled: true }, backup: { enabled: true } }, { major });
    expect(r.status, r.stderr).toBe(0);
    for (const o of r.objects) {
      const expected = o.kind === 'StorageClass' ? undefined : o.kind === 'Schedule' ? 'velero' : 'boards-elsewhere';
      expect(o.metadata.namespace, `${o.kind}/${o.metadata.name}`).toBe(expected);
    }
    // The release namespace (`boards`, see helpers/render.ts) appears nowhere.
    const text = JSON.stringify(r.objects);
    expect(text).not.toMatch(/\.boards\.svc|"boards"/);
    expect(text).toContain('.boards-elsewhere.svc.cluster.local');
  });
});

describe.each(HELM_MAJORS)('helm%i: Redis metrics exporter', (major) => {
  it('runs next to each Redis node, is exposed on a Service of its own (not the headless one the nodes share) and scraped by its own ServiceMonitor', async () => {
    const off = await render({ monitoring: { enabled: true } }, { major });
    expect(off.all('ServiceMonitor').map((o) => o.metadata.name)).toEqual(['bv-boardviewer']);
    const r = await render({ monitoring: { enabled: true }, redis: { cluster: { metrics: { enabled: true } } } }, { major });
    expect(r.status, r.stderr).toBe(0);
    const exporter = container(r.find('StatefulSet', 'bv-boardviewer-redis'), 'redis-exporter');
    expect(exporter.image).toBe('docker.io/oliver006/redis_exporter:v1.67.0');
    expect(JSON.stringify(exporter.args ?? [])).not.toContain('PASSWORD');
    const metrics = r.find('Service', 'bv-boardviewer-redis-metrics');
    expect(at(metrics, 'spec.ports')).toEqual([{ name: 'redis-metrics', port: 9121, targetPort: 'redis-metrics', protocol: 'TCP' }]);
    expect(at(metrics, 'spec.selector')).toEqual(at(r.find('StatefulSet', 'bv-boardviewer-redis'), 'spec.selector.matchLabels'));
    expect(JSON.stringify(at(r.find('Service', 'bv-boardviewer-redis-headless'), 'spec.ports'))).not.toContain('redis-metrics');
    const monitor = r.find('ServiceMonitor', 'bv-boardviewer-redis');
    expect(at(monitor, 'spec.endpoints.0.port')).toBe('redis-metrics');
    // The ServiceMonitor selects the exporter's Service and no other.
    const selected = r
      .all('Service')
      .filter((svc) => Object.entries(at(monitor, 'spec.selector.matchLabels') as Record<string, string>).every(([k, v]) => svc.metadata.labels?.[k] === v));
    expect(selected.map((svc) => svc.metadata.name)).toEqual(['bv-boardviewer-redis-metrics']);
  });
});

describe.each(HELM_MAJORS)('helm%i: standard knobs of the BoardViewer pods', (major) => {
  it('extra env, env from ConfigMap and Secret, volumes, mounts, init containers, sidecars, spread, revision settings', async () => {
    const r = await render(
      {
        extraEnvVars: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' }],
        extraEnvVarsCM: 'boards-env',
        extraEnvVarsSecret: 'boards-secret-env',
        extraVolumes: [{ name: 'certs', secret: { secretName: 'boards-ca' } }],
        extraVolumeMounts: [{ name: 'certs', mountPath: '/etc/boardviewer/certs', readOnly: true }],
        initContainers: [{ name: 'migrate', image: 'ghcr.io/boardviewer/migrate:4.2.0' }],
        sidecars: [{ name: 'log-shipper', image: 'docker.io/fluent/fluent-bit:3.2.4' }],
        topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway' }],
        containerSecurityContext: { runAsUser: 20000 },
        minReadySeconds: 15,
        revisionHistoryLimit: 4,
      },
      { major },
    );
    expect(r.status, r.stderr).toBe(0);
    const sts = r.find('StatefulSet', 'bv-boardviewer');
    const app = container(sts, 'boardviewer');
    expect(app.env).toContainEqual({ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75' });
    expect(app.envFrom).toEqual([{ configMapRef: { name: 'boards-env' } }, { secretRef: { name: 'boards-secret-env' } }]);
    expect(app.volumeMounts).toContainEqual({ name: 'certs', mountPath: '/etc/boardviewer/certs', readOnly: true });
    expect(app.securityContext).toMatchObject({ runAsUser: 20000, readOnlyRootFilesystem: true });
    expect(at(sts, 'spec.template.spec.volumes')).toContainEqual({ name: 'certs', secret: { secretName: 'boards-ca' } });
    expect((at(sts, 'spec.template.spec.initContainers') as Container[]).map((c) => c.name)).toEqual(['volume-marker', 'migrate']);
    expect((at(sts, 'spec.template.spec.containers') as Container[]).map((c) => c.name)).toEqual(['boardviewer', 'renderer', 'log-shipper']);
    expect(at(sts, 'spec.template.spec.topologySpreadConstraints')).toHaveLength(2);
    expect(sts.spec).toMatchObject({ minReadySeconds: 15, revisionHistoryLimit: 4 });
  });

  it('networkPolicy.extraIngress/extraEgress are appended, ServiceMonitor relabelings and extra rules are added, extraDeploy is rendered through tpl', async () => {
    const r = await render(
      {
        networkPolicy: { extraIngress: [{ ports: [{ port: 9000, protocol: 'TCP' }] }], extraEgress: [{ ports: [{ port: 443, protocol: 'TCP' }] }] },
        monitoring: {
          enabled: true,
          relabelings: [{ action: 'drop', sourceLabels: ['__meta_kubernetes_pod_label_canary'], regex: 'true' }],
          metricRelabelings: [{ action: 'labeldrop', regex: 'pod_template_hash' }],
          extraRules: [{ alert: 'BoardViewerCustom', expr: 'vector(1)', for: '5m' }],
        },
        extraDeploy: [
          { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'extra-object' }, data: { a: 'b' } },
          'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-extra-string\n',
        ],
      },
      { major },
    );
    expect(r.status, r.stderr).toBe(0);
    const policy = r.find('NetworkPolicy', 'bv-boardviewer');
    expect((at(policy, 'spec.ingress') as unknown[]).at(-1)).toEqual({ ports: [{ port: 9000, protocol: 'TCP' }] });
    expect((at(policy, 'spec.egress') as unknown[]).at(-1)).toEqual({ ports: [{ port: 443, protocol: 'TCP' }] });
    const endpoint = at(r.find('ServiceMonitor'), 'spec.endpoints.0') as { relabelings: unknown[]; metricRelabelings: unknown[] };
    expect(endpoint.relabelings[0]).toMatchObject({ targetLabel: 'instance' });
    expect(endpoint.relabelings.at(-1)).toMatchObject({ action: 'drop' });
    expect(endpoint.metricRelabelings).toEqual([{ action: 'labeldrop', regex: 'pod_template_hash' }]);
    const groups = at(r.find('PrometheusRule'), 'spec.groups') as { name: string; rules: unknown[] }[];
    expect(groups.find((g) => g.name === 'boardviewer.extra')?.rules).toEqual([{ alert: 'BoardViewerCustom', expr: 'vector(1)', for: '5m' }]);
    expect(r.all('ConfigMap').map((o: K8sObject) => o.metadata.name)).toEqual(expect.arrayContaining(['extra-object', 'bv-extra-string']));
  });
});
