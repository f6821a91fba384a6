// A folder's manifests are read in the order kubeconform walks it (Go sorts names by bytes),
// whatever the machine's locale: kubeconform -n 1 on the same folder is the judge.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { locateTool } from '../../toolchain/locate-tool.ts';
import { resolveInput } from '../../validator/inputs.ts';

it('files under a folder come in kubeconform’s order (upper case before lower, `_` between them, subfolders in place)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-order-'));
  const names = ['a.yaml', 'B.yaml', '_c.yaml', 'Z/x.yaml', 'z/y.yaml', 'ä.yaml', '10.yaml', '9.yaml', 'a-b.yaml', 'a.b.yaml'];
  for (const [i, name] of names.entries()) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${i}}\n`);
  }
  const input = resolveInput(dir);
  const ours = input.kind === 'manifests' ? input.files : [];
  const run = spawnSync(locateTool('kubeconform'), ['-n', '1', '-output', 'json', '-verbose', '-skip', 'ConfigMap', dir], { encoding: 'utf8' });
  const theirs = (JSON.parse(run.stdout) as { resources: { filename: string }[] }).resources.map((r) => r.filename);
  expect(theirs).toHaveLength(names.length);
  expect(ours).toEqual(theirs);
});
