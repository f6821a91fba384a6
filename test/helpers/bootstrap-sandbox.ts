// A temporary copy of the project holding what the bootstrap reads (scripts, the Go helper
// sources, package-lock.json), with npm dependencies marked as installed so the bootstrap goes
// straight to the tools, and a stub `go` on a bin folder of its own (no network). The tests of
// the tools cache (cache-lock, go-source-digest) run the real bootstrap in it.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO } from './project.ts';

export interface BootstrapSandbox {
  readonly root: string;
  /** The folder holding the stub `go`, to put first on PATH. */
  readonly bin: string;
}

export function bootstrapSandbox(prefix: string, files: readonly string[], stubGo: string): BootstrapSandbox {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.copyFileSync(path.join(REPO, file), path.join(root, file));
  }
  fs.cpSync(path.join(REPO, 'toolchain', 'go'), path.join(root, 'toolchain', 'go'), { recursive: true });
  fs.mkdirSync(path.join(root, 'node_modules'));
  const lockDigest = createHash('sha256')
    .update(fs.readFileSync(path.join(root, 'package-lock.json')))
    .digest('hex');
  fs.writeFileSync(path.join(root, 'node_modules', '.bvchart-lock.sha256'), `${lockDigest}\n`);
  const bin = path.join(root, 'stub-bin');
  fs.mkdirSync(bin);
  fs.writeFileSync(path.join(bin, 'go'), stubGo, { mode: 0o755 });
  return { root, bin };
}
