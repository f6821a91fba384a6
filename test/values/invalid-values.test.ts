// Every bad values file under values/invalid/ is rejected by Helm itself (Helm 3 and Helm 4,
// `helm lint --strict` and `helm template`, both at the key the file's header names) and by
// `bvchart validate -f` (its render stage names the same key path, with file and line). One
// mistake per file.
import { describe, expect, it } from 'vitest';
import { HELM_MAJORS, Helm } from '../../toolchain/helm.ts';
import { NEWEST_KUBE_VERSION } from '../../toolchain/kube-versions.ts';
import { renderChart } from '../../validator/render/render-chart.ts';
import { CHART } from '../helpers/scenarios.ts';
import { INVALID_MODELINE, loadInvalidValuesCases } from './invalid-fixtures.ts';

const CASES = loadInvalidValuesCases();

/**
 * The JSON Pointers Helm's schema errors point at (`- at '/image/tag': ...`); an unknown key is
 * reported at its parent (`at '/persistence': additional properties 'sise' not allowed`), so
 * it is appended.
 */
function helmErrorPointers(output: string): string[] {
  const out: string[] = [];
  for (const match of output.matchAll(/at '([^']*)': (.*)$/gm)) {
    const at = match[1] ?? '';
    const unknown = /additional properties? ((?:'[^']+'(?:, )?)+) not allowed/.exec(match[2] ?? '');
    if (unknown?.[1]) for (const key of unknown[1].matchAll(/'([^']+)'/g)) out.push(`${at}/${key[1] ?? ''}`);
    else out.push(at);
  }
  return out;
}

describe('values/invalid/ fixtures', () => {
  it('cover the mistakes the issue lists, one file each', () => {
    const names = CASES.map((c) => c.name);
    for (const required of [
      'misspelt-key.yaml',
      'wrong-type.yaml',
      'replicas-out-of-range.yaml',
      'unknown-enum.yaml',
      'malformed-quantity.yaml',
      'bad-cron.yaml',
      'bad-host-name.yaml',
      'latest-image-tag.yaml',
    ]) {
      expect(names).toContain(required);
    }
  });

  it.each(CASES)('$name starts with the modeline, then its expectation', ({ text }) => {
    const [first, second] = text.split('\n');
    expect(first).toBe(INVALID_MODELINE);
    expect(second).toMatch(/^# expect: \S+$/);
  });

  it('reads the error from Helm output the way Helm words it', () => {
    const output = ["- at '/persistence': additional properties 'sise' not allowed", "- at '/ingress/hosts/0/host': 'X' does not match pattern '^a$'"].join(
      '\n',
    );
    expect(helmErrorPointers(output)).toEqual(['/persistence/sise', '/ingress/hosts/0/host']);
  });
});

describe.each(CASES)('values/invalid/$name (expect $keyPath)', (c) => {
  it(`bvchart validate -f names ${c.keyPath} with the file and line ${c.line}`, async () => {
    const request = {
      chart: CHART,
      valuesFiles: [c.file],
      kubeVersion: NEWEST_KUBE_VERSION,
      helmMajor: 4 as const,
      releaseName: 'bv',
      namespace: 'boards',
      apiVersions: [],
    };
    const outcome = await renderChart(request, new Map());
    expect(outcome.ok, 'rejected').toBe(false);
    if (outcome.ok) return;
    for (const f of outcome.findings) {
      // Every problem found is the one the file is about (the fixture has one mistake).
      expect(f.severity).toBe('error');
      expect(f.values?.[0], f.message).toMatchObject({ file: c.file, line: c.line, path: c.keyPath });
    }
  });

  it.each(HELM_MAJORS)(`helm%i lint --strict and template reject it at ${c.pointer}`, async (major) => {
    const helm = new Helm(major);
    const options = { chart: CHART, kubeVersion: NEWEST_KUBE_VERSION, valuesFiles: [c.file] };
    const [lint, template] = await Promise.all([helm.lint(options), helm.template(options)]);
    for (const [command, result] of [
      ['lint', lint],
      ['template', template],
    ] as const) {
      const output = `${result.stdout}\n${result.stderr}`;
      expect(result.error, `${command}: ${output}`).toBeUndefined();
      expect(result.status, `${command} should fail: ${output}`).not.toBe(0);
      // Rejected by the values schema, not by some template failing further on.
      expect(output, command).toMatch(/values don't meet the specifications of the schema/);
      expect(helmErrorPointers(output), `${command}: ${output}`).toContain(c.pointer);
    }
  });
});
