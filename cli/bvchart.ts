// The bvchart command line: parse arguments, call the library, print, return an exit code.
//   bvchart gen [--check] [--force] [--no-verify] [--root DIR]
import { parseArgs } from 'node:util';
import { formatDiagnostics } from '../core/format-diagnostic.ts';
import { generate } from '../generator/generate.ts';
import { verifyChart } from '../generator/verify/verify-chart.ts';

export interface CliIO {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly cwd: string;
}

const USAGE = `usage: bvchart <command> [options]

commands:
  gen     generate chart/, schema/values.generated.ts and the values reference from schema/
          --check      write nothing; list files that differ from a fresh generation; exit 1 on drift
          --force      overwrite files under chart/ that were edited by hand
          --no-verify  skip helm lint/template of the written chart
          --root DIR   project root (default: the current folder)
`;

async function genCommand(args: string[], io: CliIO): Promise<number> {
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
  const root = values.root ?? io.cwd;
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
  io.out('bvchart gen: chart generated and verified.\n');
  return 0;
}

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'gen':
        return await genCommand(rest, io);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        io.err(`bvchart: unknown command "${command}"\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    const e = error as Error & { code?: string };
    if (e.code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`bvchart: ${e.message}\n${USAGE}`);
      return 2;
    }
    io.err(`bvchart: ${e.message}\n`);
    return 1;
  }
}
