// The wrapper module through which k8s.io/kubernetes builds as a dependency: its go.mod
// replaces every k8s.io/* staging module with a local path (./staging/src/...), which a
// dependent module cannot use, so each is mapped to its published release (v1.X.Y → v0.X.Y).
// The lines come from the release's own go.mod, never copied by hand.

/** The wrapper go.mod for k8s.io/kubernetes: every staging module replaced by its release. */
export function kubernetesWrapperGoMod(kubernetesGoMod, kubernetesVersion) {
  const staging = [...kubernetesGoMod.matchAll(/^\s*(k8s\.io\/[\w.-]+)\s*=>\s*\.\/staging\/src\//gm)].map((m) => m[1]);
  if (staging.length === 0) throw new Error('no staging replace lines found in the kubernetes go.mod');
  const goLine = /^go (\S+)/m.exec(kubernetesGoMod)?.[1] ?? '1.26.0';
  const stagingVersion = kubernetesVersion.replace(/^v1\./, 'v0.');
  return [
    'module bvchart.local/kubernetes',
    '',
    `go ${goLine}`,
    '',
    `require k8s.io/kubernetes ${kubernetesVersion}`,
    '',
    'replace (',
    ...staging.map((m) => `\t${m} => ${m} ${stagingVersion}`),
    ')',
    '',
  ].join('\n');
}
