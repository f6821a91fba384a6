// One case through the oracles, in order: the schema verdicts (Ajv, Helm 3, Helm 4), the
// renders (both Helm majors × the Kubernetes versions), the validator, the API server.
import fs from 'node:fs';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { describeAjvError } from '../core/ajv.ts';
import { fromPointer } from '../core/diagnostic.ts';
import type { Helm, HelmMajor } from '../toolchain/helm.ts';
import { keyPathOf } from '../validator/locate/values-origin.ts';
import { parseManifests } from '../validator/parse/parse-manifests.ts';
import type { ExploreCase } from './cases.ts';
import type { ChartInput } from './chart-input.ts';
import type { PathSegment } from './leaves.ts';
import type { Limiter } from './limiter.ts';
import type { DryRunOracle } from './oracles/dry-run-oracle.ts';
import { classifyHelm, type HelmOutcome, helmSchemaPointers } from './oracles/helm-outcome.ts';
import type { Disagreement } from './oracles/oracle.ts';
import type { ValidatorOracle } from './oracles/validator-oracle.ts';
import { buildOverride, coalesce, valuesYaml } from './values-override.ts';

/** A JSON Pointer into the values as the key users write (`a.b[0]`). */
function keyPath(pointer: string): string {
  return pointer === '' ? '(root)' : keyPathOf(fromPointer(pointer));
}

export interface CaseRender {
  readonly helmMajor: HelmMajor;
  readonly kubeVersion: string;
  readonly outcome: HelmOutcome;
}

export interface CaseVerdict {
  readonly case: ExploreCase;
  readonly override: Record<string, unknown>;
  readonly ajvAccepts: boolean;
  readonly ajvErrors: readonly string[];
  readonly renders: readonly CaseRender[];
  readonly disagreements: readonly Disagreement[];
}

/** Narrows a run to one render, while shrinking a finding that came from it. */
export interface CaseFocus {
  readonly helmMajor?: HelmMajor;
  readonly kubeVersion?: string;
}

export interface CaseRunnerOptions {
  readonly chart: ChartInput;
  readonly validateValues: ValidateFunction;
  readonly helms: ReadonlyMap<HelmMajor, Helm>;
  readonly kubeVersions: readonly string[];
  readonly apiVersions: readonly string[];
  readonly schemaKeys: ReadonlySet<string>;
  readonly limiter: Limiter;
  readonly validator: ValidatorOracle;
  readonly dryRun?: DryRunOracle;
  /** Scratch folder for values files. */
  readonly workDir: string;
}

/** Where an array element starts when a case sets a key inside it: the default's first element. */
export function elementBaseFrom(defaults: unknown): (arrayPath: readonly PathSegment[]) => unknown {
  return (arrayPath) => {
    let node: unknown = defaults;
    for (const seg of arrayPath) node = node && typeof node === 'object' ? (node as Record<string | number, unknown>)[seg] : undefined;
    return Array.isArray(node) && node.length > 0 ? node[0] : {};
  };
}

const renderSignature = (message: string) => {
  const at = /(?:execution error at|template:|error calling \w+:|at) \(?([\w.-]+\/templates\/[^:)\s]+)/.exec(message);
  return `render|${
    at?.[1] ??
    message
      .split('\n')[0]
      ?.replace(/[0-9]+/g, 'N')
      .slice(0, 80)
  }`;
};

export class CaseRunner {
  private counter = 0;
  readonly elementBase: (arrayPath: readonly PathSegment[]) => unknown;

  constructor(private readonly o: CaseRunnerOptions) {
    this.elementBase = elementBaseFrom(o.chart.defaults);
  }

  private renderPlan(ajvAccepts: boolean, focus: CaseFocus): { helmMajor: HelmMajor; kubeVersion: string }[] {
    const newest = this.o.kubeVersions[this.o.kubeVersions.length - 1] ?? '1.36.0';
    const majors = [...this.o.helms.keys()].filter((m) => focus.helmMajor === undefined || m === focus.helmMajor);
    const versions = ajvAccepts ? this.o.kubeVersions.filter((v) => focus.kubeVersion === undefined || v === focus.kubeVersion) : [newest];
    return majors.flatMap((helmMajor) => versions.map((kubeVersion) => ({ helmMajor, kubeVersion })));
  }

  async run(c: ExploreCase, focus: CaseFocus = {}): Promise<CaseVerdict> {
    const override = buildOverride(c.assignments, this.elementBase);
    const file = path.join(this.o.workDir, `${c.id}-${++this.counter}.yaml`);
    fs.writeFileSync(file, valuesYaml(override));
    const merged = coalesce(this.o.chart.defaults, override);
    const ajvAccepts = this.o.validateValues(merged) === true;
    const ajvErrors = ajvAccepts
      ? []
      : (this.o.validateValues.errors ?? [])
          .filter((e) => !['anyOf', 'oneOf', 'if'].includes(e.keyword))
          .map((e) => `${keyPath(e.instancePath)}: ${describeAjvError(e)}`);
    const renders: CaseRender[] = await Promise.all(
      this.renderPlan(ajvAccepts, focus).map(async ({ helmMajor, kubeVersion }) => {
        const helm = this.o.helms.get(helmMajor) as Helm;
        const result = await this.o.limiter.run(() =>
          helm.template({
            chart: this.o.chart.dir,
            kubeVersion,
            valuesFiles: [file],
            releaseName: c.releaseName,
            namespace: c.namespace,
            apiVersions: this.o.apiVersions,
          }),
        );
        return { helmMajor, kubeVersion, outcome: classifyHelm(result, this.o.schemaKeys) };
      }),
    );
    fs.rmSync(file, { force: true });
    const disagreements: Disagreement[] = [];

    // Oracle 1: three JSON Schema engines on the same values.
    for (const major of new Set(renders.map((r) => r.helmMajor))) {
      const render = renders.find((r) => r.helmMajor === major) as CaseRender;
      const helmRejects = render.outcome.kind === 'schema-rejected';
      if (helmRejects !== ajvAccepts) continue;
      const helmSays = render.outcome.kind === 'schema-rejected' ? `rejects: ${render.outcome.message.split('\n').slice(-1)[0] ?? ''}` : 'accepts';
      const pointer = render.outcome.kind === 'schema-rejected' ? helmSchemaPointers(render.outcome.message)[0] : undefined;
      disagreements.push({
        oracle: 'schema-verdict',
        message: `Ajv ${ajvAccepts ? 'accepts' : `rejects (${ajvErrors.join('; ')})`}, helm${major} ${helmSays}`,
        signature: `schema-verdict|ajv=${ajvAccepts}|helm${major}=${!helmRejects}`,
        helmMajor: major,
        ...(pointer !== undefined ? { key: keyPath(pointer) } : {}),
      });
    }
    if (ajvAccepts) {
      // Oracle 2: every render succeeds, or stops in a documented guard.
      for (const r of renders) {
        if (r.outcome.kind === 'failed')
          disagreements.push({
            oracle: 'render',
            message: `helm${r.helmMajor} template (Kubernetes ${r.kubeVersion}) failed: ${r.outcome.message}`,
            signature: renderSignature(r.outcome.message),
            helmMajor: r.helmMajor,
            kubeVersion: r.kubeVersion,
          });
      }
      // Oracle 3: the validator on every render.
      for (const r of renders) {
        if (r.outcome.kind !== 'rendered') continue;
        disagreements.push(
          ...(await this.o.validator.judge(r.outcome.manifests, { values: c.id, kubeVersion: r.kubeVersion, helmMajor: r.helmMajor }, c.namespace)),
        );
      }
      // Oracle 4: the API server, on the newest render (the server is of one version).
      const sent = [...renders].reverse().find((r) => r.outcome.kind === 'rendered');
      if (this.o.dryRun && sent && sent.outcome.kind === 'rendered' && renders.every((r) => r.outcome.kind !== 'failed')) {
        const parsed = parseManifests({ file: 'render', text: sent.outcome.manifests }, undefined, { defaultNamespace: c.namespace });
        disagreements.push(
          ...(await this.o.dryRun.judge(parsed.resources, c.namespace)).map((d) => ({ ...d, helmMajor: sent.helmMajor, kubeVersion: sent.kubeVersion })),
        );
      }
    }
    const seen = new Set<string>();
    return {
      case: c,
      override,
      ajvAccepts,
      ajvErrors,
      renders,
      disagreements: disagreements.filter((d) => !seen.has(d.signature) && Boolean(seen.add(d.signature))),
    };
  }
}
