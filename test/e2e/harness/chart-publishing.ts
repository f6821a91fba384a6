// Publishing the chart for real: `helm package` into a dist folder with `helm repo index`,
// served over HTTP on loopback (a classic chart repository), and pushed to an OCI registry
// (the distribution registry built from source) on loopback.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../../generator/layout.ts';
import type { Helm } from '../../../toolchain/helm.ts';
import { freePort } from '../../../toolchain/control-plane/cluster.ts';
import { waitFor } from '../../../toolchain/control-plane/kube-client.ts';

export interface PublishedChart {
  /** The packaged chart (.tgz). */
  readonly archive: string;
  readonly version: string;
  /** Base URL of the HTTP chart repository (index.yaml). */
  readonly repoUrl: string;
  /** `oci://127.0.0.1:<port>/charts`: install with `<ref>/boardviewer --version <v> --plain-http`. */
  readonly ociRef: string;
  stop(): Promise<void>;
}

function expectOk(what: string, r: { status: number | null; stdout: string; stderr: string }): void {
  if (r.status !== 0) throw new Error(`${what} failed (${r.status}): ${r.stderr || r.stdout}`);
}

export async function publishChart(helm: Helm, chartDir: string, dir: string): Promise<PublishedChart> {
  const dist = path.join(dir, 'dist');
  fs.mkdirSync(dist, { recursive: true });
  expectOk('helm package', await helm.exec(['package', chartDir, '--destination', dist]));
  const archive = path.join(dist, fs.readdirSync(dist).find((f) => f.endsWith('.tgz')) ?? '');
  const version = /-(\d+\.\d+\.\d+[^/]*)\.tgz$/.exec(archive)?.[1] ?? '';

  const httpPort = await freePort();
  const repoUrl = `http://127.0.0.1:${httpPort}`;
  expectOk('helm repo index', await helm.exec(['repo', 'index', dist, '--url', repoUrl]));
  const server = http.createServer((req, res) => {
    const file = path.join(dist, path.basename(decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')));
    if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': file.endsWith('.yaml') ? 'text/yaml' : 'application/gzip' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(httpPort, '127.0.0.1', resolve));

  const registryPort = await freePort();
  const config = path.join(dir, 'registry.yml');
  fs.writeFileSync(
    config,
    [
      'version: 0.1',
      'log: {level: warn}',
      `storage: {filesystem: {rootdirectory: ${path.join(dir, 'registry')}}, delete: {enabled: true}}`,
      `http: {addr: "127.0.0.1:${registryPort}"}`,
      '',
    ].join('\n'),
  );
  const log = fs.openSync(path.join(dir, 'registry.log'), 'a');
  const registry: ChildProcess = spawn(path.join(PACKAGE_ROOT, '.tools', 'bin', 'registry'), ['serve', config], { stdio: ['ignore', log, log] });
  fs.closeSync(log);
  const stop = async () => {
    registry.kill('SIGTERM');
    await new Promise<void>((resolve) => (registry.exitCode !== null ? resolve() : registry.once('exit', () => resolve())));
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  try {
    await waitFor('the OCI registry', async () => ((await fetch(`http://127.0.0.1:${registryPort}/v2/`)).ok ? true : undefined), 30_000);
    const ociRef = `oci://127.0.0.1:${registryPort}/charts`;
    expectOk('helm push', await helm.exec(['push', archive, ociRef, '--plain-http']));
    return { archive, version, repoUrl, ociRef, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
