#!/usr/bin/env bash
# Reproduces every figure of docs/performance.md "End to end: a 1,000,000-row gate" in one command:
#   bench/run-e2e.sh                 # 1,000,000 rows, 3 runs
#   ROWS=2000000 RUNS=1 bench/run-e2e.sh
# Per run and side by side: the real `dotnet-modelgate check` process, the same engine in process (GateRun), the bare read + bare ONNX Runtime loop,
# and the pandas/numpy/scikit-learn pipeline on the same file. Wall time and peak RSS come from /usr/bin/time -v.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ROWS="${ROWS:-1000000}"
RUNS="${RUNS:-3}"
PY_RESAMPLES="${PY_RESAMPLES:-50}"
RESAMPLES="${RESAMPLES:-1000}"   # the policy's 1,000; lower it to time the rest quickly
DATA="$ROOT/bench/e2e/data/holdout-$ROWS.csv"
OUT="${OUT:-$ROOT/bench/e2e/out/$ROWS-r${RESAMPLES:-1000}}"
# shellcheck source=e2e/setup.sh
source "$ROOT/bench/e2e/setup.sh"

{
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(uname -sr); $(dotnet --version 2>/dev/null | sed 's/^/dotnet /')"
  echo "rows: $ROWS; file: $(du -m "$DATA" | cut -f1) MB; runs: $RUNS"
} > "$OUT/machine.txt"

for i in $(seq 1 "$RUNS"); do
  echo "run $i/$RUNS" >&2
  echo "load $(cut -d' ' -f1-3 /proc/loadavg)" > "$OUT/load-$i.txt"
  set +e
  /usr/bin/time -v "$CLI" check --policy "$ROOT/bench/e2e/modelgate.yml" --holdout "$DATA" \
      --resamples "$RESAMPLES" --out "$OUT/report-$i" --format json,md > "$OUT/gate-$i.stdout" 2> "$OUT/gate-$i.stderr"
  code=$?
  set -e
  if [[ $code -gt 1 ]]; then echo "modelgate check failed ($code):" >&2; tail -5 "$OUT/gate-$i.stderr" >&2; exit "$code"; fi
  /usr/bin/time -v "$BARE" "$DATA" "$MODELS/mlp_breast_cancer.onnx" "$MODELS/mlp_breast_cancer_retrained.onnx" "$OUT/scores" \
      > "$OUT/bare-$i.stdout" 2> "$OUT/bare-$i.stderr"
  # The same engine as the CLI (GateRun), in process: the gate without process start-up and argument parsing.
  /usr/bin/time -v "$BARE" engine "$ROOT/bench/e2e/modelgate.yml" "$DATA" "$OUT/engine-$i" "$RESAMPLES" \
      > "$OUT/engine-$i.stdout" 2> "$OUT/engine-$i.stderr"
  /usr/bin/time -v /usr/bin/python3 "$ROOT/bench/python/gate_pipeline.py" "$DATA" "$OUT/scores" "$PY_RESAMPLES" "${PY_TARGET:-$RESAMPLES}" \
      > "$OUT/python-$i.stdout" 2> "$OUT/python-$i.stderr"
  echo "load $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/load-$i.txt"
done

/usr/bin/python3 "$ROOT/bench/e2e/summarize.py" "$OUT" "$RUNS"
cat "$OUT"/engine-*.stdout
