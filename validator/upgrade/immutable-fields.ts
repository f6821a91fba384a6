// Fields the Kubernetes API refuses to change on update (so `helm upgrade` fails), by kind.
// Paths are dotted from the object root; the whole subtree counts.
export interface ImmutableField {
  readonly path: string;
  readonly why: string;
}

export const IMMUTABLE_FIELDS: Readonly<Record<string, readonly ImmutableField[]>> = {
  StatefulSet: [
    { path: 'spec.selector', why: "a StatefulSet's selector is immutable" },
    { path: 'spec.serviceName', why: "a StatefulSet's serviceName is immutable" },
    { path: 'spec.volumeClaimTemplates', why: 'volumeClaimTemplates (names, sizes, classes, labels) are immutable' },
    { path: 'spec.podManagementPolicy', why: 'podManagementPolicy is immutable' },
  ],
  Deployment: [{ path: 'spec.selector', why: "a Deployment's selector is immutable" }],
  DaemonSet: [{ path: 'spec.selector', why: "a DaemonSet's selector is immutable" }],
  ReplicaSet: [{ path: 'spec.selector', why: "a ReplicaSet's selector is immutable" }],
  Job: [
    { path: 'spec.selector', why: "a Job's selector is immutable" },
    { path: 'spec.template', why: "a Job's pod template is immutable" },
    { path: 'spec.completionMode', why: "a Job's completionMode is immutable" },
  ],
  Service: [
    { path: 'spec.clusterIP', why: "a Service's clusterIP is immutable" },
    { path: 'spec.clusterIPs', why: "a Service's clusterIPs are immutable" },
  ],
  PersistentVolumeClaim: [
    { path: 'spec.storageClassName', why: "a claim's storageClassName is immutable" },
    { path: 'spec.accessModes', why: "a claim's accessModes are immutable" },
    { path: 'spec.volumeName', why: "a bound claim's volumeName is immutable" },
    { path: 'spec.selector', why: "a claim's selector is immutable" },
  ],
  StorageClass: [
    { path: 'provisioner', why: "a StorageClass's provisioner is immutable" },
    { path: 'parameters', why: "a StorageClass's parameters are immutable" },
    { path: 'reclaimPolicy', why: "a StorageClass's reclaimPolicy is immutable" },
    { path: 'volumeBindingMode', why: "a StorageClass's volumeBindingMode is immutable" },
  ],
  RoleBinding: [{ path: 'roleRef', why: "a RoleBinding's roleRef is immutable" }],
  ClusterRoleBinding: [{ path: 'roleRef', why: "a ClusterRoleBinding's roleRef is immutable" }],
  PersistentVolume: [{ path: 'spec.persistentVolumeSource', why: "a volume's source is immutable" }],
};
