#!/usr/bin/env bash
# statistics.method side by side at one size (docs/scaling.md): bench/run-scale.sh's measurement (bare read + bare
# inference, the gate at `auto` and at `bootstrap`, median of RUNS, wall and CPU time) at ROWS rows.
#   bench/run-methods.sh                  # 1,000,000 rows, 5 runs
#   ROWS=100000 RUNS=5 bench/run-methods.sh
set -euo pipefail
SIZES="${ROWS:-1000000}" OUT="${OUT:-$(cd "$(dirname "$0")/.." && pwd)/bench/e2e/out/methods-${ROWS:-1000000}}" \
  exec "$(dirname "$0")/run-scale.sh" "${RUNS:-5}"
