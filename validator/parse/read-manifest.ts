// Reads one manifest file as bytes (so invalid UTF-8 is seen, not replaced). A file that
// cannot be read (a symlink to a folder, no permission) is a finding for that file, and the
// run goes on, as kubeconform does.
import fs from 'node:fs';
import type { Finding } from '../finding.ts';
import { manifestText } from './manifest-text.ts';
import type { ManifestInput } from './parse-manifests.ts';

export function readManifest(file: string): ManifestInput | Finding {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (typeof e.code !== 'string') throw error;
    const reason = e.code === 'EISDIR' ? 'it is a folder (or a link to one), not a file' : e.code === 'EACCES' ? 'permission denied' : e.message;
    return { ruleId: 'input/unreadable', severity: 'error', message: `cannot read the file: ${reason}`, file };
  }
  return { file, ...manifestText(bytes) };
}
