// Real Helm in the loop: every scenario × Helm 3 and 4 × Kubernetes 1.29–1.36 passes
// `helm lint --strict`, renders, parses, and validates against the Kubernetes JSON schemas
// (kubeconform, strict, offline schemas in ../shared/kubernetes-schemas).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseYamlFile } from '../../core/yaml-source.ts';
import { Helm, HELM_MAJORS } from '../../toolchain/helm.ts';
import { KUBE_VERSIONS } from '../../toolchain/kube-versions.ts';
import { folderSchemaLocations, runKubeconform, SHARED_SCHEMAS_DIR } from '../../toolchain/kubeconform.ts';
import { CHART, CRD_API_VERSIONS, SCENARIOS } from '../helpers/scenarios.ts';

it('has the offline Kubernetes schemas', () => {
  expect(fs.existsSync(`${SHARED_SCHEMAS_DIR}/v1.29.0-standalone-strict/statefulset-apps-v1.json`)).toBe(true);
});

describe.each(HELM_MAJORS.flatMap((major) => SCENARIOS.map((s) => ({ major, scenario: s }))))(
  'helm$major, $scenario.name',
  ({ major, scenario }) => {
    const helm = new Helm(major);

    it.each(KUBE_VERSIONS)('Kubernetes %s: lints, renders, parses and validates', async (kubeVersion) => {
      const options = { chart: CHART, kubeVersion, valuesFiles: scenario.valuesFiles };
      // helm lint cannot declare API versions; requireCRDs=false is the chart's offline switch.
      const lint = await helm.lint({ ...options, set: scenario.needsCRDs ? ['requireCRDs=false'] : [] });
      expect(lint.status, `${lint.stdout}${lint.stderr}`).toBe(0);
      expect(lint.stdout).toContain('0 chart(s) failed');

      const rendered = await helm.template({ ...options, apiVersions: CRD_API_VERSIONS });
      expect(rendered.status, rendered.stderr).toBe(0);
      const parsed = parseYamlFile('render', rendered.stdout);
      expect(parsed.diagnostics).toEqual([]);
      const objects = parsed.documents.map((d) => d.value).filter((v) => v !== null);
      expect(objects.length).toBeGreaterThanOrEqual(4);
      for (const object of objects) {
        expect(object).toMatchObject({ apiVersion: expect.any(String), kind: expect.any(String) });
      }
      const kinds = objects.map((o) => (o as { kind: string }).kind);
      expect(kinds).toContain('StatefulSet');
      expect(kinds.filter((k) => k === 'Service').length).toBeGreaterThanOrEqual(2);

      const report = await runKubeconform(
        { kubernetesVersion: kubeVersion, schemaLocations: folderSchemaLocations(), strict: true },
        { stdin: rendered.stdout },
      );
      const bad = report.resources.filter((r) => r.status !== 'valid');
      expect(bad).toEqual([]);
      expect(report.summary.valid).toBe(objects.length);
    });
  },
);
