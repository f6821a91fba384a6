#!/usr/bin/env bash
# Runs the validator benchmark, then the startup benchmark. The bench pins each measured process itself (taskset -c 0 for
# one worker, -c 0,1 for two), so it is not pinned as a whole.
set -euo pipefail
cd "$(dirname "$0")/.."
node scripts/bootstrap.mjs
npx tsx bench/validate-bench.ts "$@"
# Startup figures (bench/startup.sh) take none of the options above.
exec bash bench/startup.sh
