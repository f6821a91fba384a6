// The benchmark's corpora: third-party manifests as found in ../shared/third-party (argo-cd,
// ingress-nginx, kube-prometheus, kubernetes/examples, some deliberately broken) plus renders
// of the Bitnami charts there (rendered into a temp folder, never committed), and renders of
// our own chart over varied production values (cached in bench/.corpus/ by chart digest).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { byCodeUnits } from '../core/code-unit-order.ts';
import { PACKAGE_ROOT } from '../core/package-root.ts';
import { Helm } from '../toolchain/helm.ts';
import { resolveInput } from '../validator/inputs.ts';

export interface Corpus {
  readonly name: string;
  /** Folders (or files) given to both tools. */
  readonly roots: readonly string[];
  /** The manifest files under the roots, in the order both tools read them. */
  readonly files: readonly string[];
  readonly megabytes: number;
}

export const THIRD_PARTY_DIR = path.resolve(PACKAGE_ROOT, '..', 'shared', 'third-party');
const CHART = path.join(PACKAGE_ROOT, 'chart');

function filesOf(roots: readonly string[]): string[] {
  return roots.flatMap((root) => {
    const input = resolveInput(root);
    return input.kind === 'manifests' ? input.files : [];
  });
}

function corpus(name: string, roots: readonly string[]): Corpus {
  const files = filesOf(roots);
  const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);
  return { name, roots, files, megabytes: +(bytes / 1024 / 1024).toFixed(1) };
}

/** Third-party manifests plus each Bitnami chart rendered with its defaults (into `scratch`). */
export async function thirdPartyCorpus(kubeVersion: string, scratch: string): Promise<Corpus> {
  const renders = path.join(scratch, 'bitnami-renders');
  fs.mkdirSync(renders, { recursive: true });
  const helm = new Helm(4);
  const charts = fs
    .readdirSync(path.join(THIRD_PARTY_DIR, 'charts'))
    .filter((c) => c !== 'common')
    .sort();
  for (const chart of charts) {
    const r = await helm.template({
      chart: path.join(THIRD_PARTY_DIR, 'charts', chart),
      kubeVersion,
      valuesFiles: [],
      releaseName: chart,
      namespace: 'bench',
      apiVersions: [],
    });
    if (r.status !== 0) throw new Error(`helm template ${chart} failed: ${r.stderr}`);
    fs.writeFileSync(path.join(renders, `${chart}.yaml`), r.stdout);
  }
  return corpus('third-party', [path.join(THIRD_PARTY_DIR, 'manifests'), renders]);
}

/** A values variant: a different but valid production shape, so renders differ. */
export function variant(i: number): string {
  // At least 4: with the default 25% disruption bounds, 3 pods cannot keep the write quorum
  // (the chart refuses them, R8/R12).
  const min = 4 + (i % 5);
  return [
    `autoscaling: {enabled: ${i % 4 !== 0}, minReplicas: ${min}, maxReplicas: ${min + 5 + (i % 7)}, targetCPUUtilizationPercentage: ${50 + (i % 40)}}`,
    `replicas: ${min}`,
    `persistence: {size: ${10 + i}Gi}`,
    `monitoring: {enabled: ${i % 2 === 0}}`,
    `backup: {enabled: ${i % 3 === 0}}`,
    `redis: {mode: ${i % 5 === 0 ? 'external' : 'cluster'}, external: {addresses: ["r${i}.cache:6379"]}, cluster: {nodes: ${6 + 2 * (i % 3)}}}`,
    `ingress: {hosts: [{host: "b${i}.example.com"}], tls: {enabled: ${i % 2 === 1}}}`,
    `resources: {limits: {cpu: "${1 + (i % 4)}", memory: ${2 + (i % 3)}Gi}}`,
    `app: {logLevel: ${['debug', 'info', 'warn', 'error'][i % 4]}}`,
  ].join('\n');
}

function chartDigest(): string {
  const hash = createHash('sha256');
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => byCodeUnits(a.name, b.name))) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else hash.update(full).update(fs.readFileSync(full));
    }
  };
  walk(CHART);
  return hash.digest('hex').slice(0, 12);
}

/** Renders of our chart until `target` resources; kept in bench/.corpus/<chart digest>-<version>/. */
export async function ourRendersCorpus(kubeVersion: string, target: number): Promise<Corpus> {
  const dir = path.join(PACKAGE_ROOT, 'bench', '.corpus', `${chartDigest()}-${kubeVersion}`);
  const renders = path.join(dir, 'renders');
  fs.mkdirSync(renders, { recursive: true });
  const values = path.join(dir, 'values');
  fs.mkdirSync(values, { recursive: true });
  const helm = new Helm(4);
  let resources = 0;
  let i = 0;
  const started = Date.now();
  while (resources < target) {
    const batch = Array.from({ length: os.availableParallelism() * 2 }, (_, k) => i + k);
    i += batch.length;
    const outputs = await Promise.all(
      batch.map(async (n) => {
        const file = path.join(renders, `render-${String(n).padStart(4, '0')}.yaml`);
        if (fs.existsSync(file)) return file;
        const valuesFile = path.join(values, `values-${n}.yaml`);
        fs.writeFileSync(valuesFile, variant(n));
        const r = await helm.template({
          chart: CHART,
          kubeVersion,
          valuesFiles: [valuesFile],
          releaseName: `r${n}`,
          namespace: `ns${n % 9}`,
          apiVersions: ['monitoring.coreos.com/v1', 'velero.io/v1'],
        });
        if (r.status !== 0) throw new Error(`render ${n} failed: ${r.stderr}`);
        fs.writeFileSync(file, r.stdout);
        return file;
      }),
    );
    for (const file of outputs) resources += (fs.readFileSync(file, 'utf8').match(/^kind: /gm) ?? []).length;
  }
  // Renders beyond the target (from an earlier, larger run) stay out of this corpus.
  const wanted = new Set(Array.from({ length: i }, (_, n) => `render-${String(n).padStart(4, '0')}.yaml`));
  for (const f of fs.readdirSync(renders)) if (!wanted.has(f)) fs.rmSync(path.join(renders, f));
  process.stderr.write(`our renders: ${i} renders, ${resources} resources (${((Date.now() - started) / 1000).toFixed(1)} s to render or reuse)\n`);
  return corpus('our-renders', [renders]);
}
