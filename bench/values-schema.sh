#!/usr/bin/env bash
# Size of a chart's values.schema.json and the time Helm 3 and Helm 4 take to lint and render
# it: median wall time and median CPU time (user + sys, less sensitive to a busy machine) of N
# runs on one core. `template-noschema` renders with --skip-schema-validation, so its
# difference with `template` is what validating the values against the schema costs.
#   bash bench/values-schema.sh [chart-dir ...]      (default: chart; RUNS=11 KUBE=1.36.0)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-11}
KUBE=${KUBE:-1.36.0}
PATH="$PWD/.tools/bin:$PATH"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for chart in "${@:-chart}"; do
  bytes=$(wc -c <"$chart/values.schema.json")
  gz=$(gzip -9c "$chart/values.schema.json" | wc -c)
  echo "$chart: values.schema.json $bytes bytes ($gz gzipped)"
  for helm in helm3 helm4; do
    for cmd in lint template template-noschema; do
      args=("${cmd%-noschema}" "$chart" --kube-version "$KUBE" --set requireCRDs=false)
      [ "$cmd" = lint ] && args+=(--strict)
      [ "$cmd" = template-noschema ] && args+=(--skip-schema-validation)
      samples=$(mktemp)
      for _ in $(seq "$RUNS"); do
        /usr/bin/time -f '%e %U %S' -o "$samples.one" taskset -c 0 "$helm" "${args[@]}" >/dev/null 2>&1
        cat "$samples.one" >>"$samples"
      done
      wall=$(awk '{print int($1 * 1000)}' "$samples" | median)
      cpu=$(awk '{print int(($2 + $3) * 1000)}' "$samples" | median)
      echo "  $helm $cmd: wall ${wall} ms, cpu ${cpu} ms (median of $RUNS)"
      rm -f "$samples" "$samples.one"
    done
  done
done
