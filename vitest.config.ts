import { defineConfig } from 'vitest/config';

// Test tiers. `npm run test:fast` runs the fast tier (a developer's loop); `npm test` (CI)
// runs every tier. Each slow tier is named for what makes it slow.
const SLOW_TIERS = {
  // Every scenario × Kubernetes 1.29–1.36 × Helm 3 and 4 (the fast tier covers one cell per scenario).
  matrix: ['test/chart/helm-matrix.test.ts'],
  // A 50 MB manifest file.
  'large-input': ['test/validator/large-input.test.ts'],
  // yaml-language-server over LSP.
  'language-server': ['test/editor/yaml-language-server.test.ts'],
  // The control plane built from source, on loopback (KWOK nodes).
  'control-plane': ['test/e2e/**/*.test.ts'],
  // Differential tests against outside judges over large generated corpora (the Go YAML
  // decoder, Cyclonus), real Redis, kube-score over every scenario.
  differential: [
    'test/validator/decode/decode-differential.test.ts',
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

export default defineConfig({
  test: {
    reporters: ['default', './test/helpers/summary-reporter.ts'],
    projects: [
      { test: { ...shared, name: 'fast', include: ['test/**/*.test.ts'], exclude: Object.values(SLOW_TIERS).flat() } },
      ...Object.entries(SLOW_TIERS).map(([name, include]) => ({ test: { ...shared, name, include: [...include] } })),
    ],
  },
});
