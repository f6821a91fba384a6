// The harness leaves nothing behind: after stop() every process it started is gone, the
// API server's port is free again and the working folder is removed. Without the control
// plane tools it is skipped, and fails under CI=true (like control-plane.test.ts).
import fs from 'node:fs';
import net from 'node:net';
import { expect, it } from 'vitest';
import { controlPlaneOrFailUnderCI, startCluster } from '../../toolchain/control-plane/cluster.ts';

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

it.skipIf(!AVAILABLE)('starts a cluster and tears it down completely', async () => {
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
}, 120_000);
