// kubeconform's folder layout for Kubernetes schemas, as a schema-location template: a
// location that is a folder gets it appended (its catalogue, our converters and
// ../shared/kubernetes-schemas all use it), e.g. v1.33.0-standalone-strict/statefulset-apps-v1.json.
export const KUBECONFORM_LAYOUT = '{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json';
