// One validation of an editor buffer: the buffer is written to a temporary file, the chart
// is validated with it as the one -f values file (one Kubernetes version, one Helm major),
// and the findings located in that file become diagnostics. A buffer that is not YAML gets
// its YAML errors instead, and a run that cannot start (no chart, a bad config) one
// diagnostic saying why: never a crash.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseSingleYamlDocument } from '../core/yaml-source.ts';
import { readConfig } from '../validator/config.ts';
import { validate } from '../validator/validate.ts';
import { chartForDocument } from './chart-for-document.ts';
import { findingDiagnostics, yamlDiagnostics } from './finding-diagnostics.ts';
import type { LspDiagnostic } from './lsp-types.ts';
import type { ServerSettings } from './server-settings.ts';

const FIRST_LINE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function problem(code: string, message: string): LspDiagnostic[] {
  return [{ range: FIRST_LINE, severity: 1, source: 'bvchart', code, message }];
}

/** The diagnostics of the values buffer `text` of the file `file`. */
export async function validateBuffer(file: string, text: string, settings: ServerSettings): Promise<LspDiagnostic[]> {
  const parsed = parseSingleYamlDocument(file, text);
  // An empty file (or comments only) is a valid override: it sets nothing.
  const errors = parsed.diagnostics.filter((d) => d.code !== 'yaml/empty');
  if (errors.length > 0) return yamlDiagnostics(errors, text);
  const chart = chartForDocument(file, text, { ...(settings.chart ? { chart: settings.chart } : {}), ...(settings.root ? { root: settings.root } : {}) });
  if (!chart) {
    return problem('lsp/no-chart', `no chart found for ${file}: none of its folders holds a Chart.yaml; set initializationOptions.chart`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-lsp-'));
  const buffer = path.join(dir, path.basename(file));
  try {
    fs.writeFileSync(buffer, text);
    const report = await validate({
      inputs: [chart],
      valuesSets: [[buffer]],
      kubernetesVersions: [settings.kubernetesVersion],
      helmMajors: [settings.helmMajor],
      schemaLocations: settings.schemaLocations,
      apiVersions: settings.apiVersions,
      ...(settings.config ? { config: readConfig(settings.config) } : {}),
      concurrency: 1,
      // Only the buffer's own keys can carry a diagnostic: search those, not the chart's defaults.
      locate: 'user-keys',
    });
    return findingDiagnostics(report.findings, text, buffer, file);
  } catch (error) {
    return problem('lsp/validation-failed', `bvchart could not validate ${file} against ${chart}: ${(error as Error).message}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
