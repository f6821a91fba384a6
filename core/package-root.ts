// The folder that holds this package: the default project root of every command and tool lookup.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder that holds this package (the default project root): the parent of `core/`
 * when the TypeScript sources run (tests, a clone), or of `dist/` when the compiled package
 * runs (`dist/core/package-root.js`, e.g. under node_modules/bvchart/).
 */
export const PACKAGE_ROOT = packageRoot(path.dirname(fileURLToPath(import.meta.url)));

export function packageRoot(coreDir: string): string {
  const parent = path.resolve(coreDir, '..');
  return path.basename(parent) === 'dist' ? path.dirname(parent) : parent;
}
