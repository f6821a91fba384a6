// Stage 6b, write: apply a plan. Every new content is first written to a temporary file
// beside its target (core/write-file-atomically.ts, stageFile); only when all of them are on
// disk are they renamed into place (an atomic step per file), then stale files are removed.
// A failure before the renames leaves the chart as it was.
import fs from 'node:fs';
import path from 'node:path';
import { commitStaged, discardStaged, type StagedFile, stageFile } from '../../core/write-file-atomically.ts';
import type { WritePlan } from './plan-writes.ts';

export function applyPlan(root: string, plan: WritePlan): void {
  const staged: StagedFile[] = [];
  try {
    for (const file of plan.files) {
      if ((file.action !== 'create' && file.action !== 'update') || file.content === undefined) continue;
      staged.push(stageFile(path.join(root, file.path), file.content));
    }
  } catch (error) {
    staged.forEach(discardStaged);
    throw error;
  }
  staged.forEach(commitStaged);
  for (const file of plan.files) {
    if (file.action !== 'delete') continue;
    const target = path.join(root, file.path);
    fs.rmSync(target, { force: true });
    removeEmptyParents(root, path.dirname(target));
  }
}

function removeEmptyParents(root: string, dir: string): void {
  let current = dir;
  while (current.startsWith(root) && current !== root && fs.readdirSync(current).length === 0) {
    fs.rmdirSync(current);
    current = path.dirname(current);
  }
}
