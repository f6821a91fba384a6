import { defineConfig } from 'vitest/config';

// Test tiers. `npm run test:fast` runs the fast tier (a developer's loop); `npm test` (CI)
// runs every tier. Each slow tier is named for what makes it slow.
const SLOW_TIERS = {
  // Every scenario × Kubernetes 1.29–1.36 × Helm 3 and 4 (the fast tier covers one cell per scenario).
  // Release names of 1 and 53 characters likewise on every scenario, and every values/invalid/
  // file judged by `helm lint --strict` and `helm template` of Helm 3 and 4; the benchmark
  // corpus's 60 values variants rendered.
  matrix: ['test/chart/helm-matrix.test.ts', 'test/chart/release-names.test.ts', 'test/values/invalid-values.test.ts', 'test/bench/corpus-variants.test.ts'],
  // explore's seeded offline runs: 30 drawn values cases × Helm 3 and 4 × Kubernetes 1.29 and
  // 1.36 on our chart, and the Bitnami charts under ../shared/third-party.
  explore: ['test/explore/explore-chart.test.ts', 'test/explore/third-party-charts.test.ts'],
  // Two bootstraps contending for one tools-cache entry (a build that lasts seconds, on purpose).
  toolchain: ['test/toolchain/cache-lock.test.ts'],
  // A 50 MB manifest file.
  'large-input': ['test/validator/large-input.test.ts'],
  // yaml-language-server and bvchart lsp over LSP.
  'language-server': ['test/editor/yaml-language-server.test.ts', 'test/editor/bvchart-language-server.test.ts'],
  // The control plane built from source, on loopback (KWOK nodes).
  'control-plane': ['test/e2e/**/*.test.ts'],
  // Differential tests against outside judges over large generated corpora (the Go YAML
  // decoder, Cyclonus, Ajv on the schemas as written), real Redis, kube-score over every
  // scenario; n shards merged against the unsharded run on third-party corpora.
  differential: [
    'test/validator/shard-merge.test.ts',
    'test/validator/decode/decode-differential.test.ts',
    'test/validator/plain-positions.test.ts',
    'test/validator/share-subschemas.test.ts',
    'test/validator/flows/differential.test.ts',
    'test/chart/redis-bootstrap.test.ts',
    'test/chart/kube-score.test.ts',
  ],
  // npm pack and install into an empty folder; signed releases with Helm 3 and 4.
  package: ['test/package/**/*.test.ts', 'test/release/release.test.ts'],
  // Locating findings at values keys: many perturbed renders per case (our chart and Bitnami redis).
  locate: ['test/validator/locate/locate-rules.test.ts', 'test/validator/locate/locate-third-party.test.ts'],
} as const;

const shared = {
  // Helm and kubeconform runs are real processes; give them room on 2 cores.
  testTimeout: 120_000,
  hookTimeout: 300_000,
  pool: 'forks',
} as const;

// The fast tier shares one module graph per worker (isolate: false): with isolation each file
// forked a fresh process and imported the validator again, about half the tier's CPU time.
// Tests that change the environment restore it (vi.stubEnv, unstubAllEnvs).
// Files at once. Vitest's default on 2 cores is one file at a time (cores − 1); most of these
// tests wait on Helm, Go and kubeconform processes, so two files run side by side. Tiers that
// own something process-wide run alone, after the rest: the control plane (one loopback API
// server), and the package tier (`npm pack` rebuilds dist/, which other tests run).
const WORKERS = 2;
const ALONE: ReadonlySet<string> = new Set(['control-plane', 'package']);

export default defineConfig({
  test: {
    reporters: ['default', './test/helpers/summary-reporter.ts'],
    projects: [
      { test: { ...shared, name: 'fast', include: ['test/**/*.test.ts'], exclude: Object.values(SLOW_TIERS).flat(), maxWorkers: WORKERS, isolate: false } },
      ...Object.entries(SLOW_TIERS).map(([name, include]) => ({
        test: {
          ...shared,
          name,
          include: [...include],
          ...(ALONE.has(name) ? { maxWorkers: 1, sequence: { groupOrder: 1 } } : { maxWorkers: WORKERS }),
        },
      })),
    ],
  },
});
