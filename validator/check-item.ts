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
import type { FlowOptions } from './flows/flow-options.ts';
import type { FlowTable } from './flows/format-flows.ts';
import { resolveInput } from './inputs.ts';
import { blameInput, InternalError } from './internal-error.ts';
import type { FindingLocator, LocateScope } from './locate/locate-findings.ts';
import { worthLocating } from './locate/worth-locating.ts';
import { manifestText } from './parse/manifest-text.ts';
import { type ManifestInput, parseManifestDocuments, parseManifests } from './parse/parse-manifests.ts';
import { readManifest } from './parse/read-manifest.ts';
import type { Resource } from './parse/resource.ts';
import { chartRuleSets, DEFAULT_CHART_SETS, DEFAULT_MANIFEST_SETS, type RuleSetName } from './policy/rule-set-names.ts';
import { type RenderRequest, renderChart } from './render/render-chart.ts';
import { checkResource, type SchemaStatus, verdictFindings } from './schemas/check-schemas.ts';
import { SchemaRegistry } from './schemas/schema-registry.ts';
import type { WorkItem } from './work-plan.ts';

/** What checking an item needs besides the item: plain data, so a worker thread gets a copy. */
export interface CheckSettings {
  readonly schemaLocations: readonly string[];
  readonly strict: boolean;
  readonly ignoreMissingSchemas: boolean;
  /** --rules or the config's; absent: the chart's annotation, else the defaults (rule-sets.ts). */
  readonly ruleSets?: readonly RuleSetName[];
  readonly config: ValidatorConfig;
  readonly upgradeFrom?: string;
  readonly upgradeValues?: readonly string[];
  readonly namespace?: string;
  /** The cluster around a render for the flow stage. */
  readonly flows: FlowOptions;
  /** Locate findings of chart renders at their values keys (validator/locate/); default on (`true`: every key; `user-keys`: the -f files' keys only). */
  readonly locate?: boolean | LocateScope;
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
  private findingLocator: FindingLocator | undefined;

  constructor(readonly settings: CheckSettings) {}

  helmsFor(major: HelmMajor): Map<HelmMajor, Helm> {
    if (!this.helms.has(major)) this.helms.set(major, new Helm(major));
    return this.helms;
  }

  /** The values-key locator, loaded on first use (only chart renders with findings need it). */
  async locator(): Promise<FindingLocator> {
    if (!this.findingLocator) {
      const { FindingLocator } = await import('./locate/locate-findings.ts');
      this.findingLocator = new FindingLocator();
    }
    return this.findingLocator;
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
  readonly ruleSets: readonly RuleSetName[];
  /** Unreadable files, reported and passed over (as kubeconform does). */
  readonly unreadable?: Finding[];
}

function* readFiles(files: readonly string[], unreadable: Finding[]): Iterable<ManifestInput> {
  for (const file of files) {
    const read = blameInput(file, () => readManifest(file));
    if ('ruleId' in read) unreadable.push(read);
    else yield read;
  }
}

/** A chart folder's sets (its Chart.yaml annotation), else the defaults for charts. */
function chartSets(chart: string, settings: CheckSettings): readonly RuleSetName[] {
  if (settings.ruleSets) return settings.ruleSets;
  const isFolder = fs.existsSync(chart) && fs.statSync(chart).isDirectory();
  return (isFolder ? chartRuleSets(chart) : undefined) ?? DEFAULT_CHART_SETS;
}

/** A render as a stream, or the render's failure; `findings` carries a failed render of the installed release. */
async function renderStream(request: RenderRequest, context: CheckContext): Promise<{ stream?: Stream; findings: Finding[]; manifests?: string }> {
  const settings = context.settings;
  const helms = context.helmsFor(request.helmMajor);
  const outcome = await renderChart(request, helms);
  if (!outcome.ok) return { findings: [...outcome.findings] };
  const findings: Finding[] = [];
  let previous: ManifestInput[] | undefined;
  if (settings.upgradeFrom) {
    const fromInput = resolveInput(settings.upgradeFrom);
    if (fromInput.kind !== 'chart') {
      previous = [...readFiles(fromInput.kind === 'manifests' ? fromInput.files : [], [])];
    } else {
      const before = await renderChart({ ...request, chart: fromInput.path, valuesFiles: settings.upgradeValues ?? request.valuesFiles }, helms);
      if (before.ok) previous = [{ file: 'installed', text: before.manifests }];
      else findings.push(...before.findings.map((f) => ({ ...f, message: `rendering the installed release: ${f.message}` })));
    }
  }
  const stream: Stream = {
    scenario: outcome.scenario,
    manifests: () => [{ file: request.chart, text: outcome.manifests }],
    namespace: request.namespace,
    mapSource: sourceMapper(request.chart),
    ruleSets: chartSets(request.chart, settings),
    ...(previous ? { previous } : {}),
  };
  return { stream, findings, manifests: outcome.manifests };
}

function streamOf(item: Exclude<WorkItem, { kind: 'render' }>, settings: CheckSettings): Stream {
  const scenario: Scenario = { values: '(manifests)', kubeVersion: item.kubeVersion };
  const ruleSets = settings.ruleSets ?? DEFAULT_MANIFEST_SETS;
  // Standard input is read as a file is: bytes, so invalid UTF-8 is reported at its line.
  if (item.kind === 'stdin')
    return { scenario, ruleSets, manifests: () => [{ file: 'stdin', ...(typeof item.input === 'string' ? { text: item.input } : manifestText(item.input)) }] };
  const unreadable: Finding[] = [];
  return { scenario, ruleSets, unreadable, manifests: () => readFiles(item.files, unreadable) };
}

async function checkStream(stream: Stream, context: CheckContext, findings: Finding[]): Promise<ItemResult> {
  const settings = context.settings;
  const mapSource = stream.mapSource ?? ((f: string) => f);
  const namespaceOption = stream.namespace !== undefined ? { defaultNamespace: stream.namespace } : {};
  // Renders name the template (`# Source:`); manifest files name the file read, the template as context.
  const parseOptions = { ...namespaceOption, naming: stream.mapSource ? ('template' as const) : ('file' as const), strict: settings.strict };
  const policies = stream.ruleSets.some((set) => set !== 'schema');
  const registry = context.registry(stream.scenario.kubeVersion);
  const schema: Record<SchemaStatus, number> = { valid: 0, invalid: 0, error: 0, skipped: 0 };
  const keep = policies || stream.previous !== undefined;
  const kept: Resource[] = [];
  let resources = 0;
  for (const manifest of stream.manifests()) {
    for (const parsed of parseManifestDocuments(manifest, stream.scenario, parseOptions)) {
      for (const f of parsed.findings) findings.push(f.file ? { ...f, file: mapSource(f.file) } : f);
      for (const parsedResource of parsed.resources) {
        const resource = { ...parsedResource, file: mapSource(parsedResource.file) };
        resources += 1;
        const verdict = await checkResource(registry, resource, settings.ignoreMissingSchemas);
        schema[verdict.status] += 1;
        const source = stream.mapSource ? undefined : /^Source: (\S+)/.exec(resource.document.comment ?? '')?.[1];
        findings.push(...verdictFindings(verdict, stream.scenario).map((f) => (source ? { ...f, source } : f)));
        if (keep) kept.push(resource);
      }
    }
  }
  findings.push(...(stream.unreadable ?? []));
  let flows: FlowTable | undefined;
  if (policies) {
    // Loaded only now: a schema-only run loads no policy rule (policy-stage.ts).
    const { policyStage } = await import('./policy/policy-stage.ts');
    const stage = policyStage(kept, stream.scenario, {
      ruleSets: stream.ruleSets,
      disabledRules: settings.config.disabledRules,
      suppressions: settings.config.suppressions,
      flows: settings.flows,
      defaultNamespace: stream.namespace ?? 'default',
    });
    findings.push(...stage.findings);
    flows = stage.flows;
  }
  if (stream.previous) {
    const { compareReleases } = await import('./upgrade/compare-releases.ts');
    const before = stream.previous.flatMap((m) => parseManifests(m, undefined, namespaceOption).resources);
    findings.push(...compareReleases(before, kept).map((f) => ({ ...f, scenario: stream.scenario })));
  }
  return { findings, scenario: stream.scenario, resources, schema, ...(flows ? { flows } : {}) };
}

/** What an item checks, for an internal error's message. */
function describeItem(item: WorkItem): string {
  if (item.kind === 'stdin') return `stdin (Kubernetes ${item.kubeVersion})`;
  if (item.kind === 'manifests') return `${item.files.join(', ')} (Kubernetes ${item.kubeVersion})`;
  const r = item.request;
  return `${r.chart} (${r.valuesFiles.length > 0 ? r.valuesFiles.join(', ') : 'defaults'}, Kubernetes ${r.kubeVersion}, Helm ${r.helmMajor})`;
}

async function checkItemUnguarded(item: WorkItem, context: CheckContext): Promise<ItemResult> {
  if (item.kind !== 'render') return checkStream(streamOf(item, context.settings), context, []);
  const rendered = await renderStream(item.request, context);
  if (!rendered.stream) return { findings: rendered.findings, resources: 0, schema: { valid: 0, invalid: 0, error: 0, skipped: 0 } };
  const result = await checkStream(rendered.stream, context, rendered.findings);
  // Locating costs renders: only when something was found.
  const locate = context.settings.locate ?? true;
  if (locate === false || !worthLocating(result.findings) || rendered.manifests === undefined) return result;
  const helm = context.helmsFor(item.request.helmMajor).get(item.request.helmMajor) as Helm;
  const scope = locate === true ? 'all' : locate;
  const locator = await context.locator();
  return { ...result, findings: await locator.locate(item.request, rendered.manifests, helm, result.findings, scope) };
}

/** One item; an exception that escapes is an internal error naming the item. */
export async function checkItem(item: WorkItem, context: CheckContext): Promise<ItemResult> {
  try {
    return await checkItemUnguarded(item, context);
  } catch (error) {
    throw error instanceof InternalError ? error : new InternalError(describeItem(item), error);
  }
}
