// One work item through the pipeline: render → parse → schema-check → policy → suppress
// (→ upgrade safety). Manifests are read file by file and documents checked as they are cut,
// so a process holds one file's text at a time; resources are kept only when policy rules
// (which look across objects) or the upgrade comparison need them. The result is plain data
// (findings and counts), so it crosses worker threads and shards unchanged.
import fs from 'node:fs';
import path from 'node:path';
import { Helm, type HelmMajor } from '../toolchain/helm.ts';
import type { ValidatorConfig } from './config.ts';
import type { Finding, Scenario } from './finding.ts';
import { flowAnalysisFor } from './flows/flow-analysis-of.ts';
import type { FlowOptions } from './flows/flow-options.ts';
import { flowTable, type FlowTable } from './flows/format-flows.ts';
import { resolveInput } from './inputs.ts';
import { parseManifests, type ManifestInput } from './parse/parse-manifests.ts';
import type { Resource } from './parse/resource.ts';
import { runPolicies } from './policy/run-policies.ts';
import { applySuppressions } from './policy/suppression.ts';
import { renderChart, type RenderRequest } from './render/render-chart.ts';
import { checkResource, verdictFindings, type SchemaStatus } from './schemas/check-schemas.ts';
import { SchemaRegistry } from './schemas/schema-registry.ts';
import { compareReleases } from './upgrade/compare-releases.ts';
import type { WorkItem } from './work-plan.ts';

/** What checking an item needs besides the item: plain data, so a worker thread gets a copy. */
export interface CheckSettings {
  readonly schemaLocations: readonly string[];
  readonly strict: boolean;
  readonly ignoreMissingSchemas: boolean;
  readonly policies: boolean;
  readonly config: ValidatorConfig;
  readonly upgradeFrom?: string;
  readonly upgradeValues?: readonly string[];
  readonly namespace?: string;
  /** The cluster around a render for the flow stage. */
  readonly flows: FlowOptions;
}

export interface ItemResult {
  readonly findings: readonly Finding[];
  /** The render or manifest set checked; absent when the render failed. */
  readonly scenario?: Scenario;
  readonly resources: number;
  readonly schema: Readonly<Record<SchemaStatus, number>>;
  /** The render's flow table, when policy rules ran. */
  readonly flows?: FlowTable;
}

/** Per-process state shared by the items a process (or worker) checks: Helm runners, schema registries. */
export class CheckContext {
  private readonly helms = new Map<HelmMajor, Helm>();
  private readonly registries = new Map<string, SchemaRegistry>();

  constructor(readonly settings: CheckSettings) {}

  helmsFor(major: HelmMajor): Map<HelmMajor, Helm> {
    if (!this.helms.has(major)) this.helms.set(major, new Helm(major));
    return this.helms;
  }

  registry(kubeVersion: string): SchemaRegistry {
    let registry = this.registries.get(kubeVersion);
    if (!registry) {
      registry = new SchemaRegistry({ kubernetesVersion: kubeVersion, schemaLocations: this.settings.schemaLocations, strict: this.settings.strict });
      this.registries.set(kubeVersion, registry);
    }
    return registry;
  }
}

/** Maps Helm's `# Source: <chart>/templates/x.yaml` to the template's path as given. */
function sourceMapper(chartArg: string): (file: string) => string {
  const isFolder = fs.existsSync(chartArg) && fs.statSync(chartArg).isDirectory();
  return (file) => {
    const m = /^[^/]+\/(templates\/.+|charts\/.+)$/.exec(file);
    return m && isFolder ? path.join(chartArg, m[1] ?? '') : file;
  };
}

interface Stream {
  readonly scenario: Scenario;
  /** Yields the manifests one at a time (a file is read when its turn comes). */
  readonly manifests: () => Iterable<ManifestInput>;
  readonly namespace?: string;
  readonly mapSource?: (file: string) => string;
  readonly previous?: readonly ManifestInput[];
}

function* readFiles(files: readonly string[]): Iterable<ManifestInput> {
  for (const file of files) yield { file, text: fs.readFileSync(file, 'utf8') };
}

/** A render as a stream, or the render's failure; `findings` carries a failed render of the installed release. */
async function renderStream(request: RenderRequest, context: CheckContext): Promise<{ stream?: Stream; findings: Finding[] }> {
  const settings = context.settings;
  const helms = context.helmsFor(request.helmMajor);
  const outcome = await renderChart(request, helms);
  if (!outcome.ok) return { findings: [outcome.finding] };
  const findings: Finding[] = [];
  let previous: ManifestInput[] | undefined;
  if (settings.upgradeFrom) {
    const fromInput = resolveInput(settings.upgradeFrom);
    if (fromInput.kind !== 'chart') {
      previous = [...readFiles(fromInput.kind === 'manifests' ? fromInput.files : [])];
    } else {
      const before = await renderChart({ ...request, chart: fromInput.path, valuesFiles: settings.upgradeValues ?? request.valuesFiles }, helms);
      if (before.ok) previous = [{ file: 'installed', text: before.manifests }];
      else findings.push({ ...before.finding, message: `rendering the installed release: ${before.finding.message}` });
    }
  }
  const stream: Stream = {
    scenario: outcome.scenario,
    manifests: () => [{ file: request.chart, text: outcome.manifests }],
    namespace: request.namespace,
    mapSource: sourceMapper(request.chart),
    ...(previous ? { previous } : {}),
  };
  return { stream, findings };
}

function streamOf(item: Exclude<WorkItem, { kind: 'render' }>): Stream {
  const scenario: Scenario = { values: '(manifests)', kubeVersion: item.kubeVersion };
  if (item.kind === 'stdin') return { scenario, manifests: () => [{ file: 'stdin', text: item.text }] };
  return { scenario, manifests: () => readFiles(item.files) };
}

async function checkStream(stream: Stream, context: CheckContext, findings: Finding[]): Promise<ItemResult> {
  const settings = context.settings;
  const mapSource = stream.mapSource ?? ((f: string) => f);
  const parseOptions = stream.namespace !== undefined ? { defaultNamespace: stream.namespace } : {};
  const registry = context.registry(stream.scenario.kubeVersion);
  const schema: Record<SchemaStatus, number> = { valid: 0, invalid: 0, error: 0, skipped: 0 };
  const keep = settings.policies || stream.previous !== undefined;
  const kept: Resource[] = [];
  let resources = 0;
  for (const manifest of stream.manifests()) {
    const parsed = parseManifests(manifest, stream.scenario, parseOptions);
    for (const f of parsed.findings) findings.push(f.file ? { ...f, file: mapSource(f.file) } : f);
    for (const parsedResource of parsed.resources) {
      const resource = { ...parsedResource, file: mapSource(parsedResource.file) };
      resources += 1;
      const verdict = await checkResource(registry, resource, settings.ignoreMissingSchemas);
      schema[verdict.status] += 1;
      findings.push(...verdictFindings(verdict, stream.scenario));
      if (keep) kept.push(resource);
    }
  }
  let flows: FlowTable | undefined;
  if (settings.policies) {
    const policySettings = { flows: settings.flows, defaultNamespace: stream.namespace ?? 'default' };
    const policy = runPolicies(kept, stream.scenario, { disabled: settings.config.disabledRules, settings: policySettings });
    findings.push(...applySuppressions(policy.findings, policy.resourceOf, settings.config.suppressions));
    flows = flowTable(flowAnalysisFor(kept, policySettings.flows, policySettings.defaultNamespace));
  }
  if (stream.previous) {
    const before = stream.previous.flatMap((m) => parseManifests(m, undefined, parseOptions).resources);
    findings.push(...compareReleases(before, kept).map((f) => ({ ...f, scenario: stream.scenario })));
  }
  return { findings, scenario: stream.scenario, resources, schema, ...(flows ? { flows } : {}) };
}

export async function checkItem(item: WorkItem, context: CheckContext): Promise<ItemResult> {
  if (item.kind !== 'render') return checkStream(streamOf(item), context, []);
  const rendered = await renderStream(item.request, context);
  if (!rendered.stream) return { findings: rendered.findings, resources: 0, schema: { valid: 0, invalid: 0, error: 0, skipped: 0 } };
  return checkStream(rendered.stream, context, rendered.findings);
}
