{{/*
Pod-level settings shared by every workload of the chart (issue 9): the BoardViewer
StatefulSet, the Redis StatefulSet, the Redis bootstrap Job, the chaos drill CronJob and the
`helm test` pod. The top-level values are chart-wide; each component's block (`redis.cluster`,
`chaosDrill`, `tests`) overrides them:
- imagePullSecrets: global.imagePullSecrets + imagePullSecrets + the component's (deduplicated);
- podAnnotations: the chart-wide ones, then the component's (the component wins a key);
- nodeSelector, tolerations, priorityClassName: the component's when set, else the chart-wide.
*/}}

{{/*
boardviewer.podSettings: the pod spec fields above, and the component's affinity for
workloads whose affinity the chart does not build itself (`"affinity" true`).
Usage: {{- include "boardviewer.podSettings" (dict "root" . "component" .Values.chaosDrill "affinity" true) | nindent 6 }}
The BoardViewer pods pass no component: they use the top-level values.
*/}}
{{- define "boardviewer.podSettings" -}}
{{- $root := .root }}
{{- $c := default (dict) .component }}
{{- $secrets := list }}
{{- range concat (default list $root.Values.global.imagePullSecrets) $root.Values.imagePullSecrets (default list $c.imagePullSecrets) }}
{{- if not (has .name $secrets) }}{{ $secrets = append $secrets .name }}{{ end }}
{{- end }}
{{- with $secrets }}
imagePullSecrets:
{{- range . }}
  - name: {{ . }}
{{- end }}
{{- end }}
{{- with (default $root.Values.priorityClassName $c.priorityClassName) }}
priorityClassName: {{ . | quote }}
{{- end }}
{{- with (default $root.Values.nodeSelector $c.nodeSelector) }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with (default $root.Values.tolerations $c.tolerations) }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- if and .affinity $c.affinity }}
affinity:
  {{- toYaml $c.affinity | nindent 2 }}
{{- end }}
{{- end }}

{{/*
boardviewer.podAnnotations: the pod template's annotations (chart-wide, then the component's,
then the chart's own fixed ones, which win), as YAML lines, or nothing.
Usage: {{- with include "boardviewer.podAnnotations" (dict "root" . "component" .Values.redis.cluster) }}
*/}}
{{- define "boardviewer.podAnnotations" -}}
{{- $c := default (dict) .component }}
{{- $all := merge (deepCopy (default (dict) .fixed)) (deepCopy (default (dict) $c.podAnnotations)) (deepCopy .root.Values.podAnnotations) }}
{{- with $all }}{{ toYaml . }}{{ end }}
{{- end }}

{{/*
boardviewer.containerSecurityContext: the `restricted` container securityContext (R15) with the
component's `containerSecurityContext` merged over it.
Usage: {{ include "boardviewer.containerSecurityContext" (list . .Values.redis.cluster.containerSecurityContext) | nindent 12 }}
*/}}
{{- define "boardviewer.containerSecurityContext" -}}
{{- $restricted := include "boardviewer.restrictedContainerSecurity" (index . 0) | fromYaml }}
{{- $override := deepCopy (default (dict) (index . 1)) }}
{{- $merged := mergeOverwrite $restricted $override }}
{{- /* The API server refuses privileged with allowPrivilegeEscalation false (found by bvchart
explore): a privileged override without its own allowPrivilegeEscalation drops the default. */}}
{{- if and $merged.privileged (not (hasKey $override "allowPrivilegeEscalation")) }}
{{- $_ := set $merged "allowPrivilegeEscalation" true }}
{{- end }}
{{- toYaml $merged }}
{{- end }}

{{/*
boardviewer.namespace: the namespace of every namespaced object: namespaceOverride, else the
release's (for umbrella charts that install this chart into another namespace).
Usage: {{ include "boardviewer.namespace" . }}
*/}}
{{- define "boardviewer.namespace" -}}
{{- default .Release.Namespace .Values.namespaceOverride }}
{{- end }}

{{/*
boardviewer.commonAnnotations: the user's commonAnnotations for one object's metadata, as YAML
lines, without the keys the object sets itself: helm.sh/* (hooks, resource policy), the keys of
`except` and those under `prefixes`.
Usage: {{- with include "boardviewer.commonAnnotations" (dict "root" . "except" .Values.ingress.annotations "prefixes" (list "nginx.ingress.kubernetes.io/")) | trim }}
*/}}
{{- define "boardviewer.commonAnnotations" -}}
{{- $out := dict }}
{{- $except := default (dict) .except }}
{{- $prefixes := prepend (default (list) .prefixes) "helm.sh/" }}
{{- range $key, $value := .root.Values.commonAnnotations }}
{{- $skip := hasKey $except $key }}
{{- range $prefixes }}{{ if hasPrefix . $key }}{{ $skip = true }}{{ end }}{{ end }}
{{- if not $skip }}{{ $_ := set $out $key $value }}{{ end }}
{{- end }}
{{- with $out }}{{ toYaml . }}{{ end }}
{{- end }}

{{/*
boardviewer.annotations: an object's own annotations (e.g. service.annotations) with the
commonAnnotations it does not set, as YAML lines, or nothing.
Usage: {{- with include "boardviewer.annotations" (dict "root" . "own" .Values.service.annotations) | trim }}
*/}}
{{- define "boardviewer.annotations" -}}
{{- $common := include "boardviewer.commonAnnotations" (dict "root" .root "except" .own) | fromYaml }}
{{- with merge (deepCopy (default (dict) .own)) (default (dict) $common) }}{{ toYaml . }}{{ end }}
{{- end }}

{{/*
boardviewer.commonLabels: the user's commonLabels, without the keys the chart sets itself.
Usage: {{- include "boardviewer.commonLabels" . | nindent 4 }}
*/}}
{{- define "boardviewer.commonLabels" -}}
{{- $labels := deepCopy .Values.commonLabels }}
{{- range list "helm.sh/chart" "app.kubernetes.io/name" "app.kubernetes.io/instance" "app.kubernetes.io/version" "app.kubernetes.io/part-of" "app.kubernetes.io/managed-by" "app.kubernetes.io/component" }}
{{- $_ := unset $labels . }}
{{- end }}
{{- with $labels }}{{ toYaml . }}{{ end }}
{{- end }}

{{/*
boardviewer.redisExporter: the redis_exporter sidecar of each Redis node (redis.cluster.metrics),
reading the node over localhost with the cluster password from the Secret (never in arguments).
Usage: {{- with include "boardviewer.redisExporter" . | trim }}{{- . | nindent 8 }}{{- end }}
*/}}
{{- define "boardviewer.redisExporter" -}}
{{- if .Values.redis.cluster.metrics.enabled }}
- name: redis-exporter
  image: {{ include "boardviewer.image" (list . .Values.redis.cluster.metrics.image "redis.cluster.metrics.image") }}
  imagePullPolicy: IfNotPresent
  env:
    - name: REDIS_ADDR
      value: redis://127.0.0.1:6379
    - name: REDIS_EXPORTER_IS_CLUSTER
      value: "true"
    - name: REDIS_EXPORTER_WEB_LISTEN_ADDRESS
      value: {{ printf ":%d" (int .Values.redis.cluster.metrics.port) | quote }}
    - name: REDIS_PASSWORD
      valueFrom:
        secretKeyRef:
          name: {{ include "boardviewer.redisSecretName" . }}
          key: redis-password
  ports:
    - name: redis-metrics
      containerPort: {{ .Values.redis.cluster.metrics.port }}
      protocol: TCP
  readinessProbe:
    httpGet:
      path: /health
      port: redis-metrics
    periodSeconds: 10
    failureThreshold: 3
  livenessProbe:
    httpGet:
      path: /health
      port: redis-metrics
    periodSeconds: 10
    failureThreshold: 3
  resources:
    requests:
      cpu: 50m
      memory: 32Mi
      ephemeral-storage: 16Mi
    limits:
      cpu: 200m
      memory: 64Mi
  securityContext:
    {{- include "boardviewer.containerSecurityContext" (list . .Values.redis.cluster.containerSecurityContext) | nindent 4 }}
{{- end }}
{{- end }}
