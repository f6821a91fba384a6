#!/usr/bin/env bash
# Size of a chart's values.schema.json and the time Helm 3 and Helm 4 take to lint and render
# it (median of N runs, one core), so a schema change can be weighed: issue 9 carries
# Kubernetes definitions into the schema.
#   bash bench/values-schema.sh [chart-dir ...]      (default: chart)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-7}
KUBE=${KUBE:-1.36.0}
PATH="$PWD/.tools/bin:$PATH"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_ms() { # command...: wall time in ms
  local start end
  start=$(date +%s%N); "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }; end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}
for chart in "${@:-chart}"; do
  bytes=$(wc -c <"$chart/values.schema.json")
  gz=$(gzip -9c "$chart/values.schema.json" | wc -c)
  echo "$chart: values.schema.json $bytes bytes ($gz gzipped)"
  for helm in helm3 helm4; do
    for cmd in lint template; do
      args=("$cmd" "$chart" --kube-version "$KUBE" --set requireCRDs=false)
      [ "$cmd" = lint ] && args+=(--strict)
      ms=$(for _ in $(seq "$RUNS"); do taskset -c 0 nice -n 10 bash -c "$(declare -f time_ms); time_ms $helm ${args[*]}"; done | median)
      echo "  $helm $cmd: ${ms} ms (median of $RUNS)"
    done
  done
done
