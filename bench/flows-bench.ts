// Benchmark (not a test): the flow stage's share of validation time on the production render.
//   npx tsx bench/flows-bench.ts [--values values/production-aws.yaml] [--iterations 200]
// Renders the chart once (Helm 4, newest Kubernetes), then times, in process and warm (schemas
// compiled by a first pass): parse → schema check → policy rules (every rule; the flow stage
// runs inside them) per iteration, and the flow analysis alone. Prints the figures and the
// flow stage's share; writes bench/flows-results.json.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PACKAGE_ROOT } from '../core/package-root.ts';
import { SCENARIO_API_VERSIONS } from '../generator/verify/validate-scenarios.ts';
import { Helm } from '../toolchain/helm.ts';
import { NEWEST_KUBE_VERSION } from '../toolchain/kube-versions.ts';
import { folderSchemaLocations } from '../toolchain/kubeconform.ts';
import { DEFAULT_FLOW_OPTIONS } from '../validator/flows/flow-options.ts';
import { analyzeFlows } from '../validator/flows/flow-table.ts';
import { parseManifests } from '../validator/parse/parse-manifests.ts';
import { runPolicies } from '../validator/policy/run-policies.ts';
import { checkResource } from '../validator/schemas/check-schemas.ts';
import { SchemaRegistry } from '../validator/schemas/schema-registry.ts';

const { values: args } = parseArgs({
  options: { values: { type: 'string', default: 'values/production-aws.yaml' }, iterations: { type: 'string', default: '200' } },
});
const ITERATIONS = Number(args.iterations);
const valuesFile = path.resolve(PACKAGE_ROOT, args.values);

const rendered = await new Helm(4).template({
  chart: path.join(PACKAGE_ROOT, 'chart'),
  kubeVersion: NEWEST_KUBE_VERSION,
  valuesFiles: [valuesFile],
  releaseName: 'bv',
  namespace: 'boards',
  apiVersions: SCENARIO_API_VERSIONS,
});
if (rendered.status !== 0) throw new Error(rendered.stderr);
const registry = new SchemaRegistry({ kubernetesVersion: NEWEST_KUBE_VERSION, schemaLocations: folderSchemaLocations(), strict: true });
const settings = { flows: DEFAULT_FLOW_OPTIONS, defaultNamespace: 'boards' };

async function validateOnce(): Promise<{ total: number; flows: number; resources: number; impliedFlows: number }> {
  const started = performance.now();
  const { resources } = parseManifests({ file: 'render.yaml', text: rendered.stdout }, undefined, { defaultNamespace: 'boards' });
  for (const r of resources) await checkResource(registry, r, false);
  runPolicies(resources, undefined, { settings });
  const total = performance.now() - started;
  // The flow stage alone, on a fresh copy of the list (the stage caches per list).
  const flowStart = performance.now();
  const analysis = analyzeFlows([...resources], DEFAULT_FLOW_OPTIONS, 'boards');
  return { total, flows: performance.now() - flowStart, resources: resources.length, impliedFlows: analysis.flows.length };
}

const cold = await validateOnce();
let total = 0;
let flows = 0;
let last = cold;
for (let i = 0; i < ITERATIONS; i++) {
  last = await validateOnce();
  total += last.total;
  flows += last.flows;
}
const results = {
  render: path.relative(PACKAGE_ROOT, valuesFile),
  resources: last.resources,
  impliedFlows: last.impliedFlows,
  iterations: ITERATIONS,
  coldValidationMs: Number(cold.total.toFixed(1)),
  warmValidationMs: Number((total / ITERATIONS).toFixed(3)),
  flowStageMs: Number((flows / ITERATIONS).toFixed(3)),
  flowShareOfWarmValidation: Number((flows / total).toFixed(4)),
  flowShareOfColdValidation: Number((cold.flows / cold.total).toFixed(4)),
};
console.log(
  `${results.render}: ${results.resources} resources, ${results.impliedFlows} implied flows\n` +
    `validation (parse + schemas + policy, flow stage included): ${results.warmValidationMs} ms warm, ${results.coldValidationMs} ms cold\n` +
    `flow stage alone: ${results.flowStageMs} ms = ${(results.flowShareOfWarmValidation * 100).toFixed(1)}% of warm validation, ${(results.flowShareOfColdValidation * 100).toFixed(2)}% of the cold first one`,
);
fs.writeFileSync(path.join(PACKAGE_ROOT, 'bench', 'flows-results.json'), `${JSON.stringify(results, null, 2)}\n`);
