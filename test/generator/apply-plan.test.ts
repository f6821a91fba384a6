// Applying a write plan is all or nothing: every new content is staged beside its target
// before any is renamed into place, so a file that cannot be written leaves the chart as it
// was, with no temporary file behind.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { applyPlan } from '../../generator/write/apply-plan.ts';
import type { WritePlan } from '../../generator/write/plan-writes.ts';

function chart(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-apply-'));
  fs.mkdirSync(path.join(root, 'templates'));
  fs.writeFileSync(path.join(root, 'Chart.yaml'), 'old chart\n');
  fs.writeFileSync(path.join(root, 'templates', 'old.yaml'), 'stale\n');
  // A file where the plan below wants a folder: nothing can be written under it.
  fs.writeFileSync(path.join(root, 'blocked'), 'a file\n');
  return root;
}

const files = (root: string) =>
  Object.fromEntries(
    fs
      .readdirSync(root, { recursive: true })
      .map(String)
      .filter((f) => fs.statSync(path.join(root, f)).isFile())
      .sort()
      .map((f) => [f, fs.readFileSync(path.join(root, f), 'utf8')]),
  );

const plan = (extra: WritePlan['files'] = []): WritePlan => ({
  conflicts: [],
  files: [
    { path: 'Chart.yaml', action: 'update', content: 'new chart\n' },
    { path: 'templates/new.yaml', action: 'create', content: 'new\n' },
    ...extra,
    { path: 'templates/old.yaml', action: 'delete' },
  ],
});

it('writes, updates and deletes, leaving no temporary file', () => {
  const root = chart();
  applyPlan(root, plan());
  expect(files(root)).toEqual({ 'Chart.yaml': 'new chart\n', blocked: 'a file\n', 'templates/new.yaml': 'new\n' });
});

it('a file that cannot be written: throws, and the chart is as it was (no rename, no delete, no temporary file)', () => {
  const root = chart();
  const before = files(root);
  expect(() => applyPlan(root, plan([{ path: 'blocked/values.yaml', action: 'create', content: 'x\n' }]))).toThrow(/EEXIST|ENOTDIR/);
  expect(files(root)).toEqual(before);
});
