// bvchart explore: property-based testing of a chart's values (explore/explore.ts).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DiagnosticError } from '../core/diagnostic.ts';
import { formatDiagnostics } from '../core/format-diagnostic.ts';
import { type ApiServer, ApiServerError, openApiServer } from '../explore/api-server.ts';
import { ChartInputError } from '../explore/chart-input.ts';
import { DEFAULT_EXPLORE_KUBE_VERSIONS, explore } from '../explore/explore.ts';
import { EXPLORE_FORMATS, type ExploreFormat, formatExploreReport } from '../explore/report/format-report.ts';
import pkg from '../package.json' with { type: 'json' };
import { KubeconfigError } from '../toolchain/control-plane/kubeconfig.ts';
import type { HelmMajor } from '../toolchain/helm.ts';
import { readConfig } from '../validator/config.ts';
import { type CliIO, UsageError } from './cli-io.ts';

export const EXPLORE_USAGE = `usage: bvchart explore [options] <chart-dir | chart.tgz>

  cases from the chart's values.schema.json (boundaries of every leaf, patterns, formats,
  booleans and enums pairwise, release names of 1 and 53 characters, a 63-character namespace),
  each judged by: 1 Ajv vs Helm 3 and Helm 4's schema verdicts, 2 both Helm majors render (or stop
  in a guard naming a values key), 3 the validator (Kubernetes schemas, policy rules at error),
  4 with a cluster, the API server's dry-run

  --seed N                      seed of the case order and the drawn values (default: 1)
  --budget N                    most cases to run (default: all planned)
  --only KEY                    explore only the leaves under KEY (e.g. service); repeatable; no name cases
  --skip KEY                    leave out the leaves under KEY (a key that describes the cluster); repeatable
  --kubernetes-version V        renders and schemas; repeatable (default: ${DEFAULT_EXPLORE_KUBE_VERSIONS.join(', ')})
  --helm 3|4                    Helm major; repeatable (default: 3 and 4)
  --schema-location LOC         Kubernetes schemas (as for validate); repeatable (default: default)
  --api-versions GROUP/VERSION  API versions the renders declare; repeatable
  --config FILE                 validator config (rules disabled or suppressed, with reasons) for oracle 3
  --kubeconfig FILE             oracle 4 on that cluster (server-side dry-run; nothing is created)
  --context NAME                kubeconfig context (default: current)
  --local-control-plane         oracle 4 on the project's own control plane, started and stopped for the run
  --out DIR                     write each shrunk failing case there as a values file
  --no-shrink                   report failing cases as found
  -o, --output FORMAT           ${EXPLORE_FORMATS.join(' | ')} (default: text)

exit status: 0 clean, 1 findings, 2 usage or input error
`;

const positiveInt = (name: string, v: string | undefined, fallback?: number) => {
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v)) throw new UsageError(`${name} must be a whole number, not ${v}`);
  return Number(v);
};

export async function exploreCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      seed: { type: 'string' },
      budget: { type: 'string' },
      only: { type: 'string', multiple: true },
      skip: { type: 'string', multiple: true },
      'kubernetes-version': { type: 'string', multiple: true },
      helm: { type: 'string', multiple: true },
      'schema-location': { type: 'string', multiple: true },
      'api-versions': { type: 'string', multiple: true },
      config: { type: 'string' },
      kubeconfig: { type: 'string' },
      context: { type: 'string' },
      'local-control-plane': { type: 'boolean', default: false },
      out: { type: 'string' },
      'no-shrink': { type: 'boolean', default: false },
      output: { type: 'string', short: 'o', default: 'text' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('give one chart folder or packaged chart');
  const output = values.output as ExploreFormat;
  if (!EXPLORE_FORMATS.includes(output)) throw new UsageError(`--output must be one of ${EXPLORE_FORMATS.join(', ')}`);
  if (values.kubeconfig && values['local-control-plane']) throw new UsageError('give --kubeconfig or --local-control-plane, not both');
  const helmMajors = (values.helm ?? [])
    .flatMap((h) => h.split(','))
    .map((h) => {
      if (h !== '3' && h !== '4') throw new UsageError(`--helm must be 3 or 4, not ${h}`);
      return Number(h) as HelmMajor;
    });
  const resolve = (p: string) => path.resolve(io.cwd, p);
  const list = (v: readonly string[] | undefined) =>
    (v ?? [])
      .flatMap((x) => x.split(','))
      .map((x) => x.trim())
      .filter(Boolean);
  let validatorConfig;
  try {
    validatorConfig = values.config ? readConfig(resolve(values.config)) : undefined;
  } catch (error) {
    if (error instanceof DiagnosticError) throw new UsageError(`invalid config:\n${formatDiagnostics(error.diagnostics)}`);
    throw new UsageError(`config ${values.config}: ${(error as Error).message}`);
  }
  const seed = positiveInt('--seed', values.seed, 1) ?? 1;
  const budget = positiveInt('--budget', values.budget);
  const locations = list(values['schema-location']);

  let server: ApiServer | undefined;
  try {
    if (values.kubeconfig)
      server = await openApiServer({ kind: 'kubeconfig', file: resolve(values.kubeconfig), ...(values.context ? { context: values.context } : {}) });
    else if (values['local-control-plane']) server = await openApiServer({ kind: 'local-control-plane' });
    if (server) io.err(`bvchart explore: oracle 4 on ${server.description}\n`);
    const report = await explore({
      chart: resolve(positionals[0] ?? ''),
      seed,
      ...(budget !== undefined ? { budget } : {}),
      only: list(values.only),
      skip: list(values.skip),
      helmMajors,
      kubernetesVersions: list(values['kubernetes-version']),
      schemaLocations:
        locations.length > 0 ? locations.map((l) => (l === 'default' || /^[a-z]+:\/\//.test(l) || l.includes('{{') ? l : resolve(l))) : ['default'],
      apiVersions: list(values['api-versions']),
      ...(validatorConfig ? { validatorConfig } : {}),
      ...(server ? { dryRun: server.oracle } : {}),
      shrink: !values['no-shrink'],
      ...(values.out ? { outDir: resolve(values.out) } : {}),
    });
    io.out(formatExploreReport(report, output, pkg.version));
    return report.findings.length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof ChartInputError || error instanceof KubeconfigError || error instanceof ApiServerError) throw new UsageError(error.message);
    throw error;
  } finally {
    await server?.close();
  }
}
