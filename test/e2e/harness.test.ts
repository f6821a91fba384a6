// The harness leaves nothing behind: after stop() every process it started is gone, the
// API server's port is free again and the working folder is removed. Without the control
// plane tools it is skipped, and fails under CI=true (like control-plane.test.ts).
import fs from 'node:fs';
import net from 'node:net';
import { expect, it } from 'vitest';
import { controlPlaneOrFailUnderCI, startCluster } from '../../toolchain/control-plane/cluster.ts';
import { waitFor } from '../../toolchain/control-plane/kube-client.ts';

const alive = (pid: number | undefined) => {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const portFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

const AVAILABLE = controlPlaneOrFailUnderCI();

it.skipIf(!AVAILABLE)(
  'starts a cluster and tears it down completely',
  async () => {
    const cluster = await startCluster(1);
    const processes = cluster.processes();
    expect(processes.map((p) => p.name)).toEqual(['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kwok']);
    expect(processes.every((p) => alive(p.pid))).toBe(true);
    const version = (await cluster.client.request<{ gitVersion: string }>('GET', '/version')).gitVersion;
    const pins = JSON.parse(fs.readFileSync(new URL('../../toolchain/tools.json', import.meta.url), 'utf8')) as { controlPlane: { kubernetes: string } };
    expect(version, 'the server reports its real version (ldflags)').toBe(pins.controlPlane.kubernetes);
    const port = Number(new URL(cluster.server).port);
    await cluster.stop();
    expect(processes.filter((p) => alive(p.pid))).toEqual([]);
    expect(await portFree(port)).toBe(true);
    expect(fs.existsSync(cluster.dir)).toBe(false);
  },
  120_000,
);

// The stall of issue 15: on a loaded machine a simulated node's heartbeat came late, the node
// lifecycle controller marked its pods not Ready (as it does for a lost kubelet), and KWOK never
// made them Ready again, so `helm --wait` timed out. A kubelet that comes back reports its pods
// again; the pod-ready-again stage does the same. Simulated: the controller's status update is
// made here, by the same API call.
it.skipIf(!AVAILABLE)(
  'a running pod marked not Ready (as the node lifecycle controller does) is Ready again (readiness simulated by KWOK)',
  async () => {
    const cluster = await startCluster(1);
    try {
      const pods = '/api/v1/namespaces/default/pods';
      await cluster.client.create(pods, {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'marked' },
        spec: { containers: [{ name: 'c', image: 'example.invalid/c:1' }] },
      });
      const ready = async () => {
        const pod = await cluster.client.get(`${pods}/marked`);
        return ((pod.status?.conditions as { type: string; status: string }[] | undefined) ?? []).find((c) => c.type === 'Ready')?.status;
      };
      await waitFor('the pod to be Ready', async () => ((await ready()) === 'True' ? true : undefined), 60_000);
      await cluster.client.request(
        'PATCH',
        `${pods}/marked/status`,
        { status: { conditions: [{ type: 'Ready', status: 'False', reason: 'NodeNotReady' }] } },
        'application/strategic-merge-patch+json',
      );
      expect(await ready()).toBe('False');
      await waitFor('the pod to be Ready again', async () => ((await ready()) === 'True' ? true : undefined), 30_000);
    } finally {
      await cluster.stop();
    }
  },
  180_000,
);
