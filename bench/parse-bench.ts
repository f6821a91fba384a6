// Parse throughput: every manifest under a folder (default ../shared/third-party/manifests)
// through the validator's parse stage (cut, decode, resources), best of 5 runs in one process.
// Prints MB/s; a script that prints figures, never a timed test.
//   npx tsx bench/parse-bench.ts [folder]
import fs from 'node:fs';
import path from 'node:path';
import { parseManifests } from '../validator/parse/parse-manifests.ts';

const root = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '..', '..', 'shared', 'third-party', 'manifests'));
const files: string[] = [];
const walk = (dir: string) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (/\.(ya?ml|json)$/.test(entry.name)) files.push(full);
  }
};
walk(root);
const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
let best = Number.POSITIVE_INFINITY;
let resources = 0;
for (let run = 0; run < 5; run++) {
  const started = performance.now();
  resources = 0;
  texts.forEach((text, i) => (resources += parseManifests({ file: files[i] ?? '', text }).resources.length));
  best = Math.min(best, performance.now() - started);
}
console.log(
  `${files.length} files, ${(bytes / 1e6).toFixed(1)} MB, ${resources} resources: best ${best.toFixed(0)} ms, ${(bytes / 1e6 / (best / 1000)).toFixed(1)} MB/s`,
);
