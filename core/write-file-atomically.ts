// Writing a file whole or not at all: the content goes to a temporary sibling that is then
// renamed over the target (atomic within a folder). A reader (another validator, another
// clone sharing a cache) never sees a half-written file, and an interrupted run leaves none.
// The two steps are also offered apart, for a writer that must stage several files before
// it renames any (generator/write/apply-plan.ts: a chart is updated whole or not at all).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** A file's new content, on disk beside it under a temporary name, not yet in place. */
export interface StagedFile {
  readonly target: string;
  readonly temp: string;
}

/**
 * Writes `content` to a hidden temporary sibling of `file` (named `.<name>.bvchart-tmp-…`,
 * which .gitignore covers), creating the folder. Nothing is left behind when it fails.
 */
export function stageFile(file: string, content: string | Uint8Array): StagedFile {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.bvchart-tmp-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(temp, content);
  } catch (error) {
    discardStaged({ target: file, temp });
    throw error;
  }
  return { target: file, temp };
}

/** Renames the staged content over its target. */
export function commitStaged(staged: StagedFile): void {
  fs.renameSync(staged.temp, staged.target);
}

export function discardStaged(staged: StagedFile): void {
  fs.rmSync(staged.temp, { force: true });
}

export function writeFileAtomically(file: string, content: string | Uint8Array): void {
  const staged = stageFile(file, content);
  try {
    commitStaged(staged);
  } catch (error) {
    discardStaged(staged);
    throw error;
  }
}
