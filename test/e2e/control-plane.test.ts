// Install, upgrade and roll back on a real Kubernetes control plane (built from source,
// nodes simulated by KWOK), from the chart published by `bvchart release` (signed; an HTTP
// chart repository and an OCI registry on loopback), verified on install, with Helm 3 and
// Helm 4; and a changed chart released without a version bump is refused.
//
// What is real and what is simulated: the API server (admission, validation, immutable
// fields, server-side dry-run), the controllers (StatefulSet ordering and rolling updates,
// PersistentVolume binding, endpoints, Jobs, HPA) and the scheduler are real. No container
// runs: KWOK (toolchain/control-plane/kwok-stages.yaml) marks pods Running and Ready at once and pods
// that run to completion (Jobs, the `helm test` pod) Succeeded. So these tests check what the
// API server and the controllers decide; readiness and `helm test` passing are simulated, and
// the test names say so.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { type Cluster, controlPlaneOrFailUnderCI, startCluster } from '../../toolchain/control-plane/cluster.ts';
import { createNamespace, createVolumes, installCrds } from '../../toolchain/control-plane/cluster-fixtures.ts';
import { type KubeObject, waitFor } from '../../toolchain/control-plane/kube-client.ts';
import { Helm, type HelmMajor } from '../../toolchain/helm.ts';
import { folderSchemaLocations } from '../../toolchain/kubeconform.ts';
import { readConfig } from '../../validator/config.ts';
import { validate } from '../../validator/validate.ts';
import { REPO, treeDigest } from '../helpers/project.ts';
import { changeChart } from '../helpers/release-project.ts';
import { CHART, CRD_API_VERSIONS, SCENARIOS } from '../helpers/scenarios.ts';
import { createSigningKey } from '../helpers/signing-key.ts';
import { knownFlowFindingsConfig } from '../validator/flows/known-flow-findings.ts';
import { type PublishedChart, publishChart } from './harness/chart-publishing.ts';
import { DependentSteps } from './harness/steps.ts';

const AVAILABLE = controlPlaneOrFailUnderCI();

const PRODUCTION = path.join(REPO, 'values', 'production-aws.yaml');
const RELEASE = 'bv';
const STS = `${RELEASE}-boardviewer`;
// production-aws names an existing Redis Secret (GitOps); this release lets the chart generate
// the password instead, so the upgrade step can check the `lookup` that keeps it.
const GENERATED_REDIS_PASSWORD = ['--set', 'redis.cluster.existingSecret='];
const MIN_PODS = 5; // production-aws: autoscaling.minReplicas

let cluster: Cluster;
let published: PublishedChart;
let work: string;

async function helmOk(helm: Helm, args: string[]): Promise<string> {
  const r = await helm.exec([...args, '--kubeconfig', cluster.kubeconfig]);
  if (r.status !== 0)
    throw new Error(
      `helm${helm.major} ${args.join(' ')} failed (${r.status}):\n${r.stderr}${r.stdout}\n--- controller-manager\n${cluster.logTail('kube-controller-manager', 10)}\n--- kube-scheduler\n${cluster.logTail('kube-scheduler', 10)}`,
    );
  return r.stdout;
}

/** `['a.b=1', 'c=x']` → `{a: {b: '1'}, c: 'x'}` (what `--set` would mean), for a values file. */
function fromDotted(sets: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of sets) {
    const [key = '', value = ''] = s.split('=');
    const parts = key.split('.');
    let node = out;
    parts.slice(0, -1).forEach((p) => {
      node[p] = (node[p] as Record<string, unknown> | undefined) ?? {};
      node = node[p] as Record<string, unknown>;
    });
    node[parts[parts.length - 1] ?? ''] = value;
  }
  return out;
}

const ordinal = (name: string) => Number(/-(\d+)$/.exec(name)?.[1] ?? -1);
const isReady = (p: KubeObject) =>
  !p.metadata.deletionTimestamp &&
  ((p.status?.conditions as { type: string; status: string }[] | undefined) ?? []).some((c) => c.type === 'Ready' && c.status === 'True');

async function appPods(ns: string): Promise<KubeObject[]> {
  const list = await cluster.client.list(`/api/v1/namespaces/${ns}/pods`, `app.kubernetes.io/instance=${RELEASE},app.kubernetes.io/component=server`);
  return list.items.sort((a, b) => ordinal(a.metadata.name) - ordinal(b.metadata.name));
}

/** Each pod of the release with its phase and any condition that is not True, for failure messages. */
async function podReport(ns: string): Promise<string> {
  const list = await cluster.client.list(`/api/v1/namespaces/${ns}/pods`, `app.kubernetes.io/instance=${RELEASE}`);
  return list.items
    .map((p) => {
      const conditions = ((p.status?.conditions as { type: string; status: string; reason?: string; message?: string }[] | undefined) ?? []).filter(
        (c) => c.status !== 'True',
      );
      return `${p.metadata.name} ${String(p.status?.phase)} node=${String(p.spec?.nodeName ?? '-')} ${conditions.map((c) => `${c.type}=${c.status} ${c.reason ?? ''} ${c.message ?? ''}`).join('; ')}`;
    })
    .join('\n');
}

/** Runs `work`, writing how long it took (the e2e timings are read from these lines). */
async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await work();
  } finally {
    process.stderr.write(`e2e timing: ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
}

async function statefulSet(ns: string): Promise<KubeObject> {
  return cluster.client.get(`/apis/apps/v1/namespaces/${ns}/statefulsets/${STS}`);
}

/** Polls while `during` runs; returns what `sample` saw each time. */
async function observe<T>(sample: () => Promise<T>, during: () => Promise<unknown>): Promise<T[]> {
  const seen: T[] = [];
  let done = false;
  const poller = (async () => {
    while (!done) {
      seen.push(await sample());
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  try {
    await during();
  } finally {
    done = true;
    await poller;
  }
  seen.push(await sample());
  return seen;
}

beforeAll(async () => {
  if (!AVAILABLE) return;
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-e2e-work-'));
  for (const v of ['HELM_CONFIG_HOME', 'HELM_CACHE_HOME', 'HELM_DATA_HOME']) process.env[v] = path.join(work, v.toLowerCase());
  cluster = await startCluster(6);
  await installCrds(cluster.client);
  await createVolumes(cluster.client, 80, 'boardviewer-sc');
  await createNamespace(cluster.client, 'velero');
  published = await publishChart(work);
}, 300_000);

afterAll(async () => {
  await published?.stop();
  await cluster?.stop();
}, 60_000);

describe.skipIf(!AVAILABLE).each([3, 4] as const)('Helm %i', (major: HelmMajor) => {
  const helm = new Helm(major);
  const ns = `h${major}`;
  // The StorageClass is cluster-wide: the first release creates it, the others use it.
  const sharedClass = major === 3 ? [] : ['--set', 'storageClass.create=false'];

  const steps = new DependentSteps();
  const INSTALL = steps.step(
    'installs the production scenario from the HTTP chart repository; the StatefulSet controller creates pods in order of identity (readiness simulated by KWOK), each with its own bound claim',
    async () => {
      await helmOk(helm, ['repo', 'add', `e2e${major}`, published.repoUrl]);
      await helmOk(helm, ['repo', 'update']);
      await createNamespace(cluster.client, ns);
      const snapshots = await observe(
        async () => (await appPods(ns)).map((p) => ordinal(p.metadata.name)),
        async () => {
          await timed(`helm${major} install --wait`, () =>
            helmOk(helm, [
              'install',
              RELEASE,
              `e2e${major}/boardviewer`,
              '--version',
              published.version,
              '--verify',
              '--keyring',
              published.keyring,
              '-n',
              ns,
              '-f',
              PRODUCTION,
              '--set',
              'podManagementPolicy=OrderedReady',
              ...GENERATED_REDIS_PASSWORD,
              ...sharedClass,
              '--wait',
              '--timeout',
              '4m',
            ]),
          );
          // With the HPA on, the StatefulSet leaves replicas to it; it raises them to minReplicas.
          await timed(`helm${major} scale-out to ${MIN_PODS} ready pods`, () =>
            waitFor(
              `${MIN_PODS} ready pods`,
              async () => (Number((await statefulSet(ns)).status?.readyReplicas ?? 0) >= MIN_PODS ? true : undefined),
              120_000,
            ).catch(async (error: unknown) => {
              throw new Error(`${(error as Error).message}\n${await podReport(ns)}\n--- kube-scheduler\n${cluster.logTail('kube-scheduler', 15)}`);
            }),
          );
        },
      );
      for (const s of snapshots) expect(s, 'pods exist only as a prefix of the ordinals').toEqual(s.map((_, i) => i));
      expect(snapshots.at(-1)).toEqual([0, 1, 2, 3, 4]);
      // The scale-out was watched as it happened, not only its end.
      expect(new Set(snapshots.map((s) => s.length)).size).toBeGreaterThanOrEqual(3);

      for (const pod of await appPods(ns)) {
        const claim = `board-data-${pod.metadata.name}`;
        const volumes = (pod.spec?.volumes as { name: string; persistentVolumeClaim?: { claimName: string } }[]) ?? [];
        expect(volumes.find((v) => v.name === 'board-data')?.persistentVolumeClaim?.claimName).toBe(claim);
        expect((await cluster.client.get(`/api/v1/namespaces/${ns}/persistentvolumeclaims/${claim}`)).status?.phase).toBe('Bound');
      }
      expect(await cluster.client.exists(`/apis/policy/v1/namespaces/${ns}/poddisruptionbudgets/${STS}`)).toBe(true);
      expect(await cluster.client.exists(`/apis/autoscaling/v2/namespaces/${ns}/horizontalpodautoscalers/${STS}`)).toBe(true);
      expect(await cluster.client.exists(`/apis/monitoring.coreos.com/v1/namespaces/${ns}/prometheusrules/${STS}`)).toBe(true);
    },
    { timeoutMs: 420_000 },
  );

  steps.step(
    'the endpoints controller lists every pod by its stable name behind the headless Service',
    async () => {
      const slices = await cluster.client.list(`/apis/discovery.k8s.io/v1/namespaces/${ns}/endpointslices`, `kubernetes.io/service-name=${STS}-headless`);
      const endpoints = await waitFor('endpoints for every pod', async () => {
        const list = (
          await cluster.client.list(`/apis/discovery.k8s.io/v1/namespaces/${ns}/endpointslices`, `kubernetes.io/service-name=${STS}-headless`)
        ).items.flatMap((s) => (s.endpoints as { hostname?: string; targetRef?: { name: string } }[] | undefined) ?? []);
        return list.length >= MIN_PODS ? list : undefined;
      });
      expect(slices.items.length).toBeGreaterThan(0);
      expect(endpoints.map((e) => e.hostname).sort()).toEqual([0, 1, 2, 3, 4].map((i) => `${STS}-${i}`));
    },
    { dependsOn: [INSTALL], timeoutMs: 150_000 },
  );

  steps.step(
    'helm test: the API server admits the recovery check pod and its RBAC (its script does not run: Succeeded is simulated by KWOK)',
    async () => {
      const out = await helmOk(helm, ['test', RELEASE, '-n', ns, '--timeout', '3m']);
      expect(out).toMatch(new RegExp(`TEST SUITE:\\s+${STS}-recovery-check[\\s\\S]*Phase:\\s+Succeeded`));
    },
    { dependsOn: [INSTALL], timeoutMs: 240_000 },
  );

  const KEEPS_PASSWORD = steps.step(
    'an upgrade keeps the in-chart Redis password (the chart looks up the installed Secret)',
    async () => {
      const secret = `/api/v1/namespaces/${ns}/secrets/${STS}-redis`;
      const before = (await cluster.client.get(secret)).data as Record<string, string>;
      expect(Buffer.from(before['redis-password'] ?? '', 'base64').toString()).toMatch(/^[A-Za-z0-9]{32}$/);
      await helmOk(helm, ['upgrade', RELEASE, `e2e${major}/boardviewer`, '--version', published.version, '-n', ns, '--reuse-values', '--timeout', '3m']);
      const after = await cluster.client.get(secret);
      expect(after.metadata.annotations?.['meta.helm.sh/release-name']).toBe(RELEASE);
      expect(after.data).toEqual(before);
    },
    { dependsOn: [INSTALL], timeoutMs: 240_000 },
  );

  const ROLLOUT = steps.step(
    'the StatefulSet controller rolls an image upgrade out with no more pods down than the PDB allows (readiness simulated by KWOK), and back',
    async () => {
      const pdbAllows = Math.ceil((MIN_PODS * 25) / 100);
      // The pods as they were at the first sample past the budget: who took them down shows in
      // their conditions (the node lifecycle controller leaves ContainersReady True).
      let worst = '';
      const unavailable = await observe(
        async () => {
          const pods = await appPods(ns);
          const down = MIN_PODS - pods.filter(isReady).length;
          if (down > pdbAllows && !worst) worst = `${down} down at ${new Date().toISOString()}\n${await podReport(ns)}`;
          return down;
        },
        () =>
          helmOk(helm, [
            'upgrade',
            RELEASE,
            `e2e${major}/boardviewer`,
            '--version',
            published.version,
            '-n',
            ns,
            '--reuse-values',
            '--set',
            'image.tag=4.2.1',
            '--wait',
            '--timeout',
            '4m',
          ]),
      );
      await waitFor(
        'every pod on the new image',
        async () => {
          const sts = await statefulSet(ns);
          return sts.status?.updatedReplicas === MIN_PODS && sts.status?.currentRevision === sts.status?.updateRevision ? true : undefined;
        },
        180_000,
      );
      expect(Math.max(...unavailable), worst).toBeLessThanOrEqual(pdbAllows);
      expect(unavailable.length, 'the rollout was sampled').toBeGreaterThan(3);
      const images = async () =>
        (await appPods(ns)).map((p) => ((p.spec?.containers as { name: string; image: string }[]) ?? []).find((c) => c.name === 'boardviewer')?.image);
      expect(new Set(await images())).toEqual(new Set(['ghcr.io/boardviewer/boardviewer:4.2.1']));

      await helmOk(helm, ['rollback', RELEASE, '1', '-n', ns, '--wait', '--timeout', '4m']);
      await waitFor(
        'every pod back on the old image',
        async () => ((await images()).every((i) => i === 'ghcr.io/boardviewer/boardviewer:4.2.0') && (await images()).length === MIN_PODS ? true : undefined),
        180_000,
      );
    },
    {
      dependsOn: [INSTALL, KEEPS_PASSWORD],
      timeoutMs: 960_000,
    },
  );

  steps.step(
    'the StatefulSet controller recreates a deleted pod with the same name and the same claim',
    async () => {
      const victim = `${STS}-2`;
      const before = await cluster.client.get(`/api/v1/namespaces/${ns}/pods/${victim}`);
      const claim = await cluster.client.get(`/api/v1/namespaces/${ns}/persistentvolumeclaims/board-data-${victim}`);
      await cluster.client.delete(`/api/v1/namespaces/${ns}/pods/${victim}`);
      const after = await waitFor(
        'the pod to be recreated and ready',
        async () => {
          const p = await cluster.client.get(`/api/v1/namespaces/${ns}/pods/${victim}`).catch(() => undefined);
          return p && p.metadata.uid !== before.metadata.uid && isReady(p) ? p : undefined;
        },
        120_000,
      );
      const volumes = (after.spec?.volumes as { name: string; persistentVolumeClaim?: { claimName: string } }[]) ?? [];
      expect(volumes.find((v) => v.name === 'board-data')?.persistentVolumeClaim?.claimName).toBe(`board-data-${victim}`);
      expect((await cluster.client.get(`/api/v1/namespaces/${ns}/persistentvolumeclaims/board-data-${victim}`)).metadata.uid).toBe(claim.metadata.uid);
    },
    { dependsOn: [INSTALL, ROLLOUT], timeoutMs: 150_000 },
  );

  for (const [what, sets] of [
    ['the storage size', ['persistence.size=200Gi']],
    ['the selector', ['nameOverride=boards', `fullnameOverride=${STS}`]],
  ] as const)
    steps.step(
      `an upgrade changing ${what} is flagged by the validator first, then refused by the API server`,
      async () => {
        const override = path.join(work, `upgrade-${major}-${sets.length}.yaml`);
        fs.writeFileSync(override, stringify(fromDotted(sets)));
        const report = await validate({
          inputs: [CHART],
          valuesSets: [[PRODUCTION, override]],
          upgradeFrom: CHART,
          upgradeValues: [PRODUCTION],
          kubernetesVersions: ['1.36.0'],
          helmMajors: [major],
          schemaLocations: folderSchemaLocations(),
          apiVersions: CRD_API_VERSIONS,
          releaseName: RELEASE,
          namespace: ns,
        });
        expect(report.findings.filter((f) => f.ruleId === 'upgrade-immutable-field' && f.resource?.kind === 'StatefulSet').length).toBeGreaterThan(0);

        const r = await helm.exec([
          'upgrade',
          RELEASE,
          `e2e${major}/boardviewer`,
          '--version',
          published.version,
          '-n',
          ns,
          '-f',
          PRODUCTION,
          '-f',
          override,
          '--set',
          'podManagementPolicy=OrderedReady',
          ...sharedClass,
          '--timeout',
          '3m',
          '--kubeconfig',
          cluster.kubeconfig,
        ]);
        expect(r.status).not.toBe(0);
        expect(r.stderr).toMatch(/StatefulSet.*(Forbidden: updates to statefulset spec|field is immutable|spec: Forbidden)/s);
      },
      { dependsOn: [INSTALL, ROLLOUT], timeoutMs: 240_000 },
    );

  steps.step(
    'pulls and installs from the OCI registry, verifying the signature (readiness simulated by KWOK)',
    async () => {
      const pulled = fs.mkdtempSync(path.join(work, `pull-${major}-`));
      const pull = await helm.exec([
        'pull',
        `${published.ociRef}/boardviewer`,
        '--version',
        published.version,
        '--plain-http',
        '--verify',
        '--keyring',
        published.keyring,
        '--destination',
        pulled,
      ]);
      expect(pull.status, pull.stderr).toBe(0);
      expect(pull.stdout).toMatch(/Using Key With Fingerprint: [0-9A-F]{40}\nChart Hash Verified: sha256:/);
      expect(fs.readdirSync(pulled).sort()).toEqual([`boardviewer-${published.version}.tgz`, `boardviewer-${published.version}.tgz.prov`]);
      const nsOci = `oci${major}`;
      await createNamespace(cluster.client, nsOci);
      await helmOk(helm, [
        'install',
        RELEASE,
        `${published.ociRef}/boardviewer`,
        '--version',
        published.version,
        '--plain-http',
        '--verify',
        '--keyring',
        published.keyring,
        '-n',
        nsOci,
        '-f',
        path.join(REPO, 'values', 'monitoring-off.yaml'),
        '--set',
        'storageClass.create=false',
        '--wait',
        '--timeout',
        '4m',
      ]);
      // Once here, right after Helm 4's --wait returned, the StatefulSet reported fewer pods
      // ready; the check is on what the StatefulSet controller reports, within a bound.
      const want = 4; // values/monitoring-off.yaml: replicas
      await waitFor(
        `${want} ready pods`,
        async () => (Number((await statefulSet(nsOci)).status?.readyReplicas ?? 0) === want ? true : undefined),
        60_000,
      ).catch(async (error: unknown) => {
        throw new Error(`${(error as Error).message}\n${await podReport(nsOci)}`);
      });
    },
    {
      timeoutMs: 360_000,
    },
  );

  steps.step(
    'server-side dry-runs (API server admission) of every values/ scenario agree with the validator',
    async () => {
      const results: string[] = [];
      for (const [i, scenario] of SCENARIOS.filter((s) => s.valuesFiles.length > 0).entries()) {
        const nsDry = `dry${major}-${i}`;
        await createNamespace(cluster.client, nsDry);
        // A class of its own, so the dry-run does not collide with the installed one.
        const own = path.join(work, `dry-${major}-${i}.yaml`);
        fs.writeFileSync(own, `storageClass:\n  name: dry-${major}-${i}\n`);
        const report = await validate({
          inputs: [CHART],
          valuesSets: [[...scenario.valuesFiles, own]],
          kubernetesVersions: ['1.36.0'],
          helmMajors: [major],
          schemaLocations: folderSchemaLocations(),
          apiVersions: CRD_API_VERSIONS,
          namespace: nsDry,
          config: readConfig(knownFlowFindingsConfig(work)),
        });
        const validatorAccepts = report.summary.errors === 0;
        const r = await helm.exec([
          'install',
          `dry${i}`,
          CHART,
          '-n',
          nsDry,
          '-f',
          ...scenario.valuesFiles,
          '-f',
          own,
          '--dry-run=server',
          '--kubeconfig',
          cluster.kubeconfig,
        ]);
        results.push(
          `${scenario.name}: validator ${validatorAccepts ? 'accepts' : 'rejects'}, server ${r.status === 0 ? 'accepts' : `rejects (${r.stderr.trim()})`}`,
        );
      }
      for (const line of results) expect(line).toMatch(/validator accepts, server accepts|validator rejects, server rejects/);
      expect(results).toHaveLength(SCENARIOS.length - 1);
    },
    { timeoutMs: 600_000 },
  );
});

describe.skipIf(!AVAILABLE)('releases', () => {
  it.each([3, 4] as const)('Helm %i refuses to install the published chart with a key that did not sign it', async (major) => {
    const other = createSigningKey(fs.mkdtempSync(path.join(work, 'other-key-')));
    const r = await new Helm(major).exec([
      'install',
      RELEASE,
      `${published.ociRef}/boardviewer`,
      '--version',
      published.version,
      '--plain-http',
      '--verify',
      '--keyring',
      other.keyring,
      '-n',
      'verify-refused',
      '--create-namespace',
      '--kubeconfig',
      cluster.kubeconfig,
    ]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('openpgp: signature made by unknown entity');
  });

  it('a changed chart released without a version bump is refused; the repository and the registry keep the published chart', async () => {
    const before = treeDigest(published.repoDir);
    await changeChart(published.root, '7.4.3');
    const run = await published.release();
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`[release/not-bumped] boardviewer ${published.version} is already published and the chart's content changed`);
    expect(treeDigest(published.repoDir)).toEqual(before);
    const values = await new Helm(4).exec(['show', 'values', `${published.ociRef}/boardviewer`, '--version', published.version, '--plain-http']);
    expect(values.stdout).toMatch(/repository: docker.io\/library\/redis\n\s+# tag -- .*\n\s+tag: 7\.4\.2/);
  });
});
