// The `.Values` paths a chart's templates read, found by our Go helper on Go's own template
// parser (toolchain/go/template-reads/, the parser Helm uses; built by scripts/bootstrap.mjs
// into .tools/bin/). Values are followed through variables, `with`, `range`, `$` and named
// templates, so `$t := .Values.a` then `$t.typo` is a read of `a.typo`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../core/package-root.ts';
import { goSourceDigest } from '../scripts/go-source-digest.mjs';
import { toolsCache } from './locate-tool.ts';

export interface TemplateSource {
  /** The name reads and errors are reported under (the template's source path). */
  readonly name: string;
  readonly text: string;
}

export interface ValuesRead {
  readonly file: string;
  readonly line: number;
  /** Keys under `.Values`. */
  readonly path: readonly string[];
  /** True when the value is used as it is (reads everything below); false when only tested (`if`, `with`, `and`). */
  readonly whole: boolean;
}

export interface TemplateParseError {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export interface TemplateReads {
  readonly reads: readonly ValuesRead[];
  readonly errors: readonly TemplateParseError[];
}

export class TemplateReadsError extends Error {
  override readonly name = 'TemplateReadsError';
}

/** Where the bootstrap caches the build of these sources (scripts/bootstrap.mjs, ensureOwnTool). */
function cachedBuild(root: string): string | undefined {
  const dir = path.join(root, 'toolchain', 'go', 'template-reads');
  if (!fs.existsSync(dir)) return undefined;
  return path.join(toolsCache(), `template-reads-src-${goSourceDigest(dir)}`, 'template-reads');
}

export function templateReadsBinary(root: string = PACKAGE_ROOT): string {
  const linked = path.join(root, '.tools', 'bin', 'template-reads');
  // An installed package has no .tools/bin/: the build in the tools cache serves it.
  const cached = fs.existsSync(linked) ? undefined : cachedBuild(root);
  const binary = process.env.BVCHART_TEMPLATE_READS || (cached && fs.existsSync(cached) ? cached : linked);
  if (!fs.existsSync(binary)) {
    throw new TemplateReadsError(`${binary} is missing: run \`npm run bootstrap\` (it builds toolchain/go/template-reads with Go)`);
  }
  return binary;
}

/** Parses the templates together (named templates are shared, as in Helm) and lists their value reads. */
export function readTemplateValues(sources: readonly TemplateSource[], binary: string = templateReadsBinary()): TemplateReads {
  const result = spawnSync(binary, [], { input: JSON.stringify({ files: sources }), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.error || result.status !== 0) {
    throw new TemplateReadsError(`${binary} failed (${result.error?.message ?? `exit ${result.status}`}): ${result.stderr}`);
  }
  return JSON.parse(result.stdout) as TemplateReads;
}
