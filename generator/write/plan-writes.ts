// Stage 6a, plan: compare the generated files with what is on disk. Reads only.
// - create/update/delete/unchanged per file (deletes: generated files no longer produced);
// - conflicts: a file that would be overwritten or deleted but was not written by bvchart
//   (no header) or was edited by hand after generation (digest mismatch).
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../../core/diagnostic.ts';
import type { GeneratedFile } from '../format/format-files.ts';
import { readHeader } from '../format/generated-header.ts';

export type FileAction = 'create' | 'update' | 'delete' | 'unchanged';

export interface PlannedFile {
  readonly path: string;
  readonly action: FileAction;
  /** New content, for create and update. */
  readonly content?: string;
}

export interface WritePlan {
  readonly files: readonly PlannedFile[];
  readonly conflicts: readonly Diagnostic[];
}

function listFiles(root: string, dir: string): string[] {
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) return [];
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (!entry.name.includes('.bvchart-tmp-')) out.push(child);
    }
  };
  walk(dir);
  return out;
}

function conflict(file: string, message: string): Diagnostic {
  return { code: 'write/conflict', severity: 'error', file, message };
}

function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * @param managedDirs folders wholly owned by the generator (stale files there are deleted)
 */
export function planWrites(root: string, generated: readonly GeneratedFile[], managedDirs: readonly string[]): WritePlan {
  const files: PlannedFile[] = [];
  const conflicts: Diagnostic[] = [];
  const wanted = new Set(generated.map((g) => g.path));

  for (const file of generated) {
    const current = readIfExists(path.join(root, file.path));
    if (current === undefined) {
      files.push({ path: file.path, action: 'create', content: file.content });
      continue;
    }
    if (current === file.content) {
      files.push({ path: file.path, action: 'unchanged' });
      continue;
    }
    const header = readHeader(current);
    if (header.kind === 'none') {
      conflicts.push(conflict(file.path, 'has no generated header (written by hand?); it would be overwritten'));
    } else if (header.kind === 'edited') {
      conflicts.push(conflict(file.path, 'was edited by hand after generation; it would be overwritten'));
    }
    files.push({ path: file.path, action: 'update', content: file.content });
  }

  for (const dir of managedDirs) {
    for (const existing of listFiles(root, dir).sort()) {
      if (wanted.has(existing)) continue;
      const header = readHeader(fs.readFileSync(path.join(root, existing), 'utf8'));
      if (header.kind === 'none') {
        conflicts.push(conflict(existing, `is not generated (no header) but sits in ${dir}/, which the generator owns; it would be deleted`));
      } else if (header.kind === 'edited') {
        conflicts.push(conflict(existing, 'is no longer generated and was edited by hand; it would be deleted'));
      }
      files.push({ path: existing, action: 'delete' });
    }
  }
  return { files, conflicts };
}

/** The files whose state on disk differs from the generated set. */
export function drift(plan: WritePlan): PlannedFile[] {
  return plan.files.filter((f) => f.action !== 'unchanged');
}
