// A real Kubernetes control plane on loopback for the end-to-end tests and for
// `bvchart explore --local-control-plane`: etcd, kube-apiserver,
// kube-controller-manager and kube-scheduler built from source (scripts/build-controlplane.mjs),
// with KWOK simulating the nodes and the kubelet (pods become Running/Ready without
// containers). Every process is tracked and stop() always ends them and frees the ports.
import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../core/package-root.ts';
import { KubeClient, waitFor } from './kube-client.ts';

export const CONTROL_PLANE_TOOLS = ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kwok'] as const;
const BIN = path.join(PACKAGE_ROOT, '.tools', 'bin');
/** KWOK's stages: a data file beside the sources, found from the package root (tsc does not copy it to dist/). */
export const KWOK_STAGES = path.join(PACKAGE_ROOT, 'toolchain', 'control-plane', 'kwok-stages.yaml');

export function controlPlaneAvailable(): boolean {
  return CONTROL_PLANE_TOOLS.every((t) => fs.existsSync(path.join(BIN, t)));
}

/**
 * Whether the end-to-end tests can run here. A developer without the tools gets skipped
 * tests; under CI (`CI` set) missing tools fail the test file instead of skipping silently.
 */
export function controlPlaneOrFailUnderCI(env: NodeJS.ProcessEnv = process.env): boolean {
  const available = controlPlaneAvailable();
  if (!available && env.CI && env.CI !== 'false') {
    throw new Error(`the control plane tools are missing from ${BIN} (CI=${env.CI}): run node scripts/build-controlplane.mjs`);
  }
  return available;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface Cluster {
  readonly dir: string;
  readonly kubeconfig: string;
  readonly client: KubeClient;
  readonly server: string;
  /** Ends every process and removes the working folder (unless BVCHART_E2E_KEEP is set). */
  stop(): Promise<void>;
  /** The tail of a component's log, for failure messages. */
  logTail(component: string, lines?: number): string;
  /** The processes started for the cluster. */
  processes(): { name: string; pid: number | undefined }[];
}

const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

export async function startCluster(nodes = 3): Promise<Cluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-e2e-'));
  const children: { name: string; child: ChildProcess }[] = [];
  const start = (name: string, args: readonly string[]) => {
    const log = fs.openSync(path.join(dir, `${name}.log`), 'a');
    const child = spawn(path.join(BIN, name), [...args], { stdio: ['ignore', log, log] });
    fs.closeSync(log);
    live.add(child);
    child.once('exit', () => live.delete(child));
    children.push({ name, child });
    return child;
  };
  const logTail = (component: string, lines = 30) => {
    try {
      return fs
        .readFileSync(path.join(dir, `${component}.log`), 'utf8')
        .split('\n')
        .slice(-lines)
        .join('\n');
    } catch {
      return '';
    }
  };
  const stop = async () => {
    for (const { child } of [...children].reverse()) child.kill('SIGTERM');
    await Promise.all(
      children.map(
        ({ child }) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
          }),
      ),
    );
    client?.close();
    if (!process.env.BVCHART_E2E_KEEP) fs.rmSync(dir, { recursive: true, force: true });
  };
  let client: KubeClient | undefined;
  try {
    const [etcdClient, etcdPeer, apiPort, cmPort, schedPort, kwokPort] = await Promise.all(Array.from({ length: 6 }, freePort));
    start('etcd', [
      '--name',
      'e2e',
      '--data-dir',
      path.join(dir, 'etcd'),
      '--listen-client-urls',
      `http://127.0.0.1:${etcdClient}`,
      '--advertise-client-urls',
      `http://127.0.0.1:${etcdClient}`,
      '--listen-peer-urls',
      `http://127.0.0.1:${etcdPeer}`,
      '--initial-advertise-peer-urls',
      `http://127.0.0.1:${etcdPeer}`,
      '--initial-cluster',
      `e2e=http://127.0.0.1:${etcdPeer}`,
      '--log-level',
      'warn',
      '--unsafe-no-fsync',
    ]);
    await waitFor('etcd', async () => ((await fetch(`http://127.0.0.1:${etcdClient}/health`)).ok ? true : undefined), 30_000);

    const { publicKey, privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    fs.writeFileSync(path.join(dir, 'sa.pub'), publicKey);
    fs.writeFileSync(path.join(dir, 'sa.key'), privateKey);
    const token = randomBytes(24).toString('hex');
    fs.writeFileSync(path.join(dir, 'tokens.csv'), `${token},admin,admin,"system:masters"\n`);
    const certDir = path.join(dir, 'certs');
    start('kube-apiserver', [
      `--etcd-servers=http://127.0.0.1:${etcdClient}`,
      '--bind-address=127.0.0.1',
      '--advertise-address=127.0.0.1',
      `--secure-port=${apiPort}`,
      `--cert-dir=${certDir}`,
      `--token-auth-file=${path.join(dir, 'tokens.csv')}`,
      '--authorization-mode=RBAC',
      '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
      `--service-account-key-file=${path.join(dir, 'sa.pub')}`,
      `--service-account-signing-key-file=${path.join(dir, 'sa.key')}`,
      '--service-cluster-ip-range=10.96.0.0/16',
      '--allow-privileged=true',
      '--v=1',
    ]);
    const server = `https://127.0.0.1:${apiPort}`;
    const ca = path.join(certDir, 'apiserver.crt');
    await waitFor('the API server certificate', async () => (fs.existsSync(ca) ? true : undefined), 60_000);
    client = new KubeClient(server, token, ca);
    const api = client;
    await waitFor(
      'the API server to be ready',
      async () => ((await api.request<string>('GET', '/readyz').catch(() => undefined)) !== undefined ? true : undefined),
      90_000,
    );

    const kubeconfig = path.join(dir, 'kubeconfig');
    fs.writeFileSync(
      kubeconfig,
      [
        'apiVersion: v1',
        'kind: Config',
        'clusters:',
        `- name: e2e\n  cluster:\n    server: ${server}\n    certificate-authority: ${ca}`,
        'users:',
        `- name: admin\n  user:\n    token: ${token}`,
        'contexts:',
        '- name: e2e\n  context:\n    cluster: e2e\n    user: admin\n    namespace: default',
        'current-context: e2e',
        '',
      ].join('\n'),
      { mode: 0o600 },
    );
    start('kube-controller-manager', [
      `--kubeconfig=${kubeconfig}`,
      `--authentication-kubeconfig=${kubeconfig}`,
      `--authorization-kubeconfig=${kubeconfig}`,
      `--service-account-private-key-file=${path.join(dir, 'sa.key')}`,
      `--root-ca-file=${ca}`,
      '--use-service-account-credentials=true',
      '--bind-address=127.0.0.1',
      `--secure-port=${cmPort}`,
      '--leader-elect=false',
      '--controllers=*',
      '--concurrent-statefulset-syncs=5',
      '--horizontal-pod-autoscaler-sync-period=2s',
      // Simulated nodes never fail; on a loaded machine KWOK's lease renewals came late and the
      // node lifecycle controller marked every pod of a node not Ready (e2e rollouts then saw
      // more pods down than the StatefulSet controller took). A long grace keeps that noise out.
      '--node-monitor-grace-period=10m',
      '--v=1',
    ]);
    start('kube-scheduler', [
      `--kubeconfig=${kubeconfig}`,
      `--authentication-kubeconfig=${kubeconfig}`,
      `--authorization-kubeconfig=${kubeconfig}`,
      '--bind-address=127.0.0.1',
      `--secure-port=${schedPort}`,
      '--leader-elect=false',
      '--v=1',
    ]);
    start('kwok', [
      `--kubeconfig=${kubeconfig}`,
      `--config=${KWOK_STAGES}`,
      '--manage-nodes-with-label-selector=type=kwok',
      `--server-address=127.0.0.1:${kwokPort}`,
      '--cidr=10.244.0.0/16',
      '--node-ip=10.0.0.1',
    ]);
    for (let i = 0; i < nodes; i++) {
      const zone = `zone-${'abc'[i % 3]}`;
      await client.create('/api/v1/nodes', {
        apiVersion: 'v1',
        kind: 'Node',
        metadata: {
          name: `kwok-node-${i}`,
          labels: { type: 'kwok', 'kubernetes.io/hostname': `kwok-node-${i}`, 'kubernetes.io/os': 'linux', 'topology.kubernetes.io/zone': zone },
          annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'kwok.x-k8s.io/node': 'fake' },
        },
        spec: {},
      });
    }
    await waitFor(
      'simulated nodes to be Ready',
      async () => {
        const list = await api.list('/api/v1/nodes', 'type=kwok');
        const ready = list.items.filter((n) =>
          ((n.status?.conditions as { type: string; status: string }[] | undefined) ?? []).some((c) => c.type === 'Ready' && c.status === 'True'),
        );
        return ready.length === nodes ? true : undefined;
      },
      60_000,
    );
    await waitFor(
      'the default service account',
      async () => ((await api.exists('/api/v1/namespaces/default/serviceaccounts/default')) ? true : undefined),
      60_000,
    );
    const processes = () => children.map(({ name, child }) => ({ name, pid: child.pid }));
    return { dir, kubeconfig, client, server, stop, logTail, processes };
  } catch (error) {
    const logs = ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kwok'].map((c) => `--- ${c}\n${logTail(c, 15)}`).join('\n');
    await stop();
    throw new Error(`${(error as Error).message}\n${logs}`);
  }
}
