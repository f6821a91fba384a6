// The bvchart command line: pick the command, run it, turn errors into exit codes.
//   bvchart gen [...]       generate the chart from the schema (cli/gen-command.ts)
//   bvchart validate [...]  render and check charts or manifests (cli/validate-command.ts)
//   bvchart schemas convert  build a schema folder from OpenAPI v2 or CRDs (cli/schemas-command.ts)
//   bvchart report merge     join JSON reports of shards into one (cli/report-command.ts)
import { type CliIO, UsageError } from './cli-io.ts';
import { GEN_USAGE, genCommand } from './gen-command.ts';
import { SCHEMAS_USAGE, schemasCommand } from './schemas-command.ts';
import { VALIDATE_USAGE, validateCommand } from './validate-command.ts';
import { REPORT_USAGE, reportCommand } from './report-command.ts';
import { EXPLORE_USAGE, exploreCommand } from './explore-command.ts';

export type { CliIO } from './cli-io.ts';

const USAGE = `usage: bvchart <command> [options]

commands:
  gen        generate chart/, schema/values.generated.ts and the values reference from schema/
  validate   render a chart across values, Kubernetes versions and Helm majors, and check it
  schemas    convert a cluster's OpenAPI v2 document or CRD manifests into a schema folder
  report     merge JSON reports of shards (validate --shard i/n) into one report
  explore    property-based testing of a chart's values: cases from its schema, four oracles

${GEN_USAGE}
${VALIDATE_USAGE}
${SCHEMAS_USAGE}
${REPORT_USAGE}
${EXPLORE_USAGE}`;

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'gen':
        return await genCommand(rest, io);
      case 'validate':
        return await validateCommand(rest, io);
      case 'schemas':
        return await schemasCommand(rest, io);
      case 'report':
        return await reportCommand(rest, io);
      case 'explore':
        return await exploreCommand(rest, io);
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
    if (e instanceof UsageError || e.code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`bvchart: ${e.message}\n(see bvchart --help)\n`);
      return 2;
    }
    io.err(`bvchart: ${e.message}\n`);
    return 1;
  }
}
