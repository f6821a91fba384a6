// Stage 6b, write: apply a plan. Every new content is first written to a temporary file
// beside its target; only when all of them are on disk are they renamed into place (an
// atomic step per file), then stale files are removed. A failure before the renames leaves
// the chart as it was.
import fs from 'node:fs';
import path from 'node:path';
import type { WritePlan } from './plan-writes.ts';

export function applyPlan(root: string, plan: WritePlan): void {
  const staged: { temp: string; target: string }[] = [];
  try {
    for (const file of plan.files) {
      if ((file.action !== 'create' && file.action !== 'update') || file.content === undefined) continue;
      const target = path.join(root, file.path);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const temp = path.join(path.dirname(target), `.${path.basename(target)}.bvchart-tmp-${process.pid}`);
      fs.writeFileSync(temp, file.content);
      staged.push({ temp, target });
    }
  } catch (error) {
    for (const { temp } of staged) fs.rmSync(temp, { force: true });
    throw error;
  }
  for (const { temp, target } of staged) fs.renameSync(temp, target);
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
