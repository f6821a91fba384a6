{{- /*
Names of the chart's objects: the release fullname and the names derived from it, each within its API limit (issue 9).
*/ -}}
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
boardviewer.redisFullname: prefix of the in-chart Redis Cluster's objects (R9); at most 52
characters, like the fullname (it names a StatefulSet), and never equal to the fullname.
Usage: {{ include "boardviewer.redisFullname" . }}
*/}}
{{- define "boardviewer.redisFullname" -}}
{{- include "boardviewer.suffixedName" (list . "redis" 52) }}
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

