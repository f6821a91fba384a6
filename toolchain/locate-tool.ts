// Finds the pinned external tools: the project's .tools/bin/ (filled by
// scripts/bootstrap.mjs), then PATH, for users who bring their own. A missing tool is an
// error that says how to get it.
import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../generator/layout.ts';
import pins from './tools.json' with { type: 'json' };

export type ToolName = 'helm3' | 'helm4' | 'kubeconform' | 'kube-score' | 'netpol-oracle';

export interface ToolPin {
  readonly name: ToolName;
  readonly module: string;
  readonly version: string;
  readonly ldflags: readonly string[];
  readonly versionArgs: readonly string[];
  /** The whole `versionArgs` output when the tool prints more than its version. */
  readonly versionOutput?: string;
  /** Our own Go program's folder in the repository, built with `go build` (else `go install module@version`). */
  readonly source?: string;
}

export const TOOL_PINS: readonly ToolPin[] = pins.tools as ToolPin[];

export class ToolMissingError extends Error {
  constructor(readonly tool: ToolName) {
    const pin = TOOL_PINS.find((p) => p.name === tool);
    super(
      `${tool} not found in .tools/bin/ or on PATH. Run \`npm run bootstrap\` (needs Go), or install it yourself: ` +
        (pin?.source
          ? `(cd ${pin.source} && go build -o ${tool} .) `
          : `go install -ldflags '${pin?.ldflags.join(' ') ?? ''}' ${pin?.module ?? tool}@${pin?.version ?? 'latest'} `) +
        `and put the binary on PATH as ${tool}.`,
    );
    this.name = 'ToolMissingError';
  }
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

export function locateTool(tool: ToolName, projectRoot: string = PACKAGE_ROOT): string {
  const override = process.env[`BVCHART_${tool.toUpperCase()}`];
  if (override && isExecutable(override)) return override;
  const local = path.join(projectRoot, '.tools', 'bin', tool);
  if (isExecutable(local)) return local;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = dir ? path.join(dir, tool) : '';
    if (candidate && isExecutable(candidate)) return candidate;
  }
  throw new ToolMissingError(tool);
}
