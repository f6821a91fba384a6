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
  'control-plane': ['test/e2e/control-plane.test.ts', 'test/e2e/harness.test.ts', 'test/e2e/kubernetes-release.test.ts'],
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
