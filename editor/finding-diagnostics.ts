// Findings as LSP diagnostics on the values buffer: each finding whose values locations
// (Finding.values) fall in the buffer's file becomes a diagnostic at that key, the range
// covering the key as written. A failed render no key of the buffer explains is put on the
// first line, so the editor still says the render failed. Pure: text in, diagnostics out.
import type { Diagnostic } from '../core/diagnostic.ts';
import type { Finding, FindingSeverity } from '../validator/finding.ts';
import type { LspDiagnostic, LspRange, LspSeverity } from './lsp-types.ts';

const SEVERITY: Readonly<Record<FindingSeverity, LspSeverity>> = { error: 1, warning: 2, info: 3 };

/** The key (or sequence item) that starts at 1-based `line`:`column` of `text`, as a 0-based range. */
export function keyRange(text: string, line: number, column: number): LspRange {
  const lines = text.split(/\r?\n/);
  const l = Math.max(0, Math.min(line - 1, lines.length - 1));
  const lineText = lines[l] ?? '';
  const start = Math.max(0, Math.min(column - 1, lineText.length));
  const rest = lineText.slice(start);
  // `key:`, `"quoted key":`, `'quoted': `; a sequence item or a scalar: to the end of the line (comments cut).
  const key = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#:][^:#]*?)\s*:(?:\s|$)/.exec(rest)?.[1];
  const length = key?.length ?? rest.replace(/\s+#.*$/, '').trimEnd().length;
  return { start: { line: l, character: start }, end: { line: l, character: start + Math.max(length, 1) } };
}

const FIRST_LINE: LspRange = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function message(f: Finding, bufferFile: string, documentFile: string): string {
  const text = f.message.split(bufferFile).join(documentFile);
  return f.resource ? `${text} (${f.resource.kind} ${f.resource.name})` : text;
}

/**
 * The diagnostics of one validation of the buffer `text`, written to `bufferFile` for the run;
 * `documentFile` is the path the user sees (used in messages). Suppressed findings are left out.
 */
export function findingDiagnostics(findings: readonly Finding[], text: string, bufferFile: string, documentFile: string): LspDiagnostic[] {
  const out: LspDiagnostic[] = [];
  const seen = new Set<string>();
  const push = (d: LspDiagnostic) => {
    const key = JSON.stringify([d.range, d.code, d.message]);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(d);
  };
  for (const f of findings) {
    if (f.suppressed) continue;
    const here = (f.values ?? []).filter((v) => v.file === bufferFile);
    const base = { severity: SEVERITY[f.severity], source: 'bvchart', code: f.ruleId, message: message(f, bufferFile, documentFile) } as const;
    for (const v of here) push({ ...base, range: keyRange(text, v.line, v.column) });
    if (here.length === 0 && f.ruleId === 'render-failed') push({ ...base, range: FIRST_LINE });
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** The buffer's YAML errors (it cannot be a values file): at their position, else the first line. */
export function yamlDiagnostics(diagnostics: readonly Diagnostic[], text: string): LspDiagnostic[] {
  return diagnostics.map((d) => ({
    range: d.position ? keyRange(text, d.position.line, d.position.column) : FIRST_LINE,
    severity: d.severity === 'error' ? 1 : 2,
    source: 'bvchart',
    code: d.code,
    message: d.message,
  }));
}
