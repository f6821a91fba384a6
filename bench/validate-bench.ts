// Benchmark (not a test): the in-process validator against the kubeconform binary on the
// same corpus of rendered resources and the same schemas, in the same run.
//   npm run bench [-- --resources 10000]
// Prints resources/second for both and their ratio, peak memory, the cold (first compile)
// and warm cost, validation vs parse-only cost, and checks that verdicts are identical.
// Writes the figures to bench/results.json. Run under `taskset -c 0` (the npm script does
// when taskset exists) so both engines get one core.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PACKAGE_ROOT } from '../generator/layout.ts';
import { Helm } from '../toolchain/helm.ts';
import { folderSchemaLocations, kubeconformArgs } from '../toolchain/kubeconform.ts';
import { locateTool } from '../toolchain/locate-tool.ts';
import { parseManifests } from '../validator/parse/parse-manifests.ts';
import { checkResource, type SchemaStatus } from '../validator/schemas/check-schemas.ts';
import { SchemaRegistry } from '../validator/schemas/schema-registry.ts';

const { values: args } = parseArgs({ options: { resources: { type: 'string', default: '10000' }, 'kube-version': { type: 'string', default: '1.33.0' } } });
const TARGET = Number(args.resources);
const KUBE = args['kube-version'];
const CHART = path.join(PACKAGE_ROOT, 'chart');
const SCHEMAS = folderSchemaLocations();

/** A values variant: a different but valid production shape, so renders differ. */
function variant(i: number): string {
  const min = 3 + (i % 5);
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

async function buildCorpus(dir: string): Promise<string[]> {
  fs.mkdirSync(dir, { recursive: true });
  const helm = new Helm(4);
  const files: string[] = [];
  let resources = 0;
  let i = 0;
  const started = Date.now();
  while (resources < TARGET) {
    const batch = Array.from({ length: os.availableParallelism() * 2 }, (_, k) => i + k);
    i += batch.length;
    const outputs = await Promise.all(
      batch.map(async (n) => {
        const file = path.join(dir, `render-${String(n).padStart(4, '0')}.yaml`);
        if (fs.existsSync(file)) return file;
        const values = path.join(dir, `values-${n}.yaml`);
        fs.writeFileSync(values, variant(n));
        const r = await helm.template({ chart: CHART, kubeVersion: KUBE, valuesFiles: [values], releaseName: `r${n}`, namespace: `ns${n % 9}`, apiVersions: ['monitoring.coreos.com/v1', 'velero.io/v1'] });
        if (r.status !== 0) throw new Error(`render ${n} failed: ${r.stderr}`);
        fs.writeFileSync(file, r.stdout);
        return file;
      }),
    );
    for (const file of outputs) {
      files.push(file);
      resources += (fs.readFileSync(file, 'utf8').match(/^kind: /gm) ?? []).length;
    }
  }
  process.stderr.write(`corpus: ${files.length} renders, ${resources} resources (${((Date.now() - started) / 1000).toFixed(1)} s to render or reuse)\n`);
  return files;
}

function chartDigest(): string {
  const hash = createHash('sha256');
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else hash.update(full).update(fs.readFileSync(full));
    }
  };
  walk(CHART);
  return hash.digest('hex').slice(0, 12);
}

interface Pass {
  readonly ms: number;
  readonly verdicts: Map<string, SchemaStatus>;
}

async function inProcess(files: readonly string[], texts: readonly string[], registry: SchemaRegistry): Promise<Pass> {
  const verdicts = new Map<string, SchemaStatus>();
  const started = performance.now();
  for (const [i, text] of texts.entries()) {
    const parsed = parseManifests({ file: files[i] ?? '', text });
    for (const r of parsed.resources) {
      const v = await checkResource(registry, r, false);
      verdicts.set(`${files[i]}|${r.ref.kind}|${r.ref.name}`, v.status);
    }
  }
  return { ms: performance.now() - started, verdicts };
}

function parseOnly(files: readonly string[], texts: readonly string[]): number {
  const started = performance.now();
  for (const [i, text] of texts.entries()) parseManifests({ file: files[i] ?? '', text });
  return performance.now() - started;
}

function kubeconform(files: readonly string[], repeat = 1): Pass & { peakKb?: number } {
  const binary = locateTool('kubeconform');
  const list = Array.from({ length: repeat }, () => files).flat();
  const argv = ['-n', '1', ...kubeconformArgs({ kubernetesVersion: KUBE, schemaLocations: SCHEMAS, strict: true }, list)];
  const timeBin = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
  const started = performance.now();
  const r = timeBin
    ? spawnSync(timeBin, ['-f', 'BVCHART_PEAK_KB=%M', binary, ...argv], { encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(binary, argv, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - started;
  const report = JSON.parse(r.stdout) as { resources: { filename: string; kind: string; name: string; status: string }[] };
  const verdicts = new Map<string, SchemaStatus>();
  for (const x of report.resources) verdicts.set(`${x.filename}|${x.kind}|${x.name}`, x.status.replace(/^status/, '').toLowerCase() as SchemaStatus);
  const peak = /BVCHART_PEAK_KB=(\d+)/.exec(r.stderr ?? '')?.[1];
  return { ms, verdicts, ...(peak ? { peakKb: Number(peak) } : {}) };
}

const corpusDir = path.join(PACKAGE_ROOT, 'bench', '.corpus', `${chartDigest()}-${KUBE}`);
const files = await buildCorpus(corpusDir);
const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

const registry = new SchemaRegistry({ kubernetesVersion: KUBE, schemaLocations: SCHEMAS, strict: true });
const cold = await inProcess(files, texts, registry);
const compileMs = registry.compileMs;
const warm = await inProcess(files, texts, registry);
const parseMs = Math.min(parseOnly(files, texts), parseOnly(files, texts));
const theirs = kubeconform(files);
// kubeconform's steady state: the extra time a second pass over the corpus costs it in one
// process (its start-up, schema loading and compiling are paid once).
const theirsTwice = kubeconform(files, 2);
const theirsWarmMs = Math.max(1, theirsTwice.ms - theirs.ms);

const count = warm.verdicts.size;
let mismatches = 0;
const examples: string[] = [];
for (const [key, status] of theirs.verdicts) {
  if (warm.verdicts.get(key) === status) continue;
  mismatches += 1;
  if (examples.length < 5) examples.push(`${key}: kubeconform ${status}, bvchart ${warm.verdicts.get(key) ?? 'absent'}`);
}
for (const key of warm.verdicts.keys()) {
  if (theirs.verdicts.has(key)) continue;
  mismatches += 1;
  if (examples.length < 5) examples.push(`${key}: only bvchart saw it`);
}

const perSecond = (ms: number) => Math.round((count / ms) * 1000);
const results = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', node: process.version, pinnedToOneCore: process.env.BVCHART_BENCH_PINNED === '1' },
  corpus: { renders: files.length, resources: count, megabytes: +(bytes / 1024 / 1024).toFixed(1), kubernetesVersion: KUBE },
  inProcess: {
    coldMs: Math.round(cold.ms),
    compileMs: Math.round(compileMs),
    warmMs: Math.round(warm.ms),
    warmResourcesPerSecond: perSecond(warm.ms),
    coldResourcesPerSecond: perSecond(cold.ms),
    parseOnlyMs: Math.round(parseMs),
    validateOverParse: +(warm.ms / parseMs).toFixed(2),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  },
  kubeconform: {
    ms: Math.round(theirs.ms),
    resourcesPerSecond: perSecond(theirs.ms),
    warmMs: Math.round(theirsWarmMs),
    warmResourcesPerSecond: perSecond(theirsWarmMs),
    workers: 1,
    ...(theirs.peakKb ? { peakRssMb: Math.round(theirs.peakKb / 1024) } : {}),
  },
  ratio: {
    warmVsKubeconformWarm: +(theirsWarmMs / warm.ms).toFixed(2),
    warmVsKubeconformRun: +(theirs.ms / warm.ms).toFixed(2),
    coldVsKubeconformRun: +(theirs.ms / cold.ms).toFixed(2),
  },
  verdicts: { compared: theirs.verdicts.size, mismatches, examples },
  goals: { atLeast2xKubeconformWarm: theirsWarmMs / warm.ms >= 2, within2xOfParsing: warm.ms / parseMs <= 2 },
};
fs.writeFileSync(path.join(PACKAGE_ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
if (mismatches > 0) {
  process.stderr.write(`bench: ${mismatches} verdicts differ from kubeconform\n`);
  process.exitCode = 1;
}
