#!/usr/bin/env bash
# statistics.method side by side (docs/scaling.md, docs/performance.md): per run, the real `dotnet-modelgate check` at
# `method: auto` (the default) and at `method: bootstrap`, and the bare read + bare ONNX Runtime loop, on the same file.
#   bench/run-methods.sh                  # 1,000,000 rows, 5 runs
#   ROWS=100000 RUNS=5 bench/run-methods.sh
# Prints each run's wall and CPU (user + sys) seconds from /usr/bin/time -v, the load, and the medians.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ROWS="${ROWS:-1000000}"
RUNS="${RUNS:-5}"
DATA="$ROOT/bench/e2e/data/holdout-$ROWS.csv"
OUT="${OUT:-$ROOT/bench/e2e/out/methods-$ROWS}"
# shellcheck source=e2e/setup.sh
source "$ROOT/bench/e2e/setup.sh"

# The benchmark policy with statistics.method set; next to the original so its relative paths still resolve.
for method in auto bootstrap; do
  sed "s/^  seed: 20261122$/  seed: 20261122\n  method: $method/" "$ROOT/bench/e2e/modelgate.yml" > "$ROOT/bench/e2e/modelgate.$method.yml"
done

seconds() { # wall and CPU seconds from a /usr/bin/time -v log
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); w = (n == 3) ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2] }
              /User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.2f %.2f\n", w, u + s }' "$1"
}

: > "$OUT/runs.txt"
for i in $(seq 1 "$RUNS"); do
  load="$(cut -d' ' -f1 /proc/loadavg)"
  for method in auto bootstrap; do
    set +e
    /usr/bin/time -v "$CLI" check --policy "$ROOT/bench/e2e/modelgate.$method.yml" --holdout "$DATA" \
        --out "$OUT/report-$method-$i" --format json,md > "$OUT/$method-$i.stdout" 2> "$OUT/$method-$i.time"
    code=$?
    set -e
    if [[ $code -gt 1 ]]; then echo "modelgate check ($method) failed ($code):" >&2; tail -5 "$OUT/$method-$i.time" >&2; exit "$code"; fi
    echo "$i $method $(seconds "$OUT/$method-$i.time") load $load verdict $(grep -o '"verdict": *"[a-z]*"' "$OUT/report-$method-$i/report.json" | head -1 | grep -o '[a-z]*"$' | tr -d '"')" >> "$OUT/runs.txt"
  done
  /usr/bin/time -v "$BARE" "$DATA" "$MODELS/mlp_breast_cancer.onnx" "$MODELS/mlp_breast_cancer_retrained.onnx" "$OUT/scores" \
      > "$OUT/bare-$i.stdout" 2> "$OUT/bare-$i.time"
  echo "$i bare $(seconds "$OUT/bare-$i.time") load $load" >> "$OUT/runs.txt"
done
rm -f "$ROOT/bench/e2e/modelgate.auto.yml" "$ROOT/bench/e2e/modelgate.bootstrap.yml"

cat "$OUT/runs.txt"
echo "medians over $RUNS runs ($ROWS rows): wall s, CPU s (min-max wall)"
for what in auto bootstrap bare; do
  awk -v w="$what" '$2 == w { print $3, $4 }' "$OUT/runs.txt" | sort -n | awk -v w="$what" '
    { wall[NR] = $1; cpu[NR] = $2 } END { m = int((NR + 1) / 2); printf "%-9s wall %.2f (%.2f-%.2f)  cpu %.2f\n", w, wall[m], wall[1], wall[NR], cpu[m] }'
done
