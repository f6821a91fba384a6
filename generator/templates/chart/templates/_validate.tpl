{{- /*
Render guards: `fail` with a message that starts with the values key to change, `<key>: <why>` (several keys:
`<key>, <key>: <why>`, the one to edit first); bvchart validate and explore parse it
(validator/render/guard-message.ts) and point at the line that sets the key. And the checks they use.
*/ -}}
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
{{- include "boardviewer.requestsWithinLimits" . }}
{{- $min := include "boardviewer.minReplicas" . | int }}
{{- $need := add 1 .Values.quorum.writeQuorum | int }}
{{- if lt $min $need }}
{{- $key := ternary "autoscaling.minReplicas" "replicas" .Values.autoscaling.enabled }}
{{- fail (printf "%s, quorum.writeQuorum: %d pods, but quorum.writeQuorum=%d needs a primary plus %d replicas: set %s to at least %d (R8)" $key $min (int .Values.quorum.writeQuorum) (int .Values.quorum.writeQuorum) $key $need) }}
{{- end }}
{{- $left := include "boardviewer.podsLeft" (list . $min) | int }}
{{- if lt $left $need }}
{{- $key := ternary "autoscaling.minReplicas" "replicas" .Values.autoscaling.enabled }}
{{- $enough := 0 }}
{{- range $n := untilStep $min (add $min 400 | int) 1 }}
{{- if and (eq $enough 0) (ge (include "boardviewer.podsLeft" (list $ $n) | int) $need) }}{{ $enough = $n }}{{ end }}
{{- end }}
{{- fail (printf "%s, podDisruptionBudget.maxUnavailable, updateStrategy.maxUnavailable: %d pods, but a node drain or rolling update (podDisruptionBudget.maxUnavailable=%v, updateStrategy.maxUnavailable=%v) may leave only %d pods while quorum.writeQuorum=%d needs %d: set %s to at least %d, or tighten the disruption bounds (R8, R12)" $key $min .Values.podDisruptionBudget.maxUnavailable .Values.updateStrategy.maxUnavailable $left (int .Values.quorum.writeQuorum) $need $key $enough) }}
{{- end }}
{{- if and .Values.autoscaling.enabled (lt (int .Values.autoscaling.maxReplicas) (int .Values.autoscaling.minReplicas)) }}
{{- fail (printf "autoscaling.maxReplicas, autoscaling.minReplicas: the maximum %d is below the minimum %d (R6)" (int .Values.autoscaling.maxReplicas) (int .Values.autoscaling.minReplicas)) }}
{{- end }}
{{- if hasKey .Values.affinity "podAntiAffinity" }}
{{- fail "affinity.podAntiAffinity: set by the chart from placement.nodeAntiAffinity (R15); use placement, or nodeAffinity/podAffinity in affinity" }}
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
{{- fail (printf "%s: %s has address bits set beyond its prefix length, which Kubernetes refuses: use %s (R15)" $key $cidr $network) }}
{{- end }}
{{- end }}
{{- end }}
{{- if and (eq .Values.redis.mode "external") (empty .Values.redis.external.addresses) }}
{{- fail "redis.external.addresses, redis.mode: empty while redis.mode is external: list the Redis nodes as host:port (R9)" }}
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
{{- fail (printf "%s: true but the cluster does not serve %s: install its CRDs or set %s=false; to render offline pass --api-versions %s (or set requireCRDs=false)" $key $api $key $api) }}
{{- end }}
{{- end }}


{{/*
boardviewer.requestsWithinLimits: every container's request of CPU, memory and ephemeral
storage is at most its limit, as the API server requires (found by bvchart explore: a Redis
memory request of 10Gi above its 1Gi limit rendered, and the API server refused it).
Usage: {{ include "boardviewer.requestsWithinLimits" . }}
*/}}
{{- define "boardviewer.requestsWithinLimits" -}}
{{- $blocks := dict "resources" .Values.resources "renderer.resources" .Values.renderer.resources "redis.cluster.resources" .Values.redis.cluster.resources }}
{{- range $key := keys $blocks | sortAlpha }}
{{- $block := get $blocks $key | default (dict) }}
{{- $requests := $block.requests | default (dict) }}
{{- $limits := $block.limits | default (dict) }}
{{- range $name := list "cpu" "ephemeral-storage" "memory" }}
{{- $request := get $requests $name }}
{{- $limit := get $limits $name }}
{{- if and $request $limit }}
{{- $helper := ternary "boardviewer.cpuMillis" "boardviewer.memoryBytes" (eq $name "cpu") }}
{{- if gt (include $helper $request | int64) (include $helper $limit | int64) }}
{{- fail (printf "%s.requests.%s: %v is above the limit %v (%s.limits.%s); Kubernetes refuses a request above its limit" $key $name $request $limit $key $name) }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}
