// The Kubernetes minors the chart supports and is tested against (Chart.yaml kubeVersion
// >=1.29.0-0; schemas for 1.29–1.36 are available offline).
export const KUBE_VERSIONS = ['1.29.0', '1.30.0', '1.31.0', '1.32.0', '1.33.0', '1.34.0', '1.35.0', '1.36.0'] as const;
export type KubeVersion = (typeof KUBE_VERSIONS)[number];

export const OLDEST_KUBE_VERSION: KubeVersion = KUBE_VERSIONS[0];
export const NEWEST_KUBE_VERSION: KubeVersion = KUBE_VERSIONS[KUBE_VERSIONS.length - 1] ?? '1.36.0';
