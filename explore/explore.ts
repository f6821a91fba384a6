// bvchart explore as one function: cases from the chart's values schema, each judged by
// the oracles in order (schema verdicts, renders, validator, API server), failures grouped
// by where they fail, shrunk, and written out.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAjv } from '../core/ajv.ts';
import { Helm, type HelmMajor } from '../toolchain/helm.ts';
import type { ValidatorConfig } from '../validator/config.ts';
import { chartRuleSets, DEFAULT_CHART_SETS } from '../validator/policy/rule-set-names.ts';
import { DEFAULT_NAMESPACE, DEFAULT_RELEASE, type ExploreCase, generateCases } from './cases.ts';
import { loadChart } from './chart-input.ts';
import type { ExploreFinding, ExploreReport, LeafCoverage } from './explore-report.ts';
import { collectLeaves, schemaKeyPaths } from './leaves.ts';
import { Limiter, pool } from './limiter.ts';
import type { DryRunOracle } from './oracles/dry-run-oracle.ts';
import type { Disagreement, OracleId } from './oracles/oracle.ts';
import { ValidatorOracle } from './oracles/validator-oracle.ts';
import { CaseRunner, type CaseVerdict } from './run-case.ts';
import { shrinkCase } from './shrink.ts';
import { buildOverride, valuesYaml } from './values-override.ts';

export const DEFAULT_EXPLORE_KUBE_VERSIONS = ['1.29.0', '1.36.0'] as const;

export interface ExploreOptions {
  /** A chart folder or packaged chart with a values.schema.json. */
  readonly chart: string;
  readonly seed: number;
  /** Most cases to run (the plan is cut in its seeded order). */
  readonly budget?: number;
  /** Explore only the leaves under these keys (`service`, `quorum.writeQuorum`), without the name cases; default all. */
  readonly only?: readonly string[];
  /** Leave out the leaves under these keys (keys that describe the cluster rather than the release, e.g. `networkPolicy.dnsNamespace`). */
  readonly skip?: readonly string[];
  readonly helmMajors?: readonly HelmMajor[];
  readonly kubernetesVersions?: readonly string[];
  readonly schemaLocations: readonly string[];
  /** API versions the renders declare (CRD groups the cluster serves). */
  readonly apiVersions?: readonly string[];
  /** Helm processes at once (default: the machine's cores). */
  readonly concurrency?: number;
  /** Validator config for oracle 3: rules disabled or suppressed, with reasons. */
  readonly validatorConfig?: ValidatorConfig;
  /** Oracle 4, when a cluster is given. */
  readonly dryRun?: DryRunOracle;
  /** Shrink failing cases (default true). */
  readonly shrink?: boolean;
  /** Write each shrunk failing case here as a values file. */
  readonly outDir?: string;
  readonly onProgress?: (done: number, total: number) => void;
}

interface Group {
  readonly first: CaseVerdict;
  readonly disagreement: Disagreement;
  occurrences: number;
}

function findingKey(c: ExploreCase, d: Disagreement): string {
  if (c.assignments.length > 0) return [...new Set(c.assignments.map((a) => a.key))].join(' + ');
  if (c.releaseName !== DEFAULT_RELEASE) return '(release name)';
  if (c.namespace !== DEFAULT_NAMESPACE) return '(namespace)';
  return d.key ?? '(chart defaults)';
}

function findingValue(c: ExploreCase): unknown {
  if (c.assignments.length === 1) return c.assignments[0]?.value;
  if (c.assignments.length > 1) return Object.fromEntries(c.assignments.map((a) => [a.key, a.value]));
  if (c.releaseName !== DEFAULT_RELEASE) return c.releaseName;
  if (c.namespace !== DEFAULT_NAMESPACE) return c.namespace;
  return null;
}

const slug = (s: string) =>
  s
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'case';

export async function explore(options: ExploreOptions): Promise<ExploreReport> {
  const started = Date.now();
  const chart = await loadChart(options.chart);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-explore-'));
  try {
    const helmMajors = options.helmMajors?.length ? options.helmMajors : ([3, 4] as const);
    const kubeVersions = options.kubernetesVersions?.length ? options.kubernetesVersions : DEFAULT_EXPLORE_KUBE_VERSIONS;
    const under = (key: string, prefix: string) => key === prefix || key.startsWith(`${prefix}.`) || key.startsWith(`${prefix}[`);
    const leaves = collectLeaves(chart.schema).filter(
      (l) => (!options.only?.length || options.only.some((p) => under(l.key, p))) && !options.skip?.some((p) => under(l.key, p)),
    );
    const plan = generateCases(chart.schema, leaves, options.seed, options.budget ?? Infinity, !options.only?.length);
    // The rule sets `bvchart validate` would use for this chart: the config's, else the chart's
    // annotation, else schema and hardening (BoardViewer's design rules only where a chart asks).
    const ruleSets = options.validatorConfig?.rules ?? chartRuleSets(chart.dir) ?? DEFAULT_CHART_SETS;
    const validator = new ValidatorOracle({
      schemaLocations: options.schemaLocations,
      ruleSets,
      ...(options.validatorConfig ? { config: options.validatorConfig } : {}),
    });
    const runner = new CaseRunner({
      chart,
      validateValues: createAjv().compile(chart.schema),
      helms: new Map(helmMajors.map((m) => [m, new Helm(m)])),
      kubeVersions,
      apiVersions: options.apiVersions ?? [],
      schemaKeys: schemaKeyPaths(chart.schema),
      limiter: new Limiter(options.concurrency ?? os.availableParallelism()),
      validator,
      ...(options.dryRun ? { dryRun: options.dryRun } : {}),
      workDir,
    });

    // The chart's defaults first: their validator findings are the chart's own baseline.
    const [defaultsCase, ...rest] = plan.cases;
    const baseline: string[] = [];
    const verdicts: CaseVerdict[] = [];
    if (defaultsCase) {
      const first = await runner.run(defaultsCase);
      const all = [];
      for (const r of first.renders) {
        if (r.outcome.kind !== 'rendered') continue;
        const found = await validator.findings(
          r.outcome.manifests,
          { values: defaultsCase.id, kubeVersion: r.kubeVersion, helmMajor: r.helmMajor },
          defaultsCase.namespace,
        );
        all.push(...found);
        for (const f of found) {
          const line = `${f.ruleId}: ${f.resource ? `${f.resource.kind}/${f.resource.name}: ` : ''}${f.message}`;
          if (!baseline.includes(line)) baseline.push(line);
        }
      }
      validator.setBaseline(all);
      verdicts.push({ ...first, disagreements: first.disagreements.filter((d) => d.oracle !== 'validator') });
    }
    let done = verdicts.length;
    verdicts.push(
      ...(await pool(rest, Math.max(1, options.concurrency ?? os.availableParallelism()), async (c) => {
        const verdict = await runner.run(c);
        options.onProgress?.(++done, plan.cases.length);
        return verdict;
      })),
    );

    // Coverage per leaf (boundary cases by the schema's actual verdict).
    const perLeaf = new Map<string, { cases: number; accepted: number; rejected: number }>(leaves.map((l) => [l.key, { cases: 0, accepted: 0, rejected: 0 }]));
    for (const v of verdicts) {
      for (const a of v.case.assignments) {
        const entry = perLeaf.get(a.key);
        if (!entry) continue;
        entry.cases++;
        if (v.case.origin === 'boundary') entry[v.ajvAccepts ? 'accepted' : 'rejected']++;
      }
    }
    const coverage: LeafCoverage[] = [...perLeaf].map(([key, c]) => ({ key, ...c }));

    // Group disagreements by where they fail; the smallest case of each group is shrunk.
    const groups = new Map<string, Group>();
    for (const v of verdicts) {
      for (const d of v.disagreements) {
        const group = groups.get(d.signature);
        if (!group) groups.set(d.signature, { first: v, disagreement: d, occurrences: 1 });
        else {
          group.occurrences++;
          if (v.case.assignments.length < group.first.case.assignments.length) groups.set(d.signature, { ...group, first: v, disagreement: d });
        }
      }
    }
    const findings: ExploreFinding[] = [];
    for (const [signature, group] of groups) {
      let shrunk = group.first.case;
      let disagreement = group.disagreement;
      if (options.shrink ?? true) {
        const focus = {
          ...(group.disagreement.helmMajor ? { helmMajor: group.disagreement.helmMajor } : {}),
          ...(group.disagreement.kubeVersion ? { kubeVersion: group.disagreement.kubeVersion } : {}),
        };
        const stillFails = async (candidate: ExploreCase) => {
          const found = (
            await runner.run(candidate, group.disagreement.oracle === 'schema-verdict' ? { helmMajor: focus.helmMajor } : focus)
          ).disagreements.find((d) => d.signature === signature);
          if (found) disagreement = found;
          return found !== undefined;
        };
        shrunk = (await shrinkCase(group.first.case, stillFails)).case;
        // The message of the shrunk case itself.
        const last = (await runner.run(shrunk)).disagreements.find((d) => d.signature === signature);
        if (last) disagreement = last;
      }
      const override = buildOverride(shrunk.assignments, runner.elementBase);
      const key = findingKey(shrunk, disagreement);
      let file: string | undefined;
      if (options.outDir) {
        fs.mkdirSync(options.outDir, { recursive: true });
        file = path.join(options.outDir, `${String(findings.length + 1).padStart(2, '0')}-${slug(key)}-${disagreement.oracle}.yaml`);
        const header = [
          `bvchart explore: a shrunk failing case of ${chart.name} (seed ${options.seed}, ${group.first.case.id}: ${group.first.case.title})`,
          `oracle: ${disagreement.oracle}`,
          `key: ${key}`,
          `release name: ${shrunk.releaseName}, namespace: ${shrunk.namespace}`,
          ...disagreement.message
            .split('\n')
            .slice(0, 6)
            .map((l, i) => (i === 0 ? `message: ${l}` : `  ${l}`)),
        ];
        fs.writeFileSync(file, valuesYaml(override, header));
      }
      findings.push({
        oracle: disagreement.oracle,
        key,
        value: findingValue(shrunk),
        message: disagreement.message,
        caseId: group.first.case.id,
        caseTitle: group.first.case.title,
        occurrences: group.occurrences,
        ...(disagreement.helmMajor ? { helmMajor: disagreement.helmMajor } : {}),
        ...(disagreement.kubeVersion ? { kubeVersion: disagreement.kubeVersion } : {}),
        ...(disagreement.resource ? { resource: disagreement.resource } : {}),
        values: override,
        releaseName: shrunk.releaseName,
        namespace: shrunk.namespace,
        ...(file ? { file } : {}),
      });
    }

    const oracles: OracleId[] = ['schema-verdict', 'render', 'validator', ...(options.dryRun ? (['dry-run'] as const) : [])];
    return {
      summary: {
        chart: options.chart,
        seed: options.seed,
        budget: options.budget ?? null,
        planned: plan.planned,
        cases: verdicts.length,
        schemaAccepted: verdicts.filter((v) => v.ajvAccepts).length,
        schemaRejected: verdicts.filter((v) => !v.ajvAccepts).length,
        guarded: verdicts.filter((v) => v.renders.some((r) => r.outcome.kind === 'guard')).length,
        renders: verdicts.reduce((n, v) => n + v.renders.length, 0),
        helmMajors: [...helmMajors],
        kubernetesVersions: [...kubeVersions],
        oracles,
        leaves: leaves.length,
        leavesCovered: coverage.filter((c) => c.accepted > 0 && c.rejected > 0).length,
        perLeaf: coverage,
        baseline,
        unservedKinds: [...(options.dryRun?.unserved ?? [])].sort(),
        findings: findings.length,
        seconds: Math.round((Date.now() - started) / 100) / 10,
      },
      findings,
    };
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
    chart.dispose();
  }
}
