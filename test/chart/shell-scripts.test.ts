// Every shell script the chart renders (container commands, probes, lifecycle hooks) parses
// with a POSIX shell (dash, the /bin/sh of Debian-based images such as Redis) and with bash,
// in every values/ scenario and with the optional chaos drill on: a quoting slip in a
// template otherwise only shows when the pod starts.
import { beforeAll, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { Helm } from '../../toolchain/helm.ts';
import { NEWEST_KUBE_VERSION } from '../../toolchain/kube-versions.ts';
import { runProcess } from '../../toolchain/run-process.ts';
import { CHART, CRD_API_VERSIONS, SCENARIOS } from '../helpers/scenarios.ts';

interface Script {
  readonly where: string;
  readonly text: string;
}

/** The `sh -c <script>` texts anywhere in an object (commands, probes, hooks). */
function scriptsIn(value: unknown, where: string, out: Script[]): void {
  if (Array.isArray(value)) {
    if (value.length >= 3 && value[0] === 'sh' && value[1] === '-c' && typeof value[2] === 'string') out.push({ where, text: value[2] });
    value.forEach((v, i) => scriptsIn(v, `${where}.${i}`, out));
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) scriptsIn(v, `${where}.${k}`, out);
  }
}

const scripts: Script[] = [];

beforeAll(async () => {
  const renders = [
    ...SCENARIOS.map((s) => ({ name: s.name, valuesFiles: s.valuesFiles, set: [] as string[] })),
    { name: 'chaos drill on', valuesFiles: [], set: ['chaosDrill.enabled=true'] },
  ];
  for (const r of renders) {
    const result = await new Helm(4).template({
      chart: CHART,
      kubeVersion: NEWEST_KUBE_VERSION,
      valuesFiles: r.valuesFiles,
      set: r.set,
      releaseName: 'bv',
      namespace: 'boards',
      apiVersions: CRD_API_VERSIONS,
    });
    if (result.status !== 0) throw new Error(`${r.name}: ${result.stderr}`);
    for (const doc of parseAllDocuments(result.stdout)) {
      const object = doc.toJS() as { kind?: string; metadata?: { name?: string } } | null;
      if (object) scriptsIn(object, `${r.name}: ${object.kind}/${object.metadata?.name}`, scripts);
    }
  }
}, 120_000);

it('finds the scripts (app init, Redis start, postStart and probes, bootstrap, drill, helm test)', () => {
  const kinds = new Set(scripts.map((s) => s.where.split(': ')[1]?.split('/')[0]));
  expect([...kinds].sort()).toEqual(['CronJob', 'Job', 'Pod', 'StatefulSet']);
  expect(scripts.length).toBeGreaterThan(20);
});

it.each(['dash', 'bash'])('every script parses with %s -n', async (shell) => {
  const failures: string[] = [];
  for (const s of new Map(scripts.map((x) => [x.text, x])).values()) {
    const r = await runProcess(shell, ['-n', '-c', s.text]);
    if (r.status !== 0) failures.push(`${s.where}: ${r.stderr.trim()}`);
  }
  expect(failures).toEqual([]);
});
