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
boardviewer.labels: the recommended app.kubernetes.io labels of every object.
Usage: {{ include "boardviewer.labels" . }}
*/}}
{{- define "boardviewer.labels" -}}
helm.sh/chart: {{ include "boardviewer.chart" . }}
{{ include "boardviewer.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/part-of: boardviewer
app.kubernetes.io/managed-by: {{ .Release.Service }}
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
