// Publishing the chart for real, as a maintainer does: `bvchart release` signs the chart
// with a throwaway key, writes the package, its provenance and the merged index into a
// repository folder served over HTTP on loopback (a classic chart repository), and pushes to
// an OCI registry (the distribution registry built from source) on loopback.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { PACKAGE_ROOT } from '../../../core/package-root.ts';
import { freePort } from '../../../toolchain/control-plane/cluster.ts';
import { waitFor } from '../../../toolchain/control-plane/kube-client.ts';
import { type CliRun, runCli } from '../../helpers/project.ts';
import { releaseProject } from '../../helpers/release-project.ts';
import { createSigningKey } from '../../helpers/signing-key.ts';

export interface PublishedChart {
  /** The packaged chart (.tgz) in the repository folder. */
  readonly archive: string;
  readonly version: string;
  /** Base URL of the HTTP chart repository (index.yaml). */
  readonly repoUrl: string;
  /** The repository folder the HTTP server serves. */
  readonly repoDir: string;
  /** `oci://127.0.0.1:<port>/charts`: install with `<ref>/boardviewer --version <v> --plain-http`. */
  readonly ociRef: string;
  /** The public keyring for `--verify` (the throwaway release key). */
  readonly keyring: string;
  /** The project the chart was generated and released from (schema/ and chart/). */
  readonly root: string;
  /** Runs `bvchart release` again for that project, into the same repository and registry. */
  release(): Promise<CliRun>;
  stop(): Promise<void>;
}

export async function publishChart(dir: string): Promise<PublishedChart> {
  const key = createSigningKey(fs.mkdtempSync(path.join(dir, 'key-')));
  Object.assign(process.env, key.env);
  const root = await releaseProject(key.fingerprint);
  const repoDir = path.join(dir, 'repo');
  fs.mkdirSync(repoDir, { recursive: true });

  const httpPort = await freePort();
  const repoUrl = `http://127.0.0.1:${httpPort}`;
  const server = http.createServer((req, res) => {
    const file = path.join(repoDir, path.basename(decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')));
    if (!file.startsWith(repoDir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
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
    const release = () => runCli(['release', '--root', root, '--repo', repoDir, '--url', repoUrl, '--oci', ociRef, '--plain-http', '--helm', '4'], root);
    const released = await release();
    if (released.code !== 0) throw new Error(`bvchart release failed (${released.code}): ${released.stderr}`);
    const version = /boardviewer (\S+) signed with/.exec(released.stdout)?.[1] ?? '';
    return { archive: path.join(repoDir, `boardviewer-${version}.tgz`), version, repoUrl, repoDir, ociRef, keyring: key.keyring, root, release, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
