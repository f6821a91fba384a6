// Oracle 4 of `bvchart explore` on the project's own control plane: server-side dry-run of
// every schema-accepted render. It finds the defects the Kubernetes JSON schemas cannot
// (a CIDR prefix past 32, a PDB percentage over 100%), in a copy of the chart whose schema is
// as it was before their fix, and a constraint removed from the schema (an enum, a maximum)
// at that key; on the chart itself those keys are clean.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiServer, openApiServer } from '../../explore/api-server.ts';
import { type ExploreOptions, explore } from '../../explore/explore.ts';
import type { JsonSchema } from '../../explore/json-schema.ts';
import { controlPlaneAvailable } from '../../toolchain/control-plane/cluster.ts';
import { folderSchemaLocations } from '../../toolchain/kubeconform.ts';
import { readConfig } from '../../validator/config.ts';
import { REPO } from '../helpers/project.ts';
import { CHART, CRD_API_VERSIONS } from '../helpers/scenarios.ts';

const AVAILABLE = controlPlaneAvailable();
if (!AVAILABLE && process.env.CI) throw new Error('the control plane tools are missing: run node scripts/build-controlplane.mjs');

const SEED = 20261127;
let server: ApiServer;
const copies: string[] = [];

/** A copy of the chart with its published schema edited. */
function chartWithSchema(edit: (schema: { properties: Record<string, JsonSchema & { properties: Record<string, Record<string, unknown>> }> }) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-explore-e2e-'));
  copies.push(dir);
  fs.cpSync(CHART, dir, { recursive: true });
  const file = path.join(dir, 'values.schema.json');
  const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as Parameters<typeof edit>[0];
  edit(schema);
  fs.writeFileSync(file, JSON.stringify(schema, null, 2));
  return dir;
}

const run = (chart: string, only: string[]) => {
  const options: ExploreOptions = {
    chart,
    seed: SEED,
    only,
    helmMajors: [4],
    kubernetesVersions: ['1.36.0'],
    schemaLocations: folderSchemaLocations(),
    apiVersions: CRD_API_VERSIONS,
    validatorConfig: readConfig(path.join(REPO, 'schema', 'explore-opt-outs.yaml')),
    dryRun: server.oracle,
  };
  return explore(options);
};

beforeAll(async () => {
  if (AVAILABLE) server = await openApiServer({ kind: 'local-control-plane' });
}, 300_000);

afterAll(async () => {
  await server?.close();
  for (const dir of copies) fs.rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe.skipIf(!AVAILABLE)('explore, oracle 4 (server-side dry-run on the local control plane)', () => {
  it("finds a CIDR prefix past 32 where the schema lets it through; a PDB percentage over 100% is stopped by the chart's guard before it", async () => {
    const before = chartWithSchema((s) => {
      // Each pattern takes the default (every case starts from the defaults) or only bad values.
      // A prefix past 32: the API server is the first to refuse it (the chart's address guard
      // checks host bits, not the prefix length).
      (s.properties.networkPolicy?.properties.databaseCIDR as Record<string, unknown>).pattern =
        '^(0\\.0\\.0\\.0/0|[0-9]{1,3}(\\.[0-9]{1,3}){3}/(3[3-9]|[4-9][0-9]))$';
      // A percentage of three digits (100%-999%). Before its fix the pattern was ^[0-9]{1,3}%$ and
      // the API server was the first to refuse one over 100%; since issue 9a the chart's quorum
      // guard stops every such render first, naming the key, so oracle 4 never sees one.
      (s.properties.podDisruptionBudget?.properties.maxUnavailable as Record<string, unknown>).pattern = '^(25%|[1-9][0-9]{2}%)$';
    });
    const report = await run(before, ['networkPolicy.databaseCIDR', 'podDisruptionBudget.maxUnavailable']);
    const dryRun = report.findings.filter((f) => f.oracle === 'dry-run');
    const at = (key: string) => dryRun.find((f) => f.key === key);
    expect(at('networkPolicy.databaseCIDR')?.message, JSON.stringify(dryRun, null, 1)).toMatch(/NetworkPolicy/);
    expect(at('podDisruptionBudget.maxUnavailable'), JSON.stringify(dryRun, null, 1)).toBeUndefined();
    expect(report.summary.perLeaf.find((l) => l.key === 'podDisruptionBudget.maxUnavailable')?.accepted).toBeGreaterThan(0);
    expect(report.summary.guarded).toBeGreaterThan(0);
    expect(report.summary.cases).toBeGreaterThan(4);
  }, 600_000);

  it('sends the release name of 53 characters and the namespace of 63: what the API server refuses is a name limit', async () => {
    const report = await explore({
      chart: CHART,
      seed: SEED,
      budget: 4,
      helmMajors: [4],
      kubernetesVersions: ['1.36.0'],
      schemaLocations: folderSchemaLocations(),
      apiVersions: CRD_API_VERSIONS,
      validatorConfig: readConfig(path.join(REPO, 'schema', 'explore-opt-outs.yaml')),
      dryRun: server.oracle,
    });
    expect(report.summary.cases).toBe(4);
    // On the commit before issue 9a's template fix this finds the CronJob and Job names past
    // their limits; after it, nothing.
    for (const f of report.findings.filter((x) => x.oracle === 'dry-run')) {
      expect(f.key).toBe('(release name)');
      expect(f.message).toMatch(/must be no more than \d+ characters|must be no more than/);
    }
    expect(report.findings.filter((f) => f.key === '(namespace)')).toEqual([]);
  }, 600_000);

  // The keys where a 250-case run (seed 7) found the schema accepting what the API server refused
  // (test/chart/api-server-rules.test.ts has the shrunk cases): now nothing the schema accepts
  // there is refused.
  it('the API server accepts everything the schema now accepts at the keys of the carried Kubernetes types it refused before', async () => {
    const report = await run(CHART, ['redis.cluster.resources', 'containerSecurityContext', 'redis.cluster.affinity.nodeAffinity']);
    expect(report.findings.filter((f) => f.oracle === 'dry-run').map((f) => `${f.key}=${JSON.stringify(f.value)}: ${f.message}`)).toEqual([]);
    expect(report.summary.schemaAccepted).toBeGreaterThan(10);
  }, 900_000);

  it('the API server accepts everything the schema now accepts at those keys', async () => {
    const report = await run(CHART, ['networkPolicy.databaseCIDR', 'podDisruptionBudget.maxUnavailable']);
    expect(report.findings.filter((f) => f.oracle === 'dry-run').map((f) => `${f.oracle} ${f.key}=${JSON.stringify(f.value)}: ${f.message}`)).toEqual([]);
  }, 600_000);

  it.each([
    ['enum', 'service', 'type'],
    ['maximum', 'service', 'port'],
  ])(
    'a schema without its %s at %s.%s is caught at that key by the API server',
    async (keyword, group, key) => {
      const mutant = chartWithSchema((s) => {
        delete (s.properties[group]!.properties[key] as Record<string, unknown>)[keyword];
      });
      const report = await run(mutant, [`${group}.${key}`]);
      // The API server refuses the Service; a value that breaks the render is caught before it (oracle 2).
      const finding = report.findings.find((f) => (f.oracle === 'dry-run' || f.oracle === 'render') && f.key === `${group}.${key}`);
      expect(finding, JSON.stringify(report.findings, null, 1)).toBeDefined();
      expect(finding?.message).toMatch(/^Service\/|templates\/service\.yaml/);
    },
    600_000,
  );
});
