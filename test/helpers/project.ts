// Test helpers: temporary copies of the project's inputs and outputs, and the CLI as a function.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../cli/bvchart.ts';
import { PACKAGE_ROOT } from '../../core/package-root.ts';

export const REPO = PACKAGE_ROOT;

/** A temporary project root holding a copy of schema/ and chart/. */
export function tempProject(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-test-'));
  for (const sub of ['schema', 'chart']) fs.cpSync(path.join(REPO, sub), path.join(dir, sub), { recursive: true });
  return dir;
}

/** Every file under `dir` with a digest of its content, for before/after comparisons. */
export function treeDigest(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = path.join(rel, entry.name);
      if (entry.isDirectory()) walk(child);
      else
        out[child] = createHash('sha256')
          .update(fs.readFileSync(path.join(dir, child)))
          .digest('hex');
    }
  };
  walk('');
  return out;
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCli(args: readonly string[], cwd: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { out: (t) => (stdout += t), err: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}

/** Replaces `search` with `replacement` in a project file; fails loudly if absent. */
export function editFile(root: string, file: string, search: string | RegExp, replacement: string): void {
  const full = path.join(root, file);
  const text = fs.readFileSync(full, 'utf8');
  const next = text.replace(search, replacement);
  if (next === text) throw new Error(`editFile: ${String(search)} not found in ${file}`);
  fs.writeFileSync(full, next);
}
