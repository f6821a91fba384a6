// Parse throughput: every manifest under the given folders (default ../shared/third-party/manifests)
// through the validator's parse stage (cut, decode, resources), best of 5 runs in one process;
// then each YAML decoder (plain, fast, full, and auto: plain → fast → full) alone over every
// document, each in a fresh process: its cold first pass and its best of 5, and how many
// documents it accepts (plain and fast decline some; a declined document still costs the time
// spent deciding). Prints figures; a script, never a timed test.
//   npx tsx bench/parse-bench.ts [folder...]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { decodeYamlDocument } from '../validator/parse/decode-yaml.ts';
import { parseManifests } from '../validator/parse/parse-manifests.ts';
import { splitStream } from '../validator/parse/split-stream.ts';

const DECODERS = ['plain', 'fast', 'full', 'auto'] as const;
type Decoder = (typeof DECODERS)[number];

const decoderArg = process.argv.find((a) => a.startsWith('--decoder='))?.slice('--decoder='.length) as Decoder | undefined;
const folders = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const roots = (folders.length > 0 ? folders : [path.join(import.meta.dirname, '..', '..', 'shared', 'third-party', 'manifests')]).map((f) => path.resolve(f));
const files: string[] = [];
const walk = (dir: string) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (/\.(ya?ml|json)$/.test(entry.name)) files.push(full);
  }
};
roots.forEach(walk);
const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
const mb = bytes / 1e6;

function decodeAll(decoder: Decoder, documents: readonly string[]): number {
  let accepted = 0;
  for (const text of documents) if (decodeYamlDocument(text, { parser: decoder }).ok) accepted++;
  return accepted;
}

if (decoderArg !== undefined) {
  // A child: one decoder, cold first, then best of 5.
  const documents = texts.flatMap((t) => splitStream(t).flatMap((c) => (c.kind === 'document' ? [c.text] : [])));
  let started = performance.now();
  const accepted = decodeAll(decoderArg, documents);
  const cold = performance.now() - started;
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 5; run++) {
    started = performance.now();
    decodeAll(decoderArg, documents);
    best = Math.min(best, performance.now() - started);
  }
  console.log(JSON.stringify({ documents: documents.length, accepted, cold, best }));
} else {
  let best = Number.POSITIVE_INFINITY;
  let resources = 0;
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    resources = 0;
    texts.forEach((text, i) => (resources += parseManifests({ file: files[i] ?? '', text }).resources.length));
    best = Math.min(best, performance.now() - started);
  }
  console.log(
    `${files.length} files, ${mb.toFixed(1)} MB, ${resources} resources: parse stage best ${best.toFixed(0)} ms, ${(mb / (best / 1000)).toFixed(1)} MB/s`,
  );
  console.log('decoder  accepted   cold ms  best-of-5 ms  cold MB/s');
  for (const decoder of DECODERS) {
    const child = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, ...roots, `--decoder=${decoder}`], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`${decoder}: ${child.stderr}`);
    const r = JSON.parse(child.stdout) as { documents: number; accepted: number; cold: number; best: number };
    console.log(
      `${decoder.padEnd(8)} ${`${r.accepted}/${r.documents}`.padStart(8)} ${r.cold.toFixed(0).padStart(9)} ${r.best.toFixed(0).padStart(13)} ${(mb / (r.cold / 1000)).toFixed(1).padStart(10)}`,
    );
  }
}
