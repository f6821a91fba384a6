// Benchmark (not a test): `bvchart validate` against the kubeconform binary, process against
// process, on third-party manifests and on renders of our chart, with the same schemas.
//   npm run bench [-- --resources 10000 --repeat 3]
// Process figures first: wall time and peak RSS of each command, one core (`taskset -c 0`)
// for one worker and two cores for two, kubeconform v0.7.0 `-n 1`/`-n 2 -strict -summary`
// against `bvchart validate --summary` as users run it (`node bin/bvchart.js`, the compiled
// dist/ the bootstrap builds): with the default rule sets for manifests first (the issue's
// goal; for plain manifests that is `schema`, kubeconform's job), then with the generic
// hardening rules too (`--rules schema,hardening`), with a warm and with an empty
// validator cache, one and two workers. Then verdict parity
// (every resource's schema verdict against kubeconform's JSON report), then the older
// in-process figures (the validator library warm in one process). Writes bench/results.json.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PACKAGE_ROOT } from '../core/package-root.ts';
import { folderSchemaLocations } from '../toolchain/kubeconform.ts';
import { locateTool } from '../toolchain/locate-tool.ts';
import { parseManifests } from '../validator/parse/parse-manifests.ts';
import { checkResource, type SchemaStatus } from '../validator/schemas/check-schemas.ts';
import { SchemaRegistry } from '../validator/schemas/schema-registry.ts';
import { ValidatorCache } from '../validator/schemas/validator-cache.ts';
import { type Corpus, ourRendersCorpus, thirdPartyCorpus } from './corpora.ts';
import { median, type ProcessRun, runMeasured } from './measure-process.ts';

const { values: args } = parseArgs({
  options: {
    resources: { type: 'string', default: '10000' },
    'kube-version': { type: 'string', default: '1.33.0' },
    repeat: { type: 'string', default: '3' },
  },
});
const TARGET = Number(args.resources);
const KUBE = args['kube-version'];
const REPEAT = Math.max(1, Number(args.repeat));
const SCHEMAS = folderSchemaLocations();
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-bench-'));
const log = (line: string) => process.stderr.write(`${line}\n`);

interface Figures {
  readonly label: string;
  readonly workers: number;
  readonly ms: number;
  readonly msRuns: readonly number[];
  /** Median CPU time (user + system). */
  readonly cpuMs?: number;
  readonly peakRssMb: number;
  readonly status: number | null;
  readonly summary: string;
}

async function measure(label: string, workers: number, run: () => Promise<ProcessRun>): Promise<Figures> {
  const runs: ProcessRun[] = [];
  for (let i = 0; i < REPEAT; i++) runs.push(await run());
  const last = runs[runs.length - 1] as ProcessRun;
  const figures = {
    label,
    workers,
    ms: Math.round(median(runs.map((r) => r.ms))),
    msRuns: runs.map((r) => Math.round(r.ms)),
    ...(runs.every((r) => r.cpuMs !== undefined) ? { cpuMs: Math.round(median(runs.map((r) => r.cpuMs ?? 0))) } : {}),
    peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)),
    status: last.status,
    summary:
      (last.stdout + last.stderr)
        .trim()
        .split('\n')
        .filter((l) => /Summary|resources in/.test(l))
        .pop() ?? '',
  };
  log(
    `  ${label.padEnd(40)} ${String(figures.ms).padStart(6)} ms  cpu ${String(figures.cpuMs ?? '-').padStart(6)} ms  ${String(figures.peakRssMb).padStart(4)} MB  exit ${figures.status}  ${figures.summary}`,
  );
  return figures;
}

function kubeconformRun(corpus: Corpus, workers: number): Promise<ProcessRun> {
  const argv = ['-n', String(workers), '-strict', '-summary', '-kubernetes-version', KUBE, ...SCHEMAS.flatMap((l) => ['-schema-location', l]), ...corpus.roots];
  return runMeasured(locateTool('kubeconform'), argv, { cores: workers === 1 ? '0' : '0,1' });
}

const BIN = path.join(PACKAGE_ROOT, 'bin', 'bvchart.js');

function bvchartRun(corpus: Corpus, workers: number, cacheHome: string, rules: 'default' | 'hardening'): Promise<ProcessRun> {
  const argv = [
    BIN,
    'validate',
    ...(rules === 'hardening' ? ['--rules', 'schema,hardening'] : []),
    '--summary',
    '-n',
    String(workers),
    '--kubernetes-version',
    KUBE,
    ...SCHEMAS.flatMap((l) => ['--schema-location', l]),
    ...corpus.roots,
  ];
  return runMeasured(process.execPath, argv, { cores: workers === 1 ? '0' : '0,1', env: { ...process.env, XDG_CACHE_HOME: cacheHome } });
}

const freshCache = () => fs.mkdtempSync(path.join(scratch, 'cache-'));

/** At least this many alternating pairs, whatever --repeat says: the pairs are the headline. */
const PAIRS = Math.max(REPEAT, 5);

/**
 * kubeconform -n 1 and bvchart -n 1 (warm cache, default sets) run in alternation on one core,
 * so whatever else the machine does falls on both alike; each pair gives a speed and a memory
 * ratio. Runs one after the other in blocks (the figures above) move with the machine's load:
 * kubeconform's own time on the third-party corpus ranged 1.5–2.7 s in one morning here.
 */
async function pairedN1(corpus: Corpus, warm: string) {
  const pairs: { kubeconformMs: number; bvchartMs: number; speedup: number; memory: number }[] = [];
  for (let i = 0; i < PAIRS; i++) {
    const theirs = await kubeconformRun(corpus, 1);
    const ours = await bvchartRun(corpus, 1, warm, 'default');
    pairs.push({
      kubeconformMs: Math.round(theirs.ms),
      bvchartMs: Math.round(ours.ms),
      speedup: +(theirs.ms / ours.ms).toFixed(2),
      memory: +(ours.peakRssMb / theirs.peakRssMb).toFixed(2),
    });
  }
  const speedups = pairs.map((p) => p.speedup);
  const figures = {
    pairs,
    medianSpeedup: +median(speedups).toFixed(2),
    minSpeedup: Math.min(...speedups),
    maxSpeedup: Math.max(...speedups),
    medianMemory: +median(pairs.map((p) => p.memory)).toFixed(2),
  };
  log(
    `  ${'paired, kubeconform -n 1 : bvchart -n 1'.padEnd(40)} ${PAIRS} pairs: speed ×${figures.medianSpeedup} median (×${figures.minSpeedup}–×${figures.maxSpeedup}), memory ×${figures.medianMemory} median`,
  );
  return figures;
}

async function processFigures(corpus: Corpus) {
  log(`${corpus.name}: ${corpus.files.length} files, ${corpus.megabytes} MB`);
  const kubeconform = {
    n1: await measure('kubeconform -n 1', 1, () => kubeconformRun(corpus, 1)),
    n2: await measure('kubeconform -n 2', 2, () => kubeconformRun(corpus, 2)),
  };
  const warm = freshCache();
  await bvchartRun(corpus, 1, warm, 'default');
  const bvchart = {
    n1: await measure('bvchart -n 1', 1, () => bvchartRun(corpus, 1, warm, 'default')),
    n2: await measure('bvchart -n 2', 2, () => bvchartRun(corpus, 2, warm, 'default')),
    hardeningN1: await measure('bvchart -n 1 --rules schema,hardening', 1, () => bvchartRun(corpus, 1, warm, 'hardening')),
    emptyCacheN1: await measure('bvchart -n 1, empty cache', 1, () => bvchartRun(corpus, 1, freshCache(), 'default')),
  };
  const paired = await pairedN1(corpus, warm);
  const ratio = (a: Figures, b: Figures) => +(a.ms / b.ms).toFixed(2);
  const cpuRatio = (a: Figures, b: Figures) => (a.cpuMs && b.cpuMs ? +(a.cpuMs / b.cpuMs).toFixed(2) : undefined);
  return {
    files: corpus.files.length,
    megabytes: corpus.megabytes,
    kubeconform,
    bvchart,
    paired,
    speedup: {
      n1VsKubeconformN1: ratio(kubeconform.n1, bvchart.n1),
      n2VsKubeconformN2: ratio(kubeconform.n2, bvchart.n2),
      hardeningN1VsKubeconformN1: ratio(kubeconform.n1, bvchart.hardeningN1),
      emptyCacheN1VsKubeconformN1: ratio(kubeconform.n1, bvchart.emptyCacheN1),
    },
    memoryVsKubeconformN1: +(bvchart.n1.peakRssMb / kubeconform.n1.peakRssMb).toFixed(2),
    cpuTimeSpeedup: {
      n1VsKubeconformN1: cpuRatio(kubeconform.n1, bvchart.n1),
      hardeningN1VsKubeconformN1: cpuRatio(kubeconform.n1, bvchart.hardeningN1),
    },
    goals: {
      atLeast2xFasterThanKubeconformN1: kubeconform.n1.ms / bvchart.n1.ms >= 2,
      atLeast2xFasterInPairs: paired.medianSpeedup >= 2,
      atMost2xKubeconformPeakMemory: bvchart.n1.peakRssMb <= 2 * kubeconform.n1.peakRssMb,
    },
  };
}

/** Every resource's schema verdict from the library against kubeconform's JSON report, keyed by file, kind and name. */
async function parity(corpus: Corpus) {
  const binary = locateTool('kubeconform');
  const r = spawnSync(
    binary,
    ['-output', 'json', '-verbose', '-strict', '-kubernetes-version', KUBE, ...SCHEMAS.flatMap((l) => ['-schema-location', l]), ...corpus.files],
    { encoding: 'utf8', maxBuffer: 1 << 30 },
  );
  const report = JSON.parse(r.stdout) as { resources: { filename: string; kind: string; name: string; status: string; msg: string }[] };
  const theirs = new Map<string, SchemaStatus>();
  const unreadable: string[] = [];
  for (const x of report.resources) {
    if (x.kind === '') unreadable.push(`${x.filename}: ${x.msg.slice(0, 120)}`);
    else theirs.set(`${x.filename}|${x.kind}|${x.name}`, x.status.replace(/^status/, '').toLowerCase() as SchemaStatus);
  }
  const ours = new Map<string, SchemaStatus>();
  const registry = new SchemaRegistry({ kubernetesVersion: KUBE, schemaLocations: SCHEMAS, strict: true, validatorCache: new ValidatorCache(false) });
  for (const file of corpus.files) {
    for (const resource of parseManifests({ file, text: fs.readFileSync(file, 'utf8') }).resources) {
      ours.set(`${file}|${resource.ref.kind}|${resource.ref.name}`, (await checkResource(registry, resource, false)).status);
    }
  }
  const differing: string[] = [];
  for (const [key, status] of theirs)
    if (ours.get(key) !== status)
      differing.push(`${key.replace(`${path.dirname(PACKAGE_ROOT)}/`, '')}: kubeconform ${status}, bvchart ${ours.get(key) ?? 'absent'}`);
  for (const key of ours.keys()) if (!theirs.has(key)) differing.push(`${key.replace(`${path.dirname(PACKAGE_ROOT)}/`, '')}: only bvchart saw it`);
  log(
    `${corpus.name}: ${theirs.size} resource verdicts compared, ${differing.length} differ; ${unreadable.length} documents kubeconform could not read as resources`,
  );
  return { compared: theirs.size, differing: differing.length, examples: differing.slice(0, 10), kubeconformUnreadableDocuments: unreadable.length };
}

/** The older figures: the library warm in this process (one core) on our renders. */
async function inProcessFigures(corpus: Corpus) {
  if (process.platform === 'linux') spawnSync('taskset', ['-a', '-p', '-c', '0', String(process.pid)], { stdio: 'ignore' });
  const texts = corpus.files.map((f) => fs.readFileSync(f, 'utf8'));
  const registry = new SchemaRegistry({ kubernetesVersion: KUBE, schemaLocations: SCHEMAS, strict: true, validatorCache: new ValidatorCache(false) });
  const pass = async () => {
    const started = performance.now();
    let count = 0;
    for (const [i, text] of texts.entries()) {
      for (const r of parseManifests({ file: corpus.files[i] ?? '', text }).resources) {
        await checkResource(registry, r, false);
        count += 1;
      }
    }
    return { ms: performance.now() - started, count };
  };
  const cold = await pass();
  const compileMs = registry.compileMs;
  const warm = await pass();
  const parseStarted = performance.now();
  for (const [i, text] of texts.entries()) parseManifests({ file: corpus.files[i] ?? '', text });
  const parseMs = performance.now() - parseStarted;
  return {
    resources: warm.count,
    coldMs: Math.round(cold.ms),
    compileMs: Math.round(compileMs),
    warmMs: Math.round(warm.ms),
    warmResourcesPerSecond: Math.round((warm.count / warm.ms) * 1000),
    parseOnlyMs: Math.round(parseMs),
    validateOverParse: +(warm.ms / parseMs).toFixed(2),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

const corpora = [await thirdPartyCorpus(KUBE, scratch), await ourRendersCorpus(KUBE, TARGET)];
const processResults: Record<string, Awaited<ReturnType<typeof processFigures>>> = {};
for (const c of corpora) processResults[c.name] = await processFigures(c);
const verdicts: Record<string, Awaited<ReturnType<typeof parity>>> = {};
for (const c of corpora) verdicts[c.name] = await parity(c);
const inProcess = await inProcessFigures(corpora[1] as Corpus);

const results = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? 'unknown', node: process.version, loadAverage: os.loadavg().map((l) => +l.toFixed(1)) },
  method: {
    kubernetesVersion: KUBE,
    repeat: REPEAT,
    pairs: `${PAIRS} alternating runs of kubeconform -n 1 and bvchart -n 1 (warm), each pair's ratio; the median is the headline`,
    msIs: 'median wall time of the runs, process start to exit; cpuMs the median user + system CPU time (GNU time %U + %S), which other load on the machine disturbs less; peakRssMb the largest peak RSS (GNU time %M)',
    kubeconform: 'kubeconform v0.7.0 -n N -strict -summary, same schema folders (taskset -c 0 for -n 1, -c 0,1 for -n 2)',
    bvchart:
      'node bin/bvchart.js validate --summary -n N (dist/), same schema folders; default rule sets for manifests (schema) unless --rules schema,hardening; warm = validator cache filled by one earlier run; empty cache = fresh XDG_CACHE_HOME',
  },
  process: processResults,
  verdicts,
  inProcess,
};
fs.writeFileSync(path.join(PACKAGE_ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
fs.rmSync(scratch, { recursive: true, force: true });
const differing = Object.values(verdicts).reduce((n, v) => n + v.differing, 0);
if (differing > 0) {
  log(`bench: ${differing} verdicts differ from kubeconform`);
  process.exitCode = 1;
}
