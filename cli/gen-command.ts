// bvchart gen: generate the chart from the schema, then verify it with Helm and validate it
// across the default matrix (the project's main job).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatDiagnostics } from '../core/format-diagnostic.ts';
import { generate } from '../generator/generate.ts';
import { validateScenarios } from '../generator/verify/validate-scenarios.ts';
import { verifyChart } from '../generator/verify/verify-chart.ts';
import { folderSchemaLocations, SHARED_SCHEMAS_DIR } from '../toolchain/kubeconform.ts';
import { exitCodeFor } from '../validator/exit-code.ts';
import { summaryLine, textReport } from '../validator/report/text-report.ts';
import type { CliIO } from './cli-io.ts';
import { defaultCatalogueNotice } from './schema-notice.ts';

export const GEN_USAGE = `usage: bvchart gen [--check] [--force] [--no-verify] [--root DIR]
  --check      write nothing; list files that differ from a fresh generation; exit 1 on drift
  --force      overwrite files under chart/ that were edited by hand
  --no-verify  skip helm lint and the validation of the written chart
  --root DIR   project root (default: the current folder)
`;

export async function genCommand(args: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      check: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      'no-verify': { type: 'boolean', default: false },
      root: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const root = values.root ? path.resolve(io.cwd, values.root) : io.cwd;
  const result = await generate({ root, mode: values.check ? 'check' : 'write', force: values.force });
  if (result.diagnostics.length > 0) io.err(`${formatDiagnostics(result.diagnostics, { sources: result.texts })}\n`);
  if (values.check) {
    if (!result.ok) {
      io.err(`bvchart gen --check: ${result.changed.length} generated file(s) out of date; run \`npm run gen\` and commit the result.\n`);
      return 1;
    }
    io.out('bvchart gen --check: generated files are up to date.\n');
    return 0;
  }
  if (!result.ok) {
    const conflicts = result.diagnostics.some((d) => d.code === 'write/conflict');
    io.err(
      conflicts
        ? 'bvchart gen: stopped, nothing was written. Move hand edits into schema/ or generator/templates/, or rerun with --force to discard them.\n'
        : 'bvchart gen: stopped, nothing was written.\n',
    );
    return 1;
  }
  io.out(`bvchart gen: ${result.changed.length === 0 ? 'no changes' : result.changed.map((f) => `${f.action} ${f.path}`).join('\n  ')}\n`);
  if (values['no-verify']) return 0;

  const verified = await verifyChart(root);
  for (const line of verified.checks) io.out(`  ${line}\n`);
  if (verified.diagnostics.length > 0) {
    io.err(`${formatDiagnostics(verified.diagnostics)}\n`);
    return 1;
  }
  const offline = fs.existsSync(SHARED_SCHEMAS_DIR);
  if (!offline) io.err(defaultCatalogueNotice('bvchart gen', `no schema folder at ${SHARED_SCHEMAS_DIR} (set BVCHART_SCHEMAS_DIR)`));
  const started = Date.now();
  const report = await validateScenarios({ root, schemaLocations: offline ? folderSchemaLocations() : ['default'] });
  const code = exitCodeFor(report, 'error');
  if (code !== 0) io.err(textReport(report, { color: false }));
  io.out(`bvchart validate (${((Date.now() - started) / 1000).toFixed(1)} s): ${summaryLine(report)}\n`);
  io.out(code === 0 ? 'bvchart gen: chart generated and validated.\n' : '');
  return code;
}
