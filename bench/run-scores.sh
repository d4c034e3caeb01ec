#!/usr/bin/env bash
# A gate from shard score files vs the same gate scoring the models itself (docs/performance.md, "Gating score files"):
#   bench/run-scores.sh                          # 4,000,000 rows, 4 shards, 2 runs
#   ROWS=1000000 SHARDS=4 RUNS=1 bench/run-scores.sh
# Per run: `check` (reads the holdout, runs both models, judges); `score --shard i/N` for each model and shard (in CI
# these run in parallel, one job each); `check --scores` on the 2N files (reads the holdout's label and slice columns,
# joins the scores by row id, judges). Wall time and peak RSS from /usr/bin/time -v; load before and after each run.
# The two reports must be the same apart from provenance.data (checked at the end of each run).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ROWS="${ROWS:-4000000}"
RUNS="${RUNS:-2}"
SHARDS="${SHARDS:-4}"
RESAMPLES="${RESAMPLES:-1000}"
DATA="$ROOT/bench/e2e/data/holdout-$ROWS.csv"
OUT="${OUT:-$ROOT/bench/e2e/out/scores-$ROWS-s$SHARDS}"
CLI="$ROOT/src/ModelGate.Cli/bin/Release/net10.0/dotnet-modelgate"
POLICY="$ROOT/bench/e2e/modelgate.yml"
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1790000000}"   # one pinned clock: the two reports must compare equal

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  dotnet build -c Release -v q "$ROOT/src/ModelGate.Cli" >/dev/null
fi

mkdir -p "$(dirname "$DATA")" "$OUT"
if [[ ! -f "$DATA" ]]; then
  echo "generating $DATA" >&2
  /usr/bin/python3 "$ROOT/bench/e2e/generate_holdout.py" "$ROOT/tests/fixtures/data/breast_cancer.holdout.csv" "$DATA" "$ROWS"
fi

echo "machine: $(nproc) cores; rows: $ROWS; file: $(du -m "$DATA" | cut -f1) MB; shards: $SHARDS; runs: $RUNS" > "$OUT/machine.txt"
for i in $(seq 1 "$RUNS"); do
  echo "run $i/$RUNS" >&2
  echo "load $(cut -d' ' -f1-3 /proc/loadavg)" > "$OUT/load-$i.txt"
  set +e
  /usr/bin/time -v "$CLI" check --policy "$POLICY" --holdout "$DATA" --resamples "$RESAMPLES" \
      --out "$OUT/models-$i" --format json > "$OUT/models-$i.stdout" 2> "$OUT/models-$i.stderr"
  [[ $? -gt 1 ]] && { tail -5 "$OUT/models-$i.stderr" >&2; exit 1; }
  set -e
  rm -rf "$OUT/files-$i"
  for model in candidate baseline; do
    for s in $(seq 1 "$SHARDS"); do
      /usr/bin/time -v "$CLI" score --policy "$POLICY" --holdout "$DATA" --model "$model" --shard "$s/$SHARDS" \
          --out "$OUT/files-$i/$model-$s.parquet" > /dev/null 2> "$OUT/score-$i-$model-$s.stderr"
    done
  done
  set +e
  /usr/bin/time -v "$CLI" check --policy "$POLICY" --holdout "$DATA" --resamples "$RESAMPLES" \
      --scores "candidate=$OUT/files-$i/candidate-*.parquet,baseline=$OUT/files-$i/baseline-*.parquet" \
      --out "$OUT/scores-$i" --format json > "$OUT/scores-$i.stdout" 2> "$OUT/scores-$i.stderr"
  [[ $? -gt 1 ]] && { tail -5 "$OUT/scores-$i.stderr" >&2; exit 1; }
  set -e
  echo "load $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/load-$i.txt"
done

/usr/bin/python3 "$ROOT/bench/e2e/summarize_scores.py" "$OUT" "$RUNS" "$SHARDS"
