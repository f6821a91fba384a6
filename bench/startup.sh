#!/usr/bin/env bash
# The startup benchmark (bench/startup-bench.mjs): builds what it runs first.
set -euo pipefail
cd "$(dirname "$0")/.."
node scripts/bootstrap.mjs
exec node bench/startup-bench.mjs "$@"
