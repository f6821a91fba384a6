// `bvchart validate` keeps V8's young generation at its initial size (core/young-generation.ts),
// unless the user chose a semispace flag. The judge is V8's own heap statistics at the end of
// a real `node bin/bvchart.js validate` process over the third-party manifests (where the
// default grows the semispaces to 16 MB each).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { semispaceFlagGiven } from '../../core/young-generation.ts';
import { folderSchemaLocations } from '../../toolchain/kubeconform.ts';
import { REPO } from '../helpers/project.ts';

describe('a semispace flag of the user is theirs', () => {
  it.each([
    [[], '', false],
    [['--max-old-space-size=512'], '--trace-warnings', false],
    [['--max-semi-space-size=8'], '', true],
    [['--semi-space-growth-factor=2'], '', true],
    [['--semi_space_growth_factor=4'], '', true],
    [[], '--max-semi-space-size=4 --trace-warnings', true],
    [[], '--min-semi-space-size=2', true],
  ] as const)('execArgv %j, NODE_OPTIONS %j: %s', (execArgv, nodeOptions, given) => {
    expect(semispaceFlagGiven(execArgv, nodeOptions)).toBe(given);
  });
});

/** The young generation's size (MB) at the end of `node [flags] bin/bvchart.js validate <third-party manifests>`. */
function youngGenerationMb(nodeFlags: readonly string[]): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-young-'));
  const hook = path.join(dir, 'hook.mjs');
  const out = path.join(dir, 'new-space.txt');
  fs.writeFileSync(
    hook,
    `import fs from 'node:fs';\nimport v8 from 'node:v8';\nprocess.on('exit', () => fs.writeFileSync(${JSON.stringify(out)}, String(v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size)));\n`,
  );
  const schemas = folderSchemaLocations().flatMap((l) => ['--schema-location', l]);
  const run = spawnSync(
    process.execPath,
    [
      ...nodeFlags,
      '--import',
      hook,
      path.join(REPO, 'bin', 'bvchart.js'),
      'validate',
      '--summary',
      '--kubernetes-version',
      '1.33.0',
      ...schemas,
      path.join(REPO, '..', 'shared', 'third-party', 'manifests'),
    ],
    { encoding: 'utf8' },
  );
  expect(run.status, run.stderr).toBe(1); // the corpus holds broken files on purpose
  return Number(fs.readFileSync(out, 'utf8')) / 1024 / 1024;
}

describe('validate keeps the young generation small', () => {
  it('at its initial size through a run over the third-party manifests', () => {
    expect(youngGenerationMb([])).toBeLessThanOrEqual(2);
  });

  it('a user who sets the growth factor gets V8 growing it', () => {
    expect(youngGenerationMb(['--semi-space-growth-factor=2'])).toBeGreaterThan(2);
  });
});
