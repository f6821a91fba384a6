// bvchart release: package and sign the chart, merge the repository index, push to an OCI
// registry; refuses a version that exists or a changed chart without a version bump.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatDiagnostics } from '../core/format-diagnostic.ts';
import { CHART_DIR } from '../generator/layout.ts';
import { releaseChart } from '../release/release-chart.ts';
import { signingKeyFromEnv } from '../release/signing.ts';
import { Helm } from '../toolchain/helm.ts';
import { type CliIO, UsageError } from './cli-io.ts';

export const RELEASE_USAGE = `usage: bvchart release --repo DIR|URL [--oci oci://HOST/PATH] [options]
  --repo DIR|URL   the chart repository: a folder (written in place) or a published repository's URL
  --out DIR        with a repository URL: where the package, .prov and merged index.yaml go (to upload)
  --url URL        base URL written into index entries (default: the repository URL; relative for a folder)
  --oci REF        push to this OCI registry path as well (helm push)
  --plain-http     talk to the registry over HTTP (a local registry)
  --chart DIR      the chart (default: chart/ under --root)
  --root DIR       project root (default: the current folder)
  --helm 3|4       Helm major that packages and pushes (default: 3)

The signing key comes from the environment: BVCHART_SIGN_KEY (key name), BVCHART_SIGN_KEYRING
(secret keyring, legacy format), BVCHART_SIGN_PASSPHRASE_FILE (optional).
exit status: 0 published, 1 refused (version exists, content changed without a version bump,
wrong key, a Helm step failed), 2 usage error
`;

export async function releaseCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      repo: { type: 'string' },
      out: { type: 'string' },
      url: { type: 'string' },
      oci: { type: 'string' },
      'plain-http': { type: 'boolean', default: false },
      chart: { type: 'string' },
      root: { type: 'string' },
      helm: { type: 'string', default: '3' },
    },
  });
  if (!values.repo) throw new UsageError('--repo is required');
  if (values.oci && !values.oci.startsWith('oci://')) throw new UsageError(`--oci must start with oci://, not ${values.oci}`);
  if (values.helm !== '3' && values.helm !== '4') throw new UsageError(`--helm must be 3 or 4, not ${values.helm}`);
  const { key, diagnostics } = signingKeyFromEnv(process.env);
  if (!key) throw new UsageError(`no signing key:\n${formatDiagnostics(diagnostics)}`);
  const root = path.resolve(io.cwd, values.root ?? '.');
  const local = (p: string) => (/^https?:\/\//.test(p) ? p : path.resolve(io.cwd, p));
  const result = await releaseChart({
    chartDir: values.chart ? path.resolve(io.cwd, values.chart) : path.join(root, CHART_DIR),
    repo: local(values.repo),
    ...(values.out ? { out: path.resolve(io.cwd, values.out) } : {}),
    ...(values.url ? { url: values.url } : {}),
    ...(values.oci ? { oci: values.oci } : {}),
    plainHttp: values['plain-http'],
    key,
    helm: new Helm(Number(values.helm) as 3 | 4),
  });
  if (!result.published) {
    io.err(`${formatDiagnostics(result.diagnostics)}\nbvchart release: refused, nothing was published.\n`);
    return 1;
  }
  const p = result.published;
  io.out(
    [
      `bvchart release: ${p.name} ${p.version} signed with ${p.fingerprint}`,
      `  ${p.archive}`,
      `  ${p.provenance}`,
      `  ${p.index} (merged)`,
      ...(p.ociRef ? [`  pushed to ${p.ociRef}/${p.name}:${p.version}`] : []),
      '',
    ].join('\n'),
  );
  return 0;
}
