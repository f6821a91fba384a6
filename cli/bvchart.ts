// The bvchart command line: pick the command, run it, turn errors into exit codes.
//   bvchart gen [...]       generate the chart from the schema (cli/gen-command.ts)
//   bvchart validate [...]  render and check charts or manifests (cli/validate-command.ts)
//   bvchart schemas convert  build a schema folder from OpenAPI v2 or CRDs (cli/schemas-command.ts)
//   bvchart report merge     join JSON reports of shards into one (cli/report-command.ts)
//   bvchart release [...]   package, sign and publish the chart (cli/release-command.ts)
//   bvchart explore [...]   property-based testing of a chart's values (cli/explore-command.ts)
//   bvchart lsp             language server for values files, diagnostics only (cli/lsp-command.ts)
// Each command's module is imported only when that command runs, so `bvchart --help` (and
// every command) loads nothing it does not use: startup time is what editors and hooks feel.

import { keepYoungGenerationSmall } from '../core/young-generation.ts';
import { InternalError } from '../validator/internal-error.ts';
import { type CliIO, UsageError } from './cli-io.ts';

export type { CliIO } from './cli-io.ts';

/** What a command module provides, loaded on demand. */
interface LoadedCommand {
  readonly usage: string;
  readonly run: (args: string[], io: CliIO) => Promise<number>;
}

interface CommandEntry {
  readonly summary: string;
  readonly load: () => Promise<LoadedCommand>;
}

const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  gen: {
    summary: 'generate chart/, schema/values.generated.ts and the values reference from schema/',
    load: async () => {
      const m = await import('./gen-command.ts');
      return { usage: m.GEN_USAGE, run: m.genCommand };
    },
  },
  validate: {
    summary: 'render a chart across values, Kubernetes versions and Helm majors, and check it',
    load: async () => {
      // A batch job: V8's young generation need not grow (core/young-generation.ts).
      keepYoungGenerationSmall();
      const m = await import('./validate-command.ts');
      return { usage: m.VALIDATE_USAGE, run: m.validateCommand };
    },
  },
  schemas: {
    summary: "convert a cluster's OpenAPI v2 document or CRD manifests into a schema folder",
    load: async () => {
      const m = await import('./schemas-command.ts');
      return { usage: m.SCHEMAS_USAGE, run: m.schemasCommand };
    },
  },
  report: {
    summary: 'merge JSON reports of shards (validate --shard i/n) into one report',
    load: async () => {
      const m = await import('./report-command.ts');
      return { usage: m.REPORT_USAGE, run: m.reportCommand };
    },
  },
  explore: {
    summary: "property-based testing of a chart's values: cases from its schema, four oracles",
    load: async () => {
      const m = await import('./explore-command.ts');
      return { usage: m.EXPLORE_USAGE, run: m.exploreCommand };
    },
  },
  release: {
    summary: 'package and sign the chart, merge the repository index, push to an OCI registry',
    load: async () => {
      const m = await import('./release-command.ts');
      return { usage: m.RELEASE_USAGE, run: m.releaseCommand };
    },
  },
  lsp: {
    summary: 'language server (LSP over stdio) for values files: findings at the key, beside yaml-language-server',
    load: async () => {
      const m = await import('./lsp-command.ts');
      return { usage: m.LSP_USAGE, run: m.lspCommand };
    },
  },
};

const USAGE = `usage: bvchart <command> [options]

commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

Run \`bvchart <command> --help\` for a command's options.
`;

/** Exit code of a defect (an exception bvchart did not expect), distinct from findings (1) and usage (2). */
export const INTERNAL_ERROR_EXIT = 3;

const isHelp = (arg: string | undefined) => arg === '-h' || arg === '--help' || arg === 'help';

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || isHelp(command)) {
    io.out(USAGE);
    return command === undefined ? 2 : 0;
  }
  const entry = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!entry) {
    io.err(`bvchart: unknown command "${command}"\n${USAGE}`);
    return 2;
  }
  try {
    const loaded = await entry.load();
    if (rest.some((a) => a === '-h' || a === '--help')) {
      io.out(loaded.usage);
      return 0;
    }
    return await loaded.run(rest, io);
  } catch (error) {
    const e = error as Error & { code?: string };
    if (e instanceof UsageError || e.code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`bvchart: ${e.message}\n(see bvchart ${command} --help)\n`);
      return 2;
    }
    if (e instanceof InternalError) {
      const cause = e.cause instanceof Error ? (e.cause.stack ?? e.cause.message) : String(e.cause);
      io.err(`bvchart: internal error while validating ${e.input} (a defect in bvchart, please report it):\n${cause}\n`);
      return INTERNAL_ERROR_EXIT;
    }
    io.err(`bvchart: ${e.message}\n`);
    return 1;
  }
}
