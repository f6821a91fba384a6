// Types of the plain-Node helper scripts/kubernetes-wrapper.mjs, for the tests.
export function kubernetesWrapperGoMod(kubernetesGoMod: string, kubernetesVersion: string): string;
