// bvchart report merge: join the JSON reports of shards (or runs) into one report, printed
// in any output format, with the exit code one run over all of them would give.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pkg from '../package.json' with { type: 'json' };
import { exitCodeFor } from '../validator/exit-code.ts';
import type { FindingSeverity } from '../validator/finding.ts';
import { formatReport, OUTPUT_FORMATS, type OutputFormat } from '../validator/report/format-report.ts';
import { MergeError, mergeReports } from '../validator/report/merge-reports.ts';
import { type CliIO, UsageError } from './cli-io.ts';

export const REPORT_USAGE = `usage: bvchart report merge [options] <report.json> ...

  joins JSON reports (bvchart validate -o json, e.g. of each --shard i/n) into one report
  -o, --output FORMAT           ${OUTPUT_FORMATS.join(' | ')} (default: text)
  --summary                     text output: the summary line only
  --fail-on SEVERITY            error | warning | info: exit 1 when a finding reaches it (default: error)

exit status: as one validate run over all shards: 0 clean, 1 findings, 2 usage or input error
`;

export async function reportCommand(args: string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'merge') throw new UsageError(sub === undefined ? 'report needs a subcommand: merge' : `unknown report subcommand "${sub}" (merge)`);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    strict: true,
    options: {
      output: { type: 'string', short: 'o', default: 'text' },
      summary: { type: 'boolean', default: false },
      'fail-on': { type: 'string', default: 'error' },
    },
  });
  const output = values.output as OutputFormat;
  if (!OUTPUT_FORMATS.includes(output)) throw new UsageError(`--output must be one of ${OUTPUT_FORMATS.join(', ')}`);
  const failOn = values['fail-on'] as FindingSeverity;
  if (!['error', 'warning', 'info'].includes(failOn)) throw new UsageError('--fail-on must be error, warning or info');
  if (positionals.length === 0) throw new UsageError('give the JSON reports to merge');
  const files = positionals.map((p) => {
    const file = path.resolve(io.cwd, p);
    try {
      return { file: p, text: fs.readFileSync(file, 'utf8') };
    } catch (error) {
      throw new UsageError(`${p}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
    }
  });
  let report;
  try {
    report = mergeReports(files);
  } catch (error) {
    if (error instanceof MergeError) throw new UsageError(error.message);
    throw error;
  }
  io.out(await formatReport(report, output, { color: Boolean(io.isTTY) && output === 'text', summaryOnly: values.summary, version: pkg.version }));
  return exitCodeFor(report, failOn);
}
