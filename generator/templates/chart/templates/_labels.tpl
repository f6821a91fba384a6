{{- /*
Labels: the recommended app.kubernetes.io set, selectors, and per-component labels.
*/ -}}
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
boardviewer.selectorString: the same selector as a label-selector string (`kubectl -l`, the
API's labelSelector), for the pods that look the server pods up (chaos drill, helm test).
Usage: {{ include "boardviewer.selectorString" . }}
*/}}
{{- define "boardviewer.selectorString" -}}
{{- $pairs := list }}
{{- range $key, $value := include "boardviewer.selectorLabels" . | fromYaml }}
{{- $pairs = append $pairs (printf "%s=%s" $key $value) }}
{{- end }}
{{- join "," $pairs }}
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
boardviewer.redisSelectorLabels: selects the Redis Cluster's pods.
Usage: {{ include "boardviewer.redisSelectorLabels" . }}
*/}}
{{- define "boardviewer.redisSelectorLabels" -}}
app.kubernetes.io/name: {{ include "boardviewer.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: redis
{{- end }}

