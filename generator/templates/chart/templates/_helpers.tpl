{{/*
boardviewer.name: the chart name, or .Values.nameOverride.
Truncated to 63 characters because Kubernetes names and label values are limited to 63
(RFC 1123 DNS labels).
Usage: {{ include "boardviewer.name" . }}
*/}}
{{- define "boardviewer.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
boardviewer.fullname: the release-qualified name used as the prefix of every resource.
If the release name already contains the chart name it is not repeated. Truncated to 52
characters so that StatefulSet pod names (`<fullname>-<ordinal>`), the controller-revision
hash label they carry (`<fullname>-<10-char hash>`) and `<fullname>-headless` all stay within
63 characters.
Usage: {{ include "boardviewer.fullname" . }}
*/}}
{{- define "boardviewer.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 52 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 52 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 52 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
boardviewer.chart: chart name and version, for the helm.sh/chart label.
Usage: {{ include "boardviewer.chart" . }}
*/}}
{{- define "boardviewer.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
boardviewer.selectorLabels: the labels that select the application's pods. They never
change between releases (a StatefulSet's selector is immutable), so no version here.
Usage: {{ include "boardviewer.selectorLabels" . }}
*/}}
{{- define "boardviewer.selectorLabels" -}}
app.kubernetes.io/name: {{ include "boardviewer.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: server
{{- end }}

{{/*
boardviewer.baseLabels: the recommended app.kubernetes.io labels, without the component.
Usage: {{ include "boardviewer.baseLabels" . }}
*/}}
{{- define "boardviewer.baseLabels" -}}
helm.sh/chart: {{ include "boardviewer.chart" . }}
app.kubernetes.io/name: {{ include "boardviewer.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/part-of: boardviewer
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/*
boardviewer.labels: the labels of the application's objects (component "server").
Usage: {{ include "boardviewer.labels" . }}
*/}}
{{- define "boardviewer.labels" -}}
{{ include "boardviewer.baseLabels" . }}
app.kubernetes.io/component: server
{{- end }}

{{/*
boardviewer.componentLabels: the labels of another component's objects (redis, chaos-drill, test).
Usage: {{ include "boardviewer.componentLabels" (list . "redis") }}
*/}}
{{- define "boardviewer.componentLabels" -}}
{{ include "boardviewer.baseLabels" (index . 0) }}
app.kubernetes.io/component: {{ index . 1 }}
{{- end }}

{{/*
boardviewer.headlessServiceName: the headless Service that gives pods stable DNS names (R1, R4).
Usage: {{ include "boardviewer.headlessServiceName" . }}
*/}}
{{- define "boardviewer.headlessServiceName" -}}
{{- printf "%s-headless" (include "boardviewer.fullname" .) }}
{{- end }}

{{/*
boardviewer.serviceAccountName: the ServiceAccount the pods use.
Usage: {{ include "boardviewer.serviceAccountName" . }}
*/}}
{{- define "boardviewer.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "boardviewer.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
boardviewer.image: the application image, pinned by digest or tag; the tag defaults to the
chart's appVersion and `latest` is refused (R12: image changes are deliberate rollouts).
Usage: {{ include "boardviewer.image" . }}
*/}}
{{- define "boardviewer.image" -}}
{{- $tag := default .Chart.AppVersion .Values.image.tag }}
{{- if eq $tag "latest" }}
{{- fail "image.tag: \"latest\" is not allowed; pin a version so rolling updates are deliberate (R12)" }}
{{- end }}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository $tag }}
{{- end }}
{{- end }}

{{/*
boardviewer.cpuMillis: a Kubernetes CPU quantity ("2", "1500m", 0.5) in millicores.
Usage: {{ include "boardviewer.cpuMillis" .Values.resources.limits.cpu }}
*/}}
{{- define "boardviewer.cpuMillis" -}}
{{- $q := toString . | trim }}
{{- if hasSuffix "m" $q }}
{{- trimSuffix "m" $q | float64 | floor | int }}
{{- else }}
{{- mulf (float64 $q) 1000 | floor | int }}
{{- end }}
{{- end }}

{{/*
boardviewer.poolSize: the HikariCP maximum pool size (R10): database.maxPoolSize when set,
else min(20, 2 × the application container's CPU limit in cores), rounded down, at least 1.
Usage: {{ include "boardviewer.poolSize" . }}
*/}}
{{- define "boardviewer.poolSize" -}}
{{- if gt (int .Values.database.maxPoolSize) 0 }}
{{- .Values.database.maxPoolSize }}
{{- else }}
{{- $millis := include "boardviewer.cpuMillis" .Values.resources.limits.cpu | int }}
{{- max 1 (min 20 (div (mul 2 $millis) 1000)) }}
{{- end }}
{{- end }}

{{/*
boardviewer.minReplicas: the fewest pods that will run: the HPA's minimum when autoscaling,
else replicas.
Usage: {{ include "boardviewer.minReplicas" . }}
*/}}
{{- define "boardviewer.minReplicas" -}}
{{- if .Values.autoscaling.enabled }}{{ .Values.autoscaling.minReplicas }}{{ else }}{{ .Values.replicas }}{{ end }}
{{- end }}

{{/*
boardviewer.maxReplicas: the most pods that will run (peers are listed up to this count).
Usage: {{ include "boardviewer.maxReplicas" . }}
*/}}
{{- define "boardviewer.maxReplicas" -}}
{{- if .Values.autoscaling.enabled }}{{ .Values.autoscaling.maxReplicas }}{{ else }}{{ .Values.replicas }}{{ end }}
{{- end }}

{{/*
boardviewer.validate: fails the render, naming the value to change, when the values cannot
work together. Included once, from the StatefulSet.
- R8: the primary plus writeQuorum replicas must fit in the fewest pods that will run.
- R6: the autoscaler's maximum is at least its minimum.
- R15: networkPolicy.databaseCIDR is a network address (no bits set past the prefix).
Usage: {{ include "boardviewer.validate" . }}
*/}}
{{- define "boardviewer.validate" -}}
{{- $min := include "boardviewer.minReplicas" . | int }}
{{- $need := add 1 .Values.quorum.writeQuorum | int }}
{{- if lt $min $need }}
{{- $key := ternary "autoscaling.minReplicas" "replicas" .Values.autoscaling.enabled }}
{{- fail (printf "%s is %d, but quorum.writeQuorum=%d needs a primary plus %d replicas: set %s to at least %d (R8)" $key $min (int .Values.quorum.writeQuorum) (int .Values.quorum.writeQuorum) $key $need) }}
{{- end }}
{{- if and .Values.autoscaling.enabled (lt (int .Values.autoscaling.maxReplicas) (int .Values.autoscaling.minReplicas)) }}
{{- fail (printf "autoscaling.maxReplicas (%d) is below autoscaling.minReplicas (%d) (R6)" (int .Values.autoscaling.maxReplicas) (int .Values.autoscaling.minReplicas)) }}
{{- end }}
{{- if hasKey .Values.affinity "podAntiAffinity" }}
{{- fail "affinity.podAntiAffinity is set by the chart from placement.nodeAntiAffinity (R15); use placement, or nodeAffinity/podAffinity in affinity" }}
{{- end }}
{{- if .Values.networkPolicy.enabled }}
{{- $network := include "boardviewer.cidrNetwork" .Values.networkPolicy.databaseCIDR }}
{{- if ne .Values.networkPolicy.databaseCIDR $network }}
{{- fail (printf "networkPolicy.databaseCIDR %s has address bits set beyond its prefix length, which Kubernetes refuses: use %s (R15)" .Values.networkPolicy.databaseCIDR $network) }}
{{- end }}
{{- end }}
{{- if and (eq .Values.redis.mode "external") (empty .Values.redis.external.addresses) }}
{{- fail "redis.mode is external but redis.external.addresses is empty: list the Redis nodes as host:port (R9)" }}
{{- end }}
{{- end }}

{{/*
boardviewer.cidrNetwork: the network address of an IPv4 CIDR (its address with the bits past
the prefix cleared), e.g. 10.1.2.3/16 -> 10.1.0.0/16. The schema checks the form; Kubernetes
also refuses a CIDR whose address has bits set past the prefix.
Usage: {{ include "boardviewer.cidrNetwork" "10.1.2.3/16" }}
*/}}
{{- define "boardviewer.cidrNetwork" -}}
{{- $parts := splitList "/" . }}
{{- $prefix := index $parts 1 | int }}
{{- $octets := list }}
{{- range $i, $octet := splitList "." (index $parts 0) }}
{{- $bits := max 0 (min 8 (sub $prefix (mul $i 8))) | int }}
{{- $size := 1 }}
{{- range until (sub 8 $bits | int) }}{{- $size = mul $size 2 }}{{- end }}
{{- $octets = append $octets (mul (div (int $octet) $size) $size) }}
{{- end }}
{{- printf "%s/%d" (join "." $octets) $prefix }}
{{- end }}

{{/*
boardviewer.requireAPI: fails when a feature needs a custom resource the cluster does not
serve, instead of silently rendering nothing for it (users would lose alerts or backups).
requireCRDs=false skips the check for offline rendering.
Usage: {{ include "boardviewer.requireAPI" (list . "monitoring.coreos.com/v1/ServiceMonitor" "monitoring.enabled") }}
*/}}
{{- define "boardviewer.requireAPI" -}}
{{- $root := index . 0 }}
{{- $api := index . 1 }}
{{- $key := index . 2 }}
{{- if and $root.Values.requireCRDs (not ($root.Capabilities.APIVersions.Has $api)) }}
{{- fail (printf "%s is true but the cluster does not serve %s: install its CRDs or set %s=false; to render offline pass --api-versions %s (or set requireCRDs=false)" $key $api $key $api) }}
{{- end }}
{{- end }}

{{/*
boardviewer.peers: the stable DNS names of every pod that may run, through the headless
Service (R1, R8), as host:port separated by commas.
Usage: {{ include "boardviewer.peers" . }}
*/}}
{{- define "boardviewer.peers" -}}
{{- $fullname := include "boardviewer.fullname" . }}
{{- $domain := printf "%s.%s.svc.%s" (include "boardviewer.headlessServiceName" .) .Release.Namespace .Values.clusterDomain }}
{{- $peers := list }}
{{- range $i := until (include "boardviewer.maxReplicas" . | int) }}
{{- $peers = append $peers (printf "%s-%d.%s:%d" $fullname $i $domain (int $.Values.containerPort)) }}
{{- end }}
{{- join "," $peers }}
{{- end }}

{{/*
boardviewer.podNames: the names of every pod that may run, as a YAML list (RBAC resourceNames).
Usage: {{ include "boardviewer.podNames" . | nindent 6 }}
*/}}
{{- define "boardviewer.podNames" -}}
{{- $fullname := include "boardviewer.fullname" . }}
{{- range $i := until (include "boardviewer.maxReplicas" . | int) }}
- {{ printf "%s-%d" $fullname $i }}
{{- end }}
{{- end }}

{{/*
boardviewer.imageRef: repository:tag of an image values block; the tag defaults to appVersion.
Usage: {{ include "boardviewer.imageRef" (list . .Values.renderer.image) }}
*/}}
{{- define "boardviewer.imageRef" -}}
{{- $root := index . 0 }}
{{- $image := index . 1 }}
{{- $tag := default $root.Chart.AppVersion $image.tag }}
{{- if eq $tag "latest" }}
{{- fail (printf "image %s: the tag \"latest\" is not allowed; pin a version" $image.repository) }}
{{- end }}
{{- printf "%s:%s" $image.repository $tag }}
{{- end }}

{{/*
boardviewer.redisFullname: prefix of the in-chart Redis Cluster's objects (R9).
Usage: {{ include "boardviewer.redisFullname" . }}
*/}}
{{- define "boardviewer.redisFullname" -}}
{{- printf "%s-redis" (include "boardviewer.fullname" .) | trunc 52 | trimSuffix "-" }}
{{- end }}

{{/*
boardviewer.redisSelectorLabels: selects the Redis Cluster's pods.
Usage: {{ include "boardviewer.redisSelectorLabels" . }}
*/}}
{{- define "boardviewer.redisSelectorLabels" -}}
app.kubernetes.io/name: {{ include "boardviewer.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: redis
{{- end }}

{{/*
boardviewer.redisSecretName: the Secret with the Redis password, or "" without one.
Usage: {{ include "boardviewer.redisSecretName" . }}
*/}}
{{- define "boardviewer.redisSecretName" -}}
{{- if eq .Values.redis.mode "cluster" }}
{{- default (include "boardviewer.redisFullname" .) .Values.redis.cluster.existingSecret }}
{{- else }}
{{- .Values.redis.external.existingSecret }}
{{- end }}
{{- end }}

{{/*
boardviewer.redisAddresses: host:port of every Redis node the application should know.
Usage: {{ include "boardviewer.redisAddresses" . }}
*/}}
{{- define "boardviewer.redisAddresses" -}}
{{- if eq .Values.redis.mode "cluster" }}
{{- $name := include "boardviewer.redisFullname" . }}
{{- $domain := printf "%s-headless.%s.svc.%s" $name .Release.Namespace .Values.clusterDomain }}
{{- $nodes := list }}
{{- range $i := until (int .Values.redis.cluster.nodes) }}
{{- $nodes = append $nodes (printf "%s-%d.%s:6379" $name $i $domain) }}
{{- end }}
{{- join "," $nodes }}
{{- else }}
{{- join "," .Values.redis.external.addresses }}
{{- end }}
{{- end }}

{{/*
boardviewer.restrictedContainerSecurity: the container securityContext of the `restricted`
Pod Security Standard (R15), shared by every container of the chart.
Usage: {{ include "boardviewer.restrictedContainerSecurity" . | nindent 12 }}
*/}}
{{- define "boardviewer.restrictedContainerSecurity" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
runAsNonRoot: true
capabilities:
  drop: ["ALL"]
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/*
boardviewer.restrictedPodSecurity: the pod securityContext of the `restricted` standard for
the chart's helper pods (drill, tests, Redis bootstrap).
Usage: {{ include "boardviewer.restrictedPodSecurity" 65532 | nindent 6 }}
*/}}
{{- define "boardviewer.restrictedPodSecurity" -}}
runAsNonRoot: true
runAsUser: {{ . }}
runAsGroup: {{ . }}
seccompProfile:
  type: RuntimeDefault
{{- end }}
