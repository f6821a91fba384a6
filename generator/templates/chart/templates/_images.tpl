{{- /*
Image references: every image of the chart is a values block of one shape (repository, tag,
digest) and goes through the one helper below.
*/ -}}
{{/*
boardviewer.image: an image values block (repository, tag, digest) as a reference:
the digest wins over the tag; the tag defaults to the chart's appVersion and `latest` is
refused (R12); global.imageRegistry replaces the repository's registry (its first part when
that names a host: it has a dot or a port, or is localhost), or is prefixed to it.
The third argument is the block's values path, named by the guard's message.
Usage: {{ include "boardviewer.image" (list . .Values.renderer.image "renderer.image") }}
*/}}
{{- define "boardviewer.image" -}}
{{- $root := index . 0 }}
{{- $image := index . 1 }}
{{- $key := printf "%s.tag" (index . 2) }}
{{- $repository := $image.repository }}
{{- with $root.Values.global.imageRegistry }}
{{- $parts := splitList "/" $repository }}
{{- $first := first $parts }}
{{- if and (gt (len $parts) 1) (or (contains "." $first) (contains ":" $first) (eq $first "localhost")) }}
{{- $repository = join "/" (rest $parts) }}
{{- end }}
{{- $repository = printf "%s/%s" (trimSuffix "/" .) $repository }}
{{- end }}
{{- $tag := default $root.Chart.AppVersion $image.tag }}
{{- if eq $tag "latest" }}
{{- fail (printf "%s: the tag \"latest\" is not allowed; pin a version so rolling updates are deliberate (R12)" $key) }}
{{- end }}
{{- if $image.digest }}
{{- printf "%s@%s" $repository $image.digest }}
{{- else }}
{{- printf "%s:%s" $repository $tag }}
{{- end }}
{{- end }}

