// `bvchart release`: publish the chart as `helm install` users need it. Every check runs
// before anything is written:
//   1. package and sign (helm package --sign: the .tgz and its .prov) into a staging folder;
//   2. verify the signature (helm verify) and that it was made with the key the chart declares
//      (Chart.yaml artifacthub.io/signKey);
//   3. the version rule against the repository index (version-check.ts) and the registry
//      (a version already in the registry is refused too);
// then:
//   4. the package, its provenance and the merged index (helm repo index --merge) go into the
//      repository folder (or, for a repository URL, into --out for the maintainer to upload);
//   5. helm push to the OCI registry (the provenance travels with it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import type { Diagnostic } from '../core/diagnostic.ts';
import { writeFileAtomically } from '../core/write-file-atomically.ts';
import type { Helm } from '../toolchain/helm.ts';
import type { ProcessResult } from '../toolchain/run-process.ts';
import { readChartArchive } from './chart-archive.ts';
import { type ChartRepository, indexEntries, isUrl, readIndexText, readPublished } from './repo-index.ts';
import { helmSignArgs, type SigningKey, verifiedFingerprint } from './signing.ts';
import { checkVersion, compareVersions } from './version-check.ts';

export interface ReleaseOptions {
  readonly chartDir: string;
  /** The chart repository: a folder, or the base URL of a published one. */
  readonly repo: string;
  /** For a repository URL: where the package, provenance and merged index are written. */
  readonly out?: string;
  /** Base URL written into the index entries (default: the repository URL, or relative). */
  readonly url?: string;
  /** `oci://host/path`; omitted: no push. */
  readonly oci?: string;
  /** Talk to the registry over plain HTTP (a loopback registry). */
  readonly plainHttp?: boolean;
  readonly key: SigningKey;
  readonly helm: Helm;
}

export interface ReleaseResult {
  readonly diagnostics: readonly Diagnostic[];
  /** What was published, when nothing was refused. */
  readonly published?: {
    readonly name: string;
    readonly version: string;
    readonly archive: string;
    readonly provenance: string;
    readonly index: string;
    readonly fingerprint: string;
    readonly ociRef?: string;
  };
}

interface ChartYaml {
  readonly name: string;
  readonly version: string;
  readonly annotations?: Record<string, string>;
}

const refuse = (code: string, message: string, file?: string): ReleaseResult => ({
  diagnostics: [{ code, severity: 'error', message, ...(file ? { file } : {}) }],
});

function failed(what: string, r: ProcessResult): string {
  return `${what} failed (exit ${r.status}): ${(r.error ?? '') || r.stderr.trim() || r.stdout.trim()}`;
}

export async function releaseChart(o: ReleaseOptions): Promise<ReleaseResult> {
  const chartFile = path.join(o.chartDir, 'Chart.yaml');
  const chart = parse(fs.readFileSync(chartFile, 'utf8')) as ChartYaml;
  const declared = (parse(chart.annotations?.['artifacthub.io/signKey'] ?? '') as { fingerprint?: string } | null)?.fingerprint?.toUpperCase();
  if (!declared)
    return refuse('release/sign-key-undeclared', 'Chart.yaml has no artifacthub.io/signKey annotation with the release key fingerprint', chartFile);
  const repo: ChartRepository = { location: isUrl(o.repo) ? o.repo : path.resolve(o.repo), isUrl: isUrl(o.repo) };
  if (repo.isUrl && !o.out) return refuse('release/usage', 'a repository URL needs --out DIR for the package and the merged index');
  const target = repo.isUrl ? path.resolve(o.out ?? '') : repo.location;

  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-release-'));
  try {
    // 1. package and sign
    const packaged = await o.helm.exec(['package', o.chartDir, '--destination', staging, ...helmSignArgs(o.key)]);
    if (packaged.status !== 0) return refuse('release/package', failed('helm package --sign', packaged), chartFile);
    const archiveName = `${chart.name}-${chart.version}.tgz`;
    const archive = path.join(staging, archiveName);
    const provenance = `${archive}.prov`;
    if (!fs.existsSync(provenance)) return refuse('release/package', `helm package --sign wrote no provenance file ${path.basename(provenance)}`);

    // 2. the signature, and the key it was made with
    const verified = await o.helm.exec(['verify', archive, '--keyring', o.key.keyring]);
    if (verified.status !== 0) return refuse('release/signature', failed('helm verify', verified));
    const fingerprint = verifiedFingerprint(`${verified.stdout}${verified.stderr}`) ?? '';
    if (fingerprint !== declared) {
      return refuse(
        'release/wrong-key',
        `the chart was signed with key ${fingerprint || '(unknown)'}, but Chart.yaml declares ${declared} (artifacthub.io/signKey, from schema/chart.yaml signKey): users verifying with the published key would fail`,
        chartFile,
      );
    }

    // 3. the version rule
    const indexText = await readIndexText(repo);
    const entries = indexEntries(indexText, chart.name);
    const latest = [...entries].sort((a, b) => compareVersions(b.version, a.version))[0];
    const compared = entries.filter((e) => e === latest || compareVersions(e.version, chart.version) === 0);
    const published = [
      ...(await Promise.all(compared.map((e) => readPublished(repo, e)))),
      ...entries.filter((e) => !compared.includes(e)).map((e) => ({ version: e.version })),
    ];
    const candidate = { name: chart.name, version: chart.version, files: readChartArchive(fs.readFileSync(archive)) };
    const refusal = checkVersion(candidate, published);
    if (refusal) return refuse(refusal.code, `${refusal.message} (repository ${o.repo})`, chartFile);
    const ociRef = o.oci?.replace(/\/+$/, '');
    if (ociRef) {
      const shown = await o.helm.exec(['show', 'chart', `${ociRef}/${chart.name}`, '--version', chart.version, ...(o.plainHttp ? ['--plain-http'] : [])]);
      if (shown.status === 0)
        return refuse(
          'release/version-exists',
          `${chart.name} ${chart.version} is already in the registry ${ociRef}; a published version is never replaced`,
          chartFile,
        );
    }

    // 4. the repository: package, provenance, merged index
    const indexDir = path.join(staging, 'index');
    fs.mkdirSync(indexDir);
    fs.copyFileSync(archive, path.join(indexDir, archiveName));
    const mergeArgs: string[] = [];
    if (indexText) {
      fs.writeFileSync(path.join(staging, 'old-index.yaml'), indexText);
      mergeArgs.push('--merge', path.join(staging, 'old-index.yaml'));
    }
    const baseUrl = o.url ?? (repo.isUrl ? repo.location : undefined);
    const indexed = await o.helm.exec(['repo', 'index', indexDir, ...(baseUrl ? ['--url', baseUrl] : []), ...mergeArgs]);
    if (indexed.status !== 0) return refuse('release/index', failed('helm repo index --merge', indexed));
    fs.mkdirSync(target, { recursive: true });
    const outArchive = path.join(target, archiveName);
    fs.copyFileSync(archive, outArchive);
    fs.copyFileSync(provenance, `${outArchive}.prov`);
    writeFileAtomically(path.join(target, 'index.yaml'), fs.readFileSync(path.join(indexDir, 'index.yaml')));

    // 5. the registry
    if (ociRef) {
      const pushed = await o.helm.exec(['push', archive, ociRef, ...(o.plainHttp ? ['--plain-http'] : [])]);
      if (pushed.status !== 0) return refuse('release/push', `${failed('helm push', pushed)} (the repository at ${target} was already updated)`);
    }
    return {
      diagnostics: [],
      published: {
        name: chart.name,
        version: chart.version,
        archive: outArchive,
        provenance: `${outArchive}.prov`,
        index: path.join(target, 'index.yaml'),
        fingerprint,
        ...(ociRef ? { ociRef } : {}),
      },
    };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
