// The validator as one function; per scenario it reads as its pipeline:
//   render → parse → schema-check → policy → suppress (→ upgrade safety) → report.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Helm, type HelmMajor } from '../toolchain/helm.ts';
import { KUBE_VERSIONS } from '../toolchain/kube-versions.ts';
import { EMPTY_CONFIG, type ValidatorConfig } from './config.ts';
import { findingKey, type Finding, type Scenario } from './finding.ts';
import { resolveInput, type Input } from './inputs.ts';
import { blameInput, InternalError } from './internal-error.ts';
import { parseManifests, type ManifestInput } from './parse/parse-manifests.ts';
import { readManifest } from './parse/read-manifest.ts';
import type { Resource } from './parse/resource.ts';
import { chartRuleSets, DEFAULT_CHART_SETS, DEFAULT_MANIFEST_SETS, rulesOf, type RuleSetName } from './policy/rule-sets.ts';
import { runPolicies } from './policy/run-policies.ts';
import { applySuppressions } from './policy/suppression.ts';
import { renderChart, type RenderRequest } from './render/render-chart.ts';
import { checkResource, verdictFindings, type SchemaStatus } from './schemas/check-schemas.ts';
import { SchemaRegistry } from './schemas/schema-registry.ts';
import { compareReleases } from './upgrade/compare-releases.ts';

export interface ValidateOptions {
  /** A chart folder, a packaged chart, manifest files or folders, or `-`. */
  readonly inputs: readonly string[];
  /** One entry per scenario; each entry layers its files (`-f a.yaml,b.yaml`). Empty: the chart's defaults. */
  readonly valuesSets?: readonly (readonly string[])[];
  readonly kubernetesVersions?: readonly string[];
  readonly helmMajors?: readonly HelmMajor[];
  readonly schemaLocations: readonly string[];
  readonly strict?: boolean;
  readonly ignoreMissingSchemas?: boolean;
  /** Extra API versions the render declares (e.g. CRD groups the cluster serves). */
  readonly apiVersions?: readonly string[];
  readonly releaseName?: string;
  readonly namespace?: string;
  /** The installed release (chart or manifests) to check the upgrade against. */
  readonly upgradeFrom?: string;
  /** Values of the installed release; default: each scenario's own. */
  readonly upgradeValues?: readonly string[];
  readonly config?: ValidatorConfig;
  /** Rule sets to run (--rules, or the config's `rules`); default: the chart's annotation, else the defaults. */
  readonly ruleSets?: readonly RuleSetName[];
  readonly stdin?: () => string;
  /** Renders run at once (default: the machine's cores). */
  readonly concurrency?: number;
}

export interface ValidationSummary {
  readonly renders: number;
  readonly resources: number;
  readonly schema: Readonly<Record<SchemaStatus, number>>;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly suppressed: number;
}

export interface ValidationReport {
  readonly findings: readonly Finding[];
  readonly scenarios: readonly Scenario[];
  readonly summary: ValidationSummary;
}

interface Unit {
  readonly scenario: Scenario;
  /** Namespace of rendered objects that name none. */
  readonly namespace?: string;
  readonly manifests: readonly ManifestInput[];
  readonly previous?: readonly ManifestInput[];
  /** Maps Helm's `# Source:` path to the template's path as the user gave the chart. */
  readonly mapSource?: (file: string) => string;
  readonly ruleSets: readonly RuleSetName[];
}

async function pool<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const runners = Array.from({ length: Math.max(1, Math.min(size, items.length)) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T);
    }
  });
  await Promise.all(runners);
  return results;
}

/** Maps Helm's `# Source: <chart>/templates/x.yaml` to the template's path as given. */
function sourceMapper(chartArg: string): (file: string) => string {
  const isFolder = fs.existsSync(chartArg) && fs.statSync(chartArg).isDirectory();
  return (file) => {
    const m = /^[^/]+\/(templates\/.+|charts\/.+)$/.exec(file);
    return m && isFolder ? path.join(chartArg, m[1] ?? '') : file;
  };
}

export async function validate(options: ValidateOptions): Promise<ValidationReport> {
  const kubeVersions = options.kubernetesVersions?.length ? options.kubernetesVersions : [...KUBE_VERSIONS];
  const helmMajors = options.helmMajors?.length ? options.helmMajors : ([3, 4] as const);
  const config = options.config ?? EMPTY_CONFIG;
  const inputs: Input[] = options.inputs.map(resolveInput);
  const findings: Finding[] = [];
  const units: Unit[] = [];
  const helms = new Map<HelmMajor, Helm>();
  const concurrency = options.concurrency ?? os.availableParallelism();

  for (const input of inputs) {
    if (input.kind !== 'chart') {
      const manifests: ManifestInput[] = [];
      if (input.kind === 'stdin') manifests.push({ file: 'stdin', text: options.stdin ? options.stdin() : fs.readFileSync(0, 'utf8') });
      for (const file of input.kind === 'manifests' ? input.files : []) {
        const read = blameInput(file, () => readManifest(file));
        if ('ruleId' in read) findings.push(read);
        else manifests.push(read);
      }
      const ruleSets = options.ruleSets ?? DEFAULT_MANIFEST_SETS;
      for (const kubeVersion of kubeVersions) units.push({ scenario: { values: '(manifests)', kubeVersion }, manifests, ruleSets });
      continue;
    }
    for (const major of helmMajors) if (!helms.has(major)) helms.set(major, new Helm(major));
    const valuesSets = options.valuesSets?.length ? options.valuesSets : [[]];
    const requests: RenderRequest[] = valuesSets.flatMap((valuesFiles) =>
      kubeVersions.flatMap((kubeVersion) =>
        helmMajors.map((helmMajor) => ({
          chart: input.path,
          valuesFiles,
          kubeVersion,
          helmMajor,
          releaseName: options.releaseName ?? 'release',
          namespace: options.namespace ?? 'default',
          apiVersions: options.apiVersions ?? [],
        })),
      ),
    );
    const mapSource = sourceMapper(input.path);
    const ruleSets = options.ruleSets ?? (fs.existsSync(input.path) && fs.statSync(input.path).isDirectory() ? chartRuleSets(input.path) : undefined) ?? DEFAULT_CHART_SETS;
    const rendered = await pool(requests, concurrency, async (request) => {
      const outcome = await renderChart(request, helms);
      if (!outcome.ok || !options.upgradeFrom) return { outcome, previous: undefined };
      const fromInput = resolveInput(options.upgradeFrom);
      if (fromInput.kind !== 'chart') {
        const files = fromInput.kind === 'manifests' ? fromInput.files : [];
        return { outcome, previous: files.map(readManifest).filter((m): m is ManifestInput => !('ruleId' in m)) };
      }
      const before = await renderChart({ ...request, chart: fromInput.path, valuesFiles: options.upgradeValues ?? request.valuesFiles }, helms);
      if (!before.ok) {
        findings.push({ ...before.finding, message: `rendering the installed release: ${before.finding.message}` });
        return { outcome, previous: undefined };
      }
      return { outcome, previous: [{ file: 'installed', text: before.manifests }] };
    });
    for (const { outcome, previous } of rendered) {
      if (!outcome.ok) {
        findings.push(outcome.finding);
        continue;
      }
      units.push({
        scenario: outcome.scenario,
        manifests: [{ file: input.path, text: outcome.manifests }],
        mapSource,
        ruleSets,
        namespace: options.namespace ?? 'default',
        ...(previous ? { previous } : {}),
      });
    }
  }

  const registries = new Map<string, SchemaRegistry>();
  const registryFor = (kubeVersion: string) => {
    let registry = registries.get(kubeVersion);
    if (!registry) {
      registry = new SchemaRegistry({ kubernetesVersion: kubeVersion, schemaLocations: options.schemaLocations, strict: options.strict ?? true });
      registries.set(kubeVersion, registry);
    }
    return registry;
  };
  const schemaCounts: Record<SchemaStatus, number> = { valid: 0, invalid: 0, error: 0, skipped: 0 };
  let resourceCount = 0;

  for (const unit of units) {
    const label = `${unit.manifests.map((m) => m.file).join(', ')} (${unit.scenario.values}, Kubernetes ${unit.scenario.kubeVersion}${unit.scenario.helmMajor ? `, Helm ${unit.scenario.helmMajor}` : ''})`;
    try {
      await checkUnit(unit);
    } catch (error) {
      throw error instanceof InternalError ? error : new InternalError(label, error);
    }
  }

  async function checkUnit(unit: Unit): Promise<void> {
    const mapSource = unit.mapSource ?? ((f: string) => f);
    const resources: Resource[] = [];
    for (const manifest of unit.manifests) {
      const parsed = parseManifests(manifest, unit.scenario, {
        ...(unit.namespace !== undefined ? { defaultNamespace: unit.namespace } : {}),
        naming: unit.mapSource ? 'template' : 'file',
        strict: options.strict ?? true,
      });
      findings.push(...parsed.findings.map((f) => (f.file ? { ...f, file: mapSource(f.file) } : f)));
      resources.push(...parsed.resources.map((r) => ({ ...r, file: mapSource(r.file) })));
    }
    resourceCount += resources.length;
    const registry = registryFor(unit.scenario.kubeVersion);
    for (const resource of resources) {
      const verdict = await checkResource(registry, resource, options.ignoreMissingSchemas ?? false);
      schemaCounts[verdict.status] += 1;
      const source = unit.mapSource ? undefined : /^Source: (\S+)/.exec(resource.document.comment ?? '')?.[1];
      findings.push(...verdictFindings(verdict, unit.scenario).map((f) => (source ? { ...f, source } : f)));
    }
    const policy = runPolicies(resources, unit.scenario, { rules: rulesOf(unit.ruleSets), disabled: config.disabledRules });
    findings.push(...applySuppressions(policy.findings, policy.resourceOf, config.suppressions));
    if (unit.previous) {
      const before = unit.previous.flatMap((m) => parseManifests(m, undefined, unit.namespace !== undefined ? { defaultNamespace: unit.namespace } : {}).resources);
      findings.push(...compareReleases(before, resources).map((f) => ({ ...f, scenario: unit.scenario })));
    }
  }

  const active = findings.filter((f) => !f.suppressed);
  return {
    findings,
    scenarios: units.map((u) => u.scenario),
    summary: {
      renders: units.length,
      resources: resourceCount,
      schema: schemaCounts,
      errors: active.filter((f) => f.severity === 'error').length,
      warnings: active.filter((f) => f.severity === 'warning').length,
      infos: active.filter((f) => f.severity === 'info').length,
      suppressed: findings.length - active.length,
    },
  };
}

/** Findings that are the same across scenarios, grouped: one entry with every scenario it appears in. */
export function groupFindings(findings: readonly Finding[]): { finding: Finding; scenarios: Scenario[] }[] {
  const groups = new Map<string, { finding: Finding; scenarios: Scenario[] }>();
  for (const f of findings) {
    const key = findingKey(f);
    const group = groups.get(key) ?? { finding: f, scenarios: [] };
    if (f.scenario) group.scenarios.push(f.scenario);
    groups.set(key, group);
  }
  return [...groups.values()];
}
