// Finds the pinned external tools: the project's .tools/bin/ (filled by
// scripts/bootstrap.mjs), then PATH, for users who bring their own, then the per-user cache
// the bootstrap builds into (so an installed package finds tools a clone built). A tool on
// PATH is taken only at the pinned version, the rule the bootstrap follows (its `onPath`).
// A missing tool is an error that says how to get it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bvchartCacheDir } from '../core/cache-dir.ts';
import { PACKAGE_ROOT } from '../core/package-root.ts';
import { goSourceDigest } from '../scripts/go-source-digest.mjs';
import pins from './tools.json' with { type: 'json' };

export type ToolName = 'helm3' | 'helm4' | 'kubeconform' | 'kube-score' | 'netpol-oracle' | 'yaml-decode';

export interface ToolPin {
  readonly name: ToolName;
  readonly module: string;
  /** Absent for tools built from our own sources (`source`): the bootstrap versions them by digest. */
  readonly version?: string;
  /** A folder of ours holding the tool's Go module (built with `go build`, not `go install`). */
  readonly source?: string;
  readonly ldflags: readonly string[];
  readonly versionArgs: readonly string[];
  /** The whole `versionArgs` output when the tool prints more than its version. */
  readonly versionOutput?: string;
}

export const TOOL_PINS: readonly ToolPin[] = pins.tools as ToolPin[];

export class ToolMissingError extends Error {
  constructor(readonly tool: ToolName) {
    const pin = TOOL_PINS.find((p) => p.name === tool);
    super(
      `${tool} not found in .tools/bin/, on PATH at the pinned version or in ${toolsCache()}. Run \`node ${path.join(PACKAGE_ROOT, 'scripts', 'bootstrap.mjs')}\` (needs Go)` +
        (pin?.source
          ? `: it builds ${tool} from ${pin.source}.`
          : `, or install it yourself: go install -ldflags '${pin?.ldflags.join(' ') ?? ''}' ${pin?.module ?? tool}@${pin?.version ?? 'latest'} and put the binary on PATH as ${tool}.`),
    );
    this.name = 'ToolMissingError';
  }
}

/**
 * The bootstrap's build cache: $BVCHART_TOOLS_CACHE, else <cache root>/bvchart/tools (core/cache-dir.ts).
 * The same rule as `toolsCacheRoot` in scripts/cache-lock.mjs, which the bootstrap runs in plain Node before
 * this library is compiled; test/core/cache-dir.test.ts holds the two to the same answers.
 */
export function toolsCache(): string {
  if (process.env.BVCHART_TOOLS_CACHE) return path.resolve(process.env.BVCHART_TOOLS_CACHE);
  return bvchartCacheDir('tools');
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The version the bootstrap pins a tool at: tools.json's, or for a tool built from our own
 * sources with none, `src-` and the digest of those sources (scripts/bootstrap.mjs, fromSource).
 */
function pinnedVersion(pin: ToolPin, projectRoot: string): string | undefined {
  if (pin.version !== undefined || pin.source === undefined) return pin.version;
  const dir = path.join(projectRoot, pin.source);
  return fs.existsSync(dir) ? `src-${goSourceDigest(dir)}` : undefined;
}

const versionChecked = new Map<string, boolean>();

/** True when `binary` reports the pinned version (as the bootstrap's isPinned checks it); remembered per binary. */
function reportsPinned(binary: string, pin: ToolPin, version: string): boolean {
  const key = `${binary}\0${version}`;
  const known = versionChecked.get(key);
  if (known !== undefined) return known;
  const result = spawnSync(binary, pin.versionArgs, { encoding: 'utf8', timeout: 30_000 });
  const ok = !result.error && result.status === 0 && `${result.stdout}${result.stderr}`.trim() === (pin.versionOutput ?? version);
  versionChecked.set(key, ok);
  return ok;
}

export function locateTool(tool: ToolName, projectRoot: string = PACKAGE_ROOT): string {
  const override = process.env[`BVCHART_${tool.toUpperCase()}`];
  if (override && isExecutable(override)) return override;
  const local = path.join(projectRoot, '.tools', 'bin', tool);
  if (isExecutable(local)) return local;
  const pin = TOOL_PINS.find((p) => p.name === tool);
  const version = pin ? pinnedVersion(pin, projectRoot) : undefined;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = dir ? path.join(dir, tool) : '';
    if (candidate && pin && version && isExecutable(candidate) && reportsPinned(candidate, pin, version)) return candidate;
  }
  const cached = version ? path.join(toolsCache(), `${tool}-${version}`, tool) : '';
  if (cached && isExecutable(cached)) return cached;
  throw new ToolMissingError(tool);
}
