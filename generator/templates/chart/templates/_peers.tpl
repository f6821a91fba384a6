{{- /*
Peers and addresses: pod names, the quorum peers, Redis node addresses, and DNS egress.
*/ -}}
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

