// The external tools: pinned versions, Helm argument building, the kubeconform wrapper's
// verdicts, and the bootstrap's message when Go is missing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Helm, helmLintArgs, helmTemplateArgs } from '../../toolchain/helm.ts';
import { folderSchemaLocations, runKubeconform } from '../../toolchain/kubeconform.ts';
import { locateTool, TOOL_PINS } from '../../toolchain/locate-tool.ts';
import { runProcess } from '../../toolchain/run-process.ts';
import { REPO } from '../helpers/project.ts';

describe('pinned tools', () => {
  it.each(TOOL_PINS.filter((pin) => pin.version !== undefined))('$name reports $version', async (pin) => {
    const result = await runProcess(locateTool(pin.name), pin.versionArgs);
    expect(`${result.stdout}${result.stderr}`.trim()).toBe(pin.versionOutput ?? pin.version);
  });
});

describe('helm arguments', () => {
  it.each([
    [
      helmTemplateArgs({ chart: 'chart', kubeVersion: '1.30.0', valuesFiles: ['a.yaml', 'b.yaml'] }),
      ['template', 'boardviewer', 'chart', '--namespace', 'boardviewer', '--kube-version', '1.30.0', '--values', 'a.yaml', '--values', 'b.yaml'],
    ],
    [
      helmTemplateArgs({ chart: 'c', kubeVersion: '1.36.0', releaseName: 'r', namespace: 'n', apiVersions: ['monitoring.coreos.com/v1'], set: ['replicas=5'] }),
      ['template', 'r', 'c', '--namespace', 'n', '--kube-version', '1.36.0', '--api-versions', 'monitoring.coreos.com/v1', '--set', 'replicas=5'],
    ],
    [helmLintArgs({ chart: 'chart', kubeVersion: '1.29.0' }), ['lint', 'chart', '--strict', '--namespace', 'boardviewer', '--kube-version', '1.29.0']],
  ])('%j', (actual, expected) => {
    expect(actual).toEqual(expected);
  });

  it('always passes the Kubernetes version, so a go-installed Helm does not assume its own', async () => {
    const calls: string[][] = [];
    const helm = new Helm(3, {
      binary: 'helm3',
      runner: async (_cmd, args) => {
        calls.push([...args]);
        return { status: 0, stdout: '', stderr: '' };
      },
    });
    await helm.template({ chart: 'chart', kubeVersion: '1.31.0' });
    await helm.lint({ chart: 'chart', kubeVersion: '1.31.0' });
    for (const args of calls) expect(args.slice(args.indexOf('--kube-version'), args.indexOf('--kube-version') + 2)).toEqual(['--kube-version', '1.31.0']);
  });

  it('renders with the pinned Kubernetes version visible to templates', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-capver-'));
    fs.mkdirSync(path.join(dir, 'templates'));
    fs.writeFileSync(path.join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: capver\nversion: 0.1.0\n');
    fs.writeFileSync(
      path.join(dir, 'templates', 'cm.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: v}\ndata: {v: "{{ .Capabilities.KubeVersion.Version }}"}\n',
    );
    for (const major of [3, 4] as const) {
      const result = await new Helm(major).template({ chart: dir, kubeVersion: '1.33.0' });
      expect(result.stdout).toContain('v: "v1.33.0"');
    }
  });
});

describe('kubeconform wrapper', () => {
  const options = { kubernetesVersion: '1.33.0', schemaLocations: folderSchemaLocations(), strict: true };

  it.each([
    ['valid Service', 'apiVersion: v1\nkind: Service\nmetadata: {name: ok}\nspec: {ports: [{port: 80}]}\n', 'valid'],
    ['unknown field under strict', 'apiVersion: v1\nkind: Service\nmetadata: {name: x}\nspec: {bogus: 1}\n', 'invalid'],
    [
      'wrong type',
      'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: x}\nspec: {replicas: "three", selector: {}, template: {}, serviceName: s}\n',
      'invalid',
    ],
    ['unknown kind', 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: x}\n', 'error'],
  ])('%s → %s', async (_name, manifest, status) => {
    const report = await runKubeconform(options, { stdin: manifest });
    expect(report.resources.map((r) => r.status)).toEqual([status]);
  });
});

describe('bootstrap', () => {
  it('stops with an actionable message when a tool is missing and Go is not installed', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bvchart-boot-'));
    fs.mkdirSync(path.join(root, 'scripts'));
    fs.mkdirSync(path.join(root, 'toolchain'));
    fs.copyFileSync(path.join(REPO, 'scripts', 'bootstrap.mjs'), path.join(root, 'scripts', 'bootstrap.mjs'));
    fs.copyFileSync(path.join(REPO, 'scripts', 'cache-lock.mjs'), path.join(root, 'scripts', 'cache-lock.mjs'));
    fs.copyFileSync(path.join(REPO, 'scripts', 'go-source-digest.mjs'), path.join(root, 'scripts', 'go-source-digest.mjs'));
    fs.copyFileSync(path.join(REPO, 'toolchain', 'tools.json'), path.join(root, 'toolchain', 'tools.json'));
    fs.copyFileSync(path.join(REPO, 'package-lock.json'), path.join(root, 'package-lock.json'));
    fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'));
    const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'bootstrap.mjs')], {
      encoding: 'utf8',
      env: { PATH: path.dirname(process.execPath), HOME: root, BVCHART_TOOLS_CACHE: path.join(root, 'cache') },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('helm3 v3.22.0 is missing and Go is not installed to build it');
    expect(result.stderr).toContain('Install Go');
    expect(result.stderr).toContain('helm.sh/helm/v3/cmd/helm@v3.22.0');
  });
});
