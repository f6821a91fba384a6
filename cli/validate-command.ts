// bvchart validate: render and check a chart (or check manifests) and print a report.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DiagnosticError } from '../core/diagnostic.ts';
import { formatDiagnostics } from '../core/format-diagnostic.ts';
import type { HelmMajor } from '../toolchain/helm.ts';
import { KUBE_VERSIONS, NEWEST_KUBE_VERSION } from '../toolchain/kube-versions.ts';
import { flowOptionsFrom, readConfig } from '../validator/config.ts';
import { exitCodeFor } from '../validator/exit-code.ts';
import type { FindingSeverity } from '../validator/finding.ts';
import { FlowSpecError, parseFlowSpec } from '../validator/flows/flow-options.ts';
import { InputError, resolveInput } from '../validator/inputs.ts';
import { InternalError } from '../validator/internal-error.ts';
import { parseRuleSets, RULE_SET_NAMES, RuleSetError } from '../validator/policy/rule-set-names.ts';
import { formatReport, OUTPUT_FORMATS, type OutputFormat } from '../validator/report/format-report.ts';
import { checkLocation, isKubernetesVersion } from '../validator/schemas/schema-location.ts';
import { validate } from '../validator/validate.ts';
import { parseShard, ShardSyntaxError } from '../validator/work-plan.ts';
import { type CliIO, UsageError } from './cli-io.ts';
import { packageVersion } from './package-version.ts';
import { defaultCatalogueNotice } from './schema-notice.ts';

export const VALIDATE_USAGE = `usage: bvchart validate [options] <chart-dir | chart.tgz | manifest file | folder | -> ...

  -f, --values FILE[,FILE]      a values scenario (files layered left to right); repeat for more scenarios
  --kubernetes-version V        Kubernetes version to check against; repeatable or comma separated
                                (default for charts: ${KUBE_VERSIONS[0]}–${NEWEST_KUBE_VERSION}; for manifests: ${NEWEST_KUBE_VERSION})
  --helm 3|4                    Helm major to render with; repeatable (default: 3 and 4)
  --schema-location LOC         folder or URL template (kubeconform variables); repeatable (default: default)
  --strict / --no-strict        reject unknown fields and duplicate keys (default: strict;
                                --no-strict: duplicate keys are warnings, the last value wins)
  --ignore-missing-schemas      skip kinds without a schema instead of reporting them
  --api-versions GROUP/VERSION  API versions the render declares (e.g. monitoring.coreos.com/v1); repeatable
  --release-name NAME           release name for the render (default: release)
  --namespace NS                namespace for the render (default: default)
  --upgrade-from PATH           the installed release (chart or manifests): flag changes helm upgrade cannot apply
  --upgrade-values FILE         values of the installed release (default: each scenario's own); repeatable
  --rules SET[,SET]             rule sets: ${RULE_SET_NAMES.join(', ')} (default: the chart's ${'`'}bvchart.dev/rules${'`'}
                                annotation, else schema,hardening; for manifests: schema, as kubeconform)
  --config FILE                 rule sets, disabled rules, suppressions and the flow stage's settings (YAML)
  --ingress-namespace NS        namespace of the ingress controller, source of Ingress flows (default: ingress-nginx)
  --monitoring-namespace NS     namespace of Prometheus, source of scrape flows (default: monitoring)
  --flow FROM->TO:PORT[/PROTO]  a flow the workloads need, e.g. StatefulSet/app->10.0.0.0/8:5432/TCP; repeatable
  -o, --output FORMAT           ${OUTPUT_FORMATS.join(' | ')} (default: text)
  --summary                     text output: the summary line only
  --fail-on SEVERITY            error | warning | info: exit 1 when a finding reaches it (default: error)
  -n, --workers N               worker threads checking files or renders in parallel (default: 1)
  --shard I/N                   check only the I-th of N deterministic slices of the work (files, or the
                                render matrix); join the JSON reports with \`bvchart report merge\`
  --no-locate                   do not trace findings of chart renders to their values keys and template
                                lines (locating re-renders, only when a render has findings)

exit status: 0 clean, 1 findings at --fail-on or above, 2 usage or input error, 3 internal error
`;

const list = (values: readonly string[] | undefined) =>
  (values ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);

export async function validateCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      values: { type: 'string', short: 'f', multiple: true },
      'kubernetes-version': { type: 'string', multiple: true },
      helm: { type: 'string', multiple: true },
      'schema-location': { type: 'string', multiple: true },
      strict: { type: 'boolean', default: true },
      'no-strict': { type: 'boolean', default: false },
      'ignore-missing-schemas': { type: 'boolean', default: false },
      'api-versions': { type: 'string', multiple: true },
      'release-name': { type: 'string' },
      namespace: { type: 'string' },
      'upgrade-from': { type: 'string' },
      'upgrade-values': { type: 'string', multiple: true },
      config: { type: 'string' },
      'ingress-namespace': { type: 'string' },
      'monitoring-namespace': { type: 'string' },
      flow: { type: 'string', multiple: true },
      rules: { type: 'string', multiple: true },
      output: { type: 'string', short: 'o', default: 'text' },
      summary: { type: 'boolean', default: false },
      'fail-on': { type: 'string', default: 'error' },
      workers: { type: 'string', short: 'n', default: '1' },
      shard: { type: 'string' },
      'no-locate': { type: 'boolean', default: false },
    },
  });
  if (positionals.length === 0) throw new UsageError('give a chart folder, a packaged chart, manifests or -');
  const output = values.output as OutputFormat;
  if (!OUTPUT_FORMATS.includes(output)) throw new UsageError(`--output must be one of ${OUTPUT_FORMATS.join(', ')}`);
  const failOn = values['fail-on'] as FindingSeverity;
  if (!['error', 'warning', 'info'].includes(failOn)) throw new UsageError('--fail-on must be error, warning or info');
  const helmMajors = list(values.helm).map((h) => {
    if (h !== '3' && h !== '4') throw new UsageError(`--helm must be 3 or 4, not ${h}`);
    return Number(h) as HelmMajor;
  });
  const workers = Number(values.workers);
  if (!Number.isInteger(workers) || workers < 1) throw new UsageError(`--workers must be a whole number of at least 1, not ${values.workers}`);
  let shard;
  try {
    shard = values.shard !== undefined ? parseShard(values.shard) : undefined;
  } catch (error) {
    if (error instanceof ShardSyntaxError) throw new UsageError(error.message);
    throw error;
  }
  const resolve = (p: string) => (p === '-' || /^[a-z]+:\/\//.test(p) ? p : path.resolve(io.cwd, p));
  const inputs = positionals.map(resolve);
  try {
    inputs.forEach(resolveInput);
  } catch (error) {
    if (error instanceof InputError) throw new UsageError(error.message);
    throw error;
  }
  const valuesSets = (values.values ?? []).map((v) => v.split(',').map((f) => resolve(f.trim())));
  for (const file of valuesSets.flat()) if (!fs.existsSync(file)) throw new UsageError(`values file ${file} does not exist`);
  const onlyManifests = inputs.every((i) => resolveInput(i).kind !== 'chart');
  const kubernetesVersions = list(values['kubernetes-version']);
  for (const v of kubernetesVersions) {
    if (!isKubernetesVersion(v)) throw new UsageError(`--kubernetes-version: "${v}" is not a Kubernetes version (expected e.g. 1.33 or 1.33.0)`);
  }
  for (const location of list(values['schema-location'])) {
    try {
      checkLocation(location);
    } catch (error) {
      throw new UsageError(`--schema-location: ${(error as Error).message}`);
    }
  }
  let config;
  try {
    config = values.config ? readConfig(resolve(values.config)) : undefined;
  } catch (error) {
    if (error instanceof DiagnosticError) throw new UsageError(`invalid config:\n${formatDiagnostics(error.diagnostics)}`);
    throw new UsageError(`config ${values.config}: ${(error as Error).message}`);
  }
  let flows;
  try {
    const declared = (values.flow ?? []).map(parseFlowSpec);
    const ingressController = values['ingress-namespace'] ? { namespace: values['ingress-namespace'] } : undefined;
    const monitoring = values['monitoring-namespace'] ? { namespace: values['monitoring-namespace'] } : undefined;
    flows = flowOptionsFrom({ ...(ingressController ? { ingressController } : {}), ...(monitoring ? { monitoring } : {}), declared }, config?.flows);
  } catch (error) {
    if (error instanceof FlowSpecError) throw new UsageError(error.message);
    throw error;
  }
  let ruleSets;
  try {
    ruleSets = values.rules ? parseRuleSets(values.rules, '--rules') : config?.rules;
  } catch (error) {
    if (error instanceof RuleSetError) throw new UsageError(error.message);
    throw error;
  }
  const schemaLocations = list(values['schema-location']);
  if (schemaLocations.length === 0) io.err(defaultCatalogueNotice('bvchart validate', 'no --schema-location given'));
  const report = await validate({
    flows,
    ...(ruleSets ? { ruleSets } : {}),
    inputs,
    valuesSets,
    kubernetesVersions: kubernetesVersions.length > 0 ? kubernetesVersions : onlyManifests ? [NEWEST_KUBE_VERSION] : [...KUBE_VERSIONS],
    helmMajors,
    schemaLocations:
      list(values['schema-location']).length > 0
        ? (values['schema-location'] ?? []).map((l) => (l === 'default' || /^[a-z]+:\/\//.test(l) || l.includes('{{') ? l : resolve(l)))
        : ['default'],
    strict: values.strict && !values['no-strict'],
    ignoreMissingSchemas: values['ignore-missing-schemas'],
    apiVersions: list(values['api-versions']),
    ...(values['release-name'] ? { releaseName: values['release-name'] } : {}),
    ...(values.namespace ? { namespace: values.namespace } : {}),
    ...(values['upgrade-from'] ? { upgradeFrom: resolve(values['upgrade-from']) } : {}),
    ...(values['upgrade-values'] ? { upgradeValues: values['upgrade-values'].map(resolve) } : {}),
    ...(config ? { config } : {}),
    ...(io.stdin ? { stdin: io.stdin } : {}),
    workers,
    ...(shard ? { shard } : {}),
    ...(values['no-locate'] ? { locate: false } : {}),
  }).catch((error: unknown) => {
    if (error instanceof InternalError || error instanceof UsageError) throw error;
    if (error instanceof RuleSetError) throw new UsageError(error.message);
    throw new InternalError(inputs.join(', '), error);
  });
  io.out(await formatReport(report, output, { color: Boolean(io.isTTY) && output === 'text', summaryOnly: values.summary, version: packageVersion() }));
  return exitCodeFor(report, failOn);
}
