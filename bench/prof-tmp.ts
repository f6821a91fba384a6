import fs from 'node:fs'; import path from 'node:path';
import { parseManifests } from '../validator/parse/parse-manifests.ts';
import * as jsyaml from 'js-yaml';
const dir = fs.readdirSync('bench/.corpus')[0] ?? '';
const d = path.join('bench/.corpus', dir);
const texts = fs.readdirSync(d).filter((f) => f.startsWith('render')).map((f) => fs.readFileSync(path.join(d, f), 'utf8'));
for (let k = 0; k < 3; k++) {
  let t = performance.now(); for (const x of texts) parseManifests({ file: 'x', text: x }); const a = performance.now() - t;
  t = performance.now(); for (const x of texts) jsyaml.loadAll(x, undefined, { schema: jsyaml.CORE_SCHEMA }); const b = performance.now() - t;
  console.log('parseManifests', a.toFixed(0), 'js-yaml loadAll', b.toFixed(0));
}
