// What the user points the validator at: a chart folder, a packaged chart (.tgz), manifest
// files, folders of manifests, or `-` for standard input.
import fs from 'node:fs';
import path from 'node:path';
import { byCodeUnits } from '../core/code-unit-order.ts';

export type Input =
  | { readonly kind: 'chart'; readonly path: string }
  | { readonly kind: 'manifests'; readonly files: readonly string[] }
  | { readonly kind: 'stdin' };

export class InputError extends Error {
  override readonly name = 'InputError';
}

const MANIFEST = /\.(ya?ml|json)$/i;

function manifestsUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => byCodeUnits(a.name, b.name))) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (MANIFEST.test(entry.name)) out.push(full);
    }
  };
  walk(dir);
  return out;
}

export function resolveInput(arg: string): Input {
  if (arg === '-') return { kind: 'stdin' };
  let stat: fs.Stats;
  try {
    stat = fs.statSync(arg);
  } catch {
    throw new InputError(`${arg}: no such file or folder`);
  }
  if (stat.isDirectory()) {
    if (fs.existsSync(path.join(arg, 'Chart.yaml'))) return { kind: 'chart', path: arg };
    const files = manifestsUnder(arg);
    if (files.length === 0) throw new InputError(`${arg}: no Chart.yaml and no .yaml/.yml/.json manifests inside`);
    return { kind: 'manifests', files };
  }
  if (/\.tgz$|\.tar\.gz$/.test(arg)) return { kind: 'chart', path: arg };
  return { kind: 'manifests', files: [arg] };
}
