// The end-to-end steps stop their dependants: a failed (or timed-out) step is reported once,
// and each step built on it is skipped with a note naming it, instead of failing in cascade.
// Runs a fixture scenario (test/fixtures/dependent-steps/) in its own vitest process.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { REPO } from '../helpers/project.ts';

interface JsonAssertion {
  readonly title: string;
  readonly status: string;
  readonly failureMessages: readonly string[];
  readonly meta?: unknown;
}

it('a failed step skips its dependants with "depends on <step>, which failed"; others still run', () => {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-steps-')), 'report.json');
  const config = path.join(REPO, 'test', 'fixtures', 'dependent-steps', 'vitest.config.ts');
  const run = spawnSync(
    process.execPath,
    [path.join(REPO, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', config, '--reporter=json', `--outputFile=${out}`],
    { cwd: REPO, encoding: 'utf8' },
  );
  expect(run.status, run.stderr).toBe(1);
  const report = JSON.parse(fs.readFileSync(out, 'utf8')) as { testResults: { assertionResults: JsonAssertion[] }[] };
  const results = Object.fromEntries(report.testResults.flatMap((f) => f.assertionResults).map((a) => [a.title, a.status]));
  expect(results).toEqual({ install: 'failed', upgrade: 'skipped', rollback: 'skipped', independent: 'passed', slow: 'failed', 'after slow': 'skipped' });
  expect(run.stderr).toContain('skipped "upgrade": depends on "install", which failed');
  expect(run.stderr).toContain('skipped "rollback": depends on "upgrade", which failed');
  expect(run.stderr).toContain('skipped "after slow": depends on "slow", which failed');
});
