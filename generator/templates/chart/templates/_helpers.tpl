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
boardviewer.suffixedName: "<fullname>-<suffix>" within an API name limit. The fullname is
shortened, never the suffix, so the objects of different components never share a name.
Limits: 63 for DNS-1123/1035 labels (Services, a Job's job-name label), 52 for CronJobs
(the controller appends an 11-character suffix to each Job) and StatefulSets (pods carry
the controller-revision-hash label `<name>-<10-char hash>`), 253 for DNS-1123 subdomains.
Usage: {{ include "boardviewer.suffixedName" (list . "chaos-drill" 52) }}
*/}}
{{- define "boardviewer.suffixedName" -}}
{{- $root := index . 0 }}
{{- $suffix := index . 1 }}
{{- $limit := index . 2 | int }}
{{- $prefix := include "boardviewer.fullname" $root | trunc (sub $limit (add 1 (len $suffix)) | int) | trimSuffix "-" }}
{{- printf "%s-%s" $prefix $suffix }}
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
{{- with include "boardviewer.commonLabels" . }}
{{ . }}
{{- end }}
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
boardviewer.image: the application image, pinned by digest or tag (see boardviewer.imageReference);
`latest` is refused (R12: image changes are deliberate rollouts).
Usage: {{ include "boardviewer.image" . }}
*/}}
{{- define "boardviewer.image" -}}
{{- include "boardviewer.imageReference" (list . .Values.image "image.tag") }}
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
boardviewer.scaledCount: a disruption bound (a count, or a percentage of N pods) as a count.
Percentages round up when the third item is true (PodDisruptionBudgets), down otherwise
(a StatefulSet's rollingUpdate.maxUnavailable).
Usage: {{ include "boardviewer.scaledCount" (list "25%" 5 true) }}
*/}}
{{- define "boardviewer.scaledCount" -}}
{{- $bound := toString (index . 0) }}
{{- $n := index . 1 | int }}
{{- if hasSuffix "%" $bound }}
{{- $pct := trimSuffix "%" $bound | int }}
{{- if index . 2 }}{{ div (add (mul $n $pct) 99) 100 }}{{ else }}{{ div (mul $n $pct) 100 }}{{ end }}
{{- else }}
{{- $bound | int }}
{{- end }}
{{- end }}

{{/*
boardviewer.podsLeft: the pods still serving at N pods after the worst voluntary disruption
the chart allows (R8, R12): the larger of what the PodDisruptionBudget lets a node drain
evict and what a rolling update takes down (at least one pod at a time).
Usage: {{ include "boardviewer.podsLeft" (list . 4) }}
*/}}
{{- define "boardviewer.podsLeft" -}}
{{- $root := index . 0 }}
{{- $n := index . 1 | int }}
{{- $down := 0 }}
{{- if $root.Values.podDisruptionBudget.enabled }}
{{- $down = include "boardviewer.scaledCount" (list $root.Values.podDisruptionBudget.maxUnavailable $n true) | int }}
{{- end }}
{{- if eq $root.Values.updateStrategy.type "RollingUpdate" }}
{{- $rolling := max 1 (include "boardviewer.scaledCount" (list $root.Values.updateStrategy.maxUnavailable $n false) | int) }}
{{- $down = max $down $rolling | int }}
{{- end }}
{{- sub $n $down }}
{{- end }}

{{/*
boardviewer.validate: fails the render, naming the value to change, when the values cannot
work together. Included once, from the StatefulSet.
- R8: the primary plus writeQuorum replicas must fit in the fewest pods that will run,
  also after the worst disruption the PDB and the rolling update allow (R12).
- R6: the autoscaler's maximum is at least its minimum.
- R15: networkPolicy.databaseCIDR, redisCIDR (external Redis) and cloudApiCIDRs (when
  allowed) are network addresses (no bits set past the prefix).
Usage: {{ include "boardviewer.validate" . }}
*/}}
{{- define "boardviewer.validate" -}}
{{- $min := include "boardviewer.minReplicas" . | int }}
{{- $need := add 1 .Values.quorum.writeQuorum | int }}
{{- if lt $min $need }}
{{- $key := ternary "autoscaling.minReplicas" "replicas" .Values.autoscaling.enabled }}
{{- fail (printf "%s is %d, but quorum.writeQuorum=%d needs a primary plus %d replicas: set %s to at least %d (R8)" $key $min (int .Values.quorum.writeQuorum) (int .Values.quorum.writeQuorum) $key $need) }}
{{- end }}
{{- $left := include "boardviewer.podsLeft" (list . $min) | int }}
{{- if lt $left $need }}
{{- $key := ternary "autoscaling.minReplicas" "replicas" .Values.autoscaling.enabled }}
{{- $enough := 0 }}
{{- range $n := untilStep $min (add $min 400 | int) 1 }}
{{- if and (eq $enough 0) (ge (include "boardviewer.podsLeft" (list $ $n) | int) $need) }}{{ $enough = $n }}{{ end }}
{{- end }}
{{- fail (printf "%s is %d, but a node drain or rolling update (podDisruptionBudget.maxUnavailable=%v, updateStrategy.maxUnavailable=%v) may leave only %d pods while quorum.writeQuorum=%d needs %d: set %s to at least %d, or tighten the disruption bounds (R8, R12)" $key $min .Values.podDisruptionBudget.maxUnavailable .Values.updateStrategy.maxUnavailable $left (int .Values.quorum.writeQuorum) $need $key $enough) }}
{{- end }}
{{- if and .Values.autoscaling.enabled (lt (int .Values.autoscaling.maxReplicas) (int .Values.autoscaling.minReplicas)) }}
{{- fail (printf "autoscaling.maxReplicas (%d) is below autoscaling.minReplicas (%d) (R6)" (int .Values.autoscaling.maxReplicas) (int .Values.autoscaling.minReplicas)) }}
{{- end }}
{{- if hasKey .Values.affinity "podAntiAffinity" }}
{{- fail "affinity.podAntiAffinity is set by the chart from placement.nodeAntiAffinity (R15); use placement, or nodeAffinity/podAffinity in affinity" }}
{{- end }}
{{- if .Values.networkPolicy.enabled }}
{{- $cidrs := dict "networkPolicy.databaseCIDR" .Values.networkPolicy.databaseCIDR }}
{{- if eq .Values.redis.mode "external" }}{{ $_ := set $cidrs "networkPolicy.redisCIDR" .Values.networkPolicy.redisCIDR }}{{ end }}
{{- if .Values.networkPolicy.allowCloudApiEgress }}
{{- range $i, $cidr := .Values.networkPolicy.cloudApiCIDRs }}{{ $_ := set $cidrs (printf "networkPolicy.cloudApiCIDRs[%d]" $i) $cidr }}{{ end }}
{{- end }}
{{- range $key, $cidr := $cidrs }}
{{- $network := include "boardviewer.cidrNetwork" $cidr }}
{{- if ne $cidr $network }}
{{- fail (printf "%s %s has address bits set beyond its prefix length, which Kubernetes refuses: use %s (R15)" $key $cidr $network) }}
{{- end }}
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
{{- $domain := printf "%s.%s.svc.%s" (include "boardviewer.headlessServiceName" .) (include "boardviewer.namespace" .) .Values.clusterDomain }}
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
boardviewer.imageRef: the reference of an image values block (see boardviewer.imageReference).
Usage: {{ include "boardviewer.imageRef" (list . .Values.renderer.image) }}
*/}}
{{- define "boardviewer.imageRef" -}}
{{- include "boardviewer.imageReference" (list (index . 0) (index . 1) (printf "image %s" (index . 1).repository)) }}
{{- end }}

{{/*
boardviewer.redisFullname: prefix of the in-chart Redis Cluster's objects (R9); at most 52
characters, like the fullname (it names a StatefulSet), and never equal to the fullname.
Usage: {{ include "boardviewer.redisFullname" . }}
*/}}
{{- define "boardviewer.redisFullname" -}}
{{- include "boardviewer.suffixedName" (list . "redis" 52) }}
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
{{- $domain := printf "%s-headless.%s.svc.%s" $name (include "boardviewer.namespace" .) .Values.clusterDomain }}
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

{{/*
boardviewer.dnsEgress: the NetworkPolicy egress rule to the cluster DNS pods only (port 53,
UDP and TCP), not to any address (R15).
Usage: {{ include "boardviewer.dnsEgress" . | nindent 4 }}
*/}}
{{- define "boardviewer.dnsEgress" -}}
- to:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: {{ .Values.networkPolicy.dnsNamespace }}
      podSelector:
        matchLabels:
          {{- toYaml .Values.networkPolicy.dnsPodLabels | nindent 10 }}
  ports:
    - port: 53
      protocol: UDP
    - port: 53
      protocol: TCP
{{- end }}

{{/*
boardviewer.memoryBytes: a Kubernetes memory quantity ("1Gi", "512Mi", "2G", "1000000") in bytes.
Usage: {{ include "boardviewer.memoryBytes" "1Gi" }}
*/}}
{{- define "boardviewer.memoryBytes" -}}
{{- $q := toString . | trim }}
{{- $number := regexFind "^[0-9]+(\\.[0-9]+)?" $q }}
{{- $unit := trimPrefix $number $q }}
{{- $factor := get (dict "" 1.0 "k" 1e3 "M" 1e6 "G" 1e9 "T" 1e12 "Ki" 1024.0 "Mi" 1048576.0 "Gi" 1073741824.0 "Ti" 1099511627776.0) $unit }}
{{- if not $factor }}
{{- fail (printf "memory quantity %q: unknown unit %q" $q $unit) }}
{{- end }}
{{- mulf (float64 $number) $factor | floor | int64 }}
{{- end }}

{{/*
boardviewer.redisMaxmemory: maxmemory of each Redis node in bytes: redis.cluster.maxmemoryPercent
of its memory limit, so the node evicts keys before the kernel kills it (R9).
Usage: {{ include "boardviewer.redisMaxmemory" . }}
*/}}
{{- define "boardviewer.redisMaxmemory" -}}
{{- $limit := include "boardviewer.memoryBytes" .Values.redis.cluster.resources.limits.memory | float64 }}
{{- divf (mulf $limit (float64 .Values.redis.cluster.maxmemoryPercent)) 100 | floor | int64 }}
{{- end }}
