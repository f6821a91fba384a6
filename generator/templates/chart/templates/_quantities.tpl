{{- /*
Numbers derived from values: CPU and memory quantities, pool sizes, replica bounds and disruption arithmetic.
*/ -}}
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
