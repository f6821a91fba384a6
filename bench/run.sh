#!/usr/bin/env bash
# Runs the validator benchmark on one core when taskset is available (both engines inherit it).
set -euo pipefail
cd "$(dirname "$0")/.."
node scripts/bootstrap.mjs
if command -v taskset >/dev/null 2>&1; then
  BVCHART_BENCH_PINNED=1 exec taskset -c 0 npx tsx bench/validate-bench.ts "$@"
fi
exec npx tsx bench/validate-bench.ts "$@"
