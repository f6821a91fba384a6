#!/usr/bin/env bash
# The cost of locating findings at their values keys (validator/locate/): wall time of
# `bvchart validate` on the production scenario (values/production-aws.yaml), one cell
# (Kubernetes 1.36, Helm 4) and the full matrix (1.29–1.36 × Helm 3 and 4), with locating
# (the default) and with --no-locate; without findings (--rules schema: nothing to locate),
# as shipped (three info notes: infos alone do not start locating) and with an override that
# adds errors (test/fixtures/locate/storage-class-retain.yaml).
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build >/dev/null # the CLI runs dist/
SCHEMAS="${BVCHART_SCHEMAS_DIR:-$(cd .. && pwd)/shared/kubernetes-schemas}"
LAYOUT='{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json'
COMMON=(--schema-location "$SCHEMAS/$LAYOUT" --schema-location "$SCHEMAS/crds/{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json"
  --api-versions monitoring.coreos.com/v1 --api-versions velero.io/v1 --summary)
ONE=(--kubernetes-version 1.36 --helm 4)

run() { # label, args...: the best of two runs (the machine is shared)
  local label=$1; shift
  local start end summary best=
  for _ in 1 2; do
    start=$(date +%s%N)
    summary=$(node bin/bvchart.js validate chart "$@" "${COMMON[@]}" 2>/dev/null || true)
    end=$(date +%s%N)
    if [ -z "$best" ] || [ $((end - start)) -lt "$best" ]; then best=$((end - start)); fi
  done
  printf '%-62s %7.2f s   %s\n' "$label" "$(echo "$best / 1000000000" | bc -l)" "$(echo "$summary" | cut -d';' -f1)"
}

for cells in one full; do
  if [ "$cells" = one ]; then matrix=("${ONE[@]}"); else matrix=(); fi
  for locate in on off; do
    flag=(); [ "$locate" = off ] && flag=(--no-locate)
    run "$cells cell(s), locate $locate, no findings (--rules schema)" -f values/production-aws.yaml --rules schema "${matrix[@]}" "${flag[@]}"
    run "$cells cell(s), locate $locate, production-aws as shipped" -f values/production-aws.yaml "${matrix[@]}" "${flag[@]}"
    run "$cells cell(s), locate $locate, + storage-class-retain override" -f values/production-aws.yaml,test/fixtures/locate/storage-class-retain.yaml "${matrix[@]}" "${flag[@]}"
  done
done
