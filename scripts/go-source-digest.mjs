// @ts-check
// The digest of one of our Go helpers' sources (toolchain/go/<name>/: its .go files, go.mod
// and go.sum): the bootstrap caches the helper's build under `<name>-src-<digest>`, and the
// library looks the build up under the same name, so editing a source rebuilds the helper.
// Plain Node, so the bootstrap can run it before anything is installed; the library imports
// this same file (tsc copies it into dist/scripts/, see allowJs in tsconfig.json).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The first 16 hex digits of the SHA-256 over the folder's Go sources, in name order, each
 * as its file name, a NUL, then its bytes.
 * @param {string} dir the Go module's folder
 * @returns {string}
 */
export function goSourceDigest(dir) {
  const hash = createHash('sha256');
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => /\.go$|^go\.(mod|sum)$/.test(f))
    .sort()) {
    hash.update(`${file}\0`).update(fs.readFileSync(path.join(dir, file)));
  }
  return hash.digest('hex').slice(0, 16);
}
