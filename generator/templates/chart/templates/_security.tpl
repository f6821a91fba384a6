{{- /*
The restricted Pod Security Standard for pods and containers.
*/ -}}
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

