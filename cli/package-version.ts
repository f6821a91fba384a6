// The version of the installed bvchart package (SARIF reports name it), read from its
// package.json at run time: importing the JSON would copy package.json into dist/.
import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../core/package-root.ts';

export function packageVersion(root: string = PACKAGE_ROOT): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}
