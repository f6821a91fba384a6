#!/usr/bin/env node
// Startup benchmark (not a test): the bvchart command, process against process with the
// kubeconform binary, in the same run, each on one core (`taskset -c 0` per process):
//   - `bvchart --help` against `kubeconform -h`;
//   - a one-file `bvchart validate` against kubeconform on the same file with the same
//     schemas (strict), both reading the offline schema folder.
// Each command runs --runs times (default 7) after one warm-up (file cache); the median wall
// time and peak RSS are printed and written to bench/results.json under "startup" (the
// validator benchmark owns the rest of that file). Plain Node, runs the compiled dist/.
//   node bench/startup-bench.mjs [--runs 7]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
const RUNS = Number(args.runs);
const SCHEMAS = process.env.BVCHART_SCHEMAS_DIR ?? path.resolve(root, '..', 'shared', 'kubernetes-schemas');
const INPUT = path.resolve(SCHEMAS, '..', 'third-party', 'manifests', 'kubernetes-examples', 'web', 'guestbook', 'redis-master-deployment.yaml');
const KUBE = '1.33.0';
const kubeconform = path.join(root, '.tools', 'bin', 'kubeconform');
const bvchart = path.join(root, 'bin', 'bvchart.js');
const pinned = spawnSync('taskset', ['-c', '0', 'true']).status === 0;
const timeBinary = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

for (const [what, file] of [
  ['the schema folder', SCHEMAS],
  ['the input', INPUT],
  ['kubeconform (npm run bootstrap)', kubeconform],
  ['dist/ (npm run build)', path.join(root, 'dist', 'cli', 'bvchart.js')],
]) {
  if (!fs.existsSync(file)) throw new Error(`startup bench: ${what} is missing: ${file}`);
}

/** One run: wall milliseconds and peak RSS (MiB, from /usr/bin/time when present). */
function once(command, commandArgs) {
  const argv = [...(timeBinary ? [timeBinary, '-f', '%M'] : []), command, ...commandArgs];
  const full = pinned ? ['taskset', '-c', '0', ...argv] : argv;
  const started = process.hrtime.bigint();
  const r = spawnSync(full[0], full.slice(1), { encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const rssKb = timeBinary ? Number(r.stderr.trim().split('\n').at(-1)) : NaN;
  return { ms, rssMb: rssKb / 1024, status: r.status, stdout: r.stdout };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function measure(name, command, commandArgs, expectStatus) {
  const warm = once(command, commandArgs);
  if (!expectStatus.includes(warm.status)) throw new Error(`${name}: exit ${warm.status}\n${warm.stdout}`);
  const runs = Array.from({ length: RUNS }, () => once(command, commandArgs));
  const result = { medianMs: Math.round(median(runs.map((r) => r.ms))), medianRssMb: Math.round(median(runs.map((r) => r.rssMb))), runs: RUNS };
  process.stdout.write(`${name.padEnd(28)} ${String(result.medianMs).padStart(6)} ms  ${String(result.medianRssMb).padStart(4)} MiB\n`);
  return { ...result, output: warm.stdout.trim().split('\n').at(-1) };
}

process.stdout.write(
  `startup, median of ${RUNS}${pinned ? ', one core (taskset -c 0)' : ' (taskset missing: not pinned)'}; input ${path.relative(root, INPUT)}\n`,
);
// Node itself, for scale: what any Node command pays before its first line runs.
const nodeBare = measure('node -e 0', process.execPath, ['-e', '0'], [0]);
const help = measure('bvchart --help', process.execPath, [bvchart, '--help'], [0]);
const kcHelp = measure('kubeconform -h', kubeconform, ['-h'], [0]);
const validate = measure(
  'bvchart validate (1 file)',
  process.execPath,
  [bvchart, 'validate', INPUT, '--kubernetes-version', KUBE, '--schema-location', SCHEMAS, '--summary'],
  [0, 1],
);
const kcValidate = measure(
  'kubeconform (1 file)',
  kubeconform,
  ['-strict', '-summary', '-kubernetes-version', KUBE, '-schema-location', SCHEMAS, INPUT],
  [0, 1],
);

const startup = {
  date: new Date().toISOString(),
  machine: { cpus: os.availableParallelism(), node: process.version, pinnedToOneCore: pinned, loadAverage1m: Number(os.loadavg()[0]?.toFixed(2)) },
  input: path.relative(root, INPUT),
  node: { bare: { medianMs: nodeBare.medianMs, medianRssMb: nodeBare.medianRssMb } },
  bvchart: {
    help: { medianMs: help.medianMs, medianRssMb: help.medianRssMb },
    validateOneFile: { medianMs: validate.medianMs, medianRssMb: validate.medianRssMb, summary: validate.output },
  },
  kubeconform: {
    help: { medianMs: kcHelp.medianMs, medianRssMb: kcHelp.medianRssMb },
    validateOneFile: { medianMs: kcValidate.medianMs, medianRssMb: kcValidate.medianRssMb, summary: kcValidate.output },
  },
  goals: { helpUnder300Ms: help.medianMs < 300, validateOneFileUnder500Ms: validate.medianMs < 500 },
  runs: RUNS,
};
const file = path.join(root, 'bench', 'results.json');
const results = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
fs.writeFileSync(file, `${JSON.stringify({ ...results, startup }, null, 2)}\n`);
process.stdout.write(
  `goals: --help < 300 ms ${startup.goals.helpUnder300Ms ? 'met' : 'NOT met'}; one-file validate < 500 ms ${startup.goals.validateOneFileUnder500Ms ? 'met' : 'NOT met'}\n`,
);
