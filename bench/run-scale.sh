#!/usr/bin/env bash
# docs/scaling.md "statistics.method at scale": per holdout size and per run, side by side on the same file, the bare
# read + bare ONNX Runtime loop, the real `dotnet-modelgate check` at `statistics.method: auto` (the default) and at
# `method: bootstrap`. Median of RUNS runs, wall and CPU (user + sys) time and peak RSS from /usr/bin/time -v, the
# 1-minute load before and after each run. Progress, the raw runs and each gate's phases after scoring
# (MODELGATE_TIMINGS) go to stderr (the runs also to OUT/runs.txt); the Markdown table for docs/scaling.md to stdout.
#   bench/run-scale.sh                         # 10k, 100k, 1M and 4M rows, 5 runs each
#   bench/run-scale.sh 3                       # 3 runs each
#   SIZES="10000" bench/run-scale.sh 1         # the smoke test: 10k rows, one run
#   SKIP_BUILD=1 ...                           # reuse the Release builds
# The holdouts are bench/e2e/generate_holdout.py's (made once, kept in bench/e2e/data: 1M rows are 289 MB of CSV, 4M 1.16 GB); at 4M
# rows the gate peaked at 3.3 GB RSS (docs/scaling.md) and the generator holds a few float64 copies of 4M × 30 (< 6 GB).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUNS="${1:-${RUNS:-5}}"
SIZES="${SIZES:-10000 100000 1000000 4000000}"
OUT_ROOT="${OUT:-$ROOT/bench/e2e/out/scale}"
POLICY_DIR="$ROOT/bench/e2e"

# The benchmark policy with statistics.method set; beside the original so its relative paths still resolve.
for method in auto bootstrap; do
  sed "s/^  seed: 20261122$/  seed: 20261122\n  method: $method/" "$POLICY_DIR/modelgate.yml" > "$POLICY_DIR/modelgate.$method.yml"
  grep -q "^  method: $method$" "$POLICY_DIR/modelgate.$method.yml" || { echo "could not set method: $method in bench/e2e/modelgate.yml" >&2; exit 2; }
done
trap 'rm -f "$POLICY_DIR/modelgate.auto.yml" "$POLICY_DIR/modelgate.bootstrap.yml"' EXIT
export MODELGATE_TIMINGS=1   # each gate's log gets its phases after scoring (no cost, reports unchanged)

measure() { # wall s, CPU s (user + sys), peak RSS MB from a /usr/bin/time -v log
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); w = (n == 3) ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2] }
              /User time/ { u = $2 } /System time/ { s = $2 } /Maximum resident set size/ { r = $2 / 1024 }
              END { printf "%.2f %.2f %.0f\n", w, u + s, r }' "$1"
}

verdicts() { grep -o '"verdict": *"[a-z]*"' "$1" | grep -o '[a-z]*"$' | tr -d '"'; }

load() { cut -d' ' -f1 /proc/loadavg; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(uname -sr); dotnet $(dotnet --version 2>/dev/null)" >&2
mkdir -p "$OUT_ROOT"
RAW="$OUT_ROOT/runs.txt"
: > "$RAW"
for ROWS in $SIZES; do
  DATA="$ROOT/bench/e2e/data/holdout-$ROWS.csv"
  OUT="$OUT_ROOT/$ROWS"
  # shellcheck source=e2e/setup.sh
  source "$ROOT/bench/e2e/setup.sh"
  export SKIP_BUILD=1   # built once, for the first size
  for i in $(seq 1 "$RUNS"); do
    before="$(load)"
    for what in bare auto bootstrap; do
      set +e
      if [[ $what == bare ]]; then
        /usr/bin/time -v "$BARE" "$DATA" "$MODELS/mlp_breast_cancer.onnx" "$MODELS/mlp_breast_cancer_retrained.onnx" "$OUT/scores" \
            > "$OUT/bare-$i.stdout" 2> "$OUT/bare-$i.time"
      else
        /usr/bin/time -v "$CLI" check --policy "$POLICY_DIR/modelgate.$what.yml" --holdout "$DATA" \
            --out "$OUT/report-$what-$i" --format json,md > "$OUT/$what-$i.stdout" 2> "$OUT/$what-$i.time"
      fi
      code=$?
      set -e
      # Exit 1 is a failing gate (the benchmark's log_loss check fails by design); anything above is a crash.
      if [[ $code -gt 1 || ($what == bare && $code -ne 0) ]]; then echo "$what at $ROWS rows failed ($code):" >&2; tail -5 "$OUT/$what-$i.time" >&2; exit 3; fi
    done
    same="$(cmp -s <(verdicts "$OUT/report-auto-$i/report.json") <(verdicts "$OUT/report-bootstrap-$i/report.json") && echo yes || echo NO)"
    after="$(load)"
    for what in bare auto bootstrap; do
      echo "$ROWS $i $what $(measure "$OUT/$what-$i.time") $before $after $same" | tee -a "$RAW" >&2
    done
    for what in auto bootstrap; do
      echo "  $what phases: $(grep -o 'timings: .*' "$OUT/$what-$i.time" | cut -d' ' -f2-)" >&2
    done
  done
done

# rows run what wall cpu rss load-before load-after same → one Markdown row per size, medians over the runs.
echo "| rows | runs | bare read + inference: wall / CPU | auto: wall / CPU | auto ÷ bare (wall) | bootstrap: wall / CPU | bootstrap ÷ bare (wall) | peak RSS bare / auto / bootstrap | 1-min load, before and after each run (min–max) | same verdicts |"
echo "|---:|---:|---|---|---:|---|---:|---|---|---|"
awk '
  function median(list,   n, a, i, j, t) {
    n = split(list, a, " ")
    for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] + 0 > t + 0; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  function lo(list,   n, a, i, m) { n = split(list, a, " "); m = a[1]; for (i = 2; i <= n; i++) if (a[i] + 0 < m + 0) m = a[i]; return m }
  function hi(list,   n, a, i, m) { n = split(list, a, " "); m = a[1]; for (i = 2; i <= n; i++) if (a[i] + 0 > m + 0) m = a[i]; return m }
  function group(n,   s, p) { s = sprintf("%d", n); p = ""; while (length(s) > 3) { p = "," substr(s, length(s) - 2) p; s = substr(s, 1, length(s) - 3) }; return s p }
  {
    key = $1 SUBSEP $3
    wall[key] = wall[key] " " $4; cpu[key] = cpu[key] " " $5; rss[key] = rss[key] " " $6
    if (!($1 in seen)) { order[++sizes] = $1; seen[$1] = 1 }
    runs[$1] = ($2 > runs[$1]) ? $2 : runs[$1]
    loads[$1] = loads[$1] " " $7 " " $8; if ($9 != "yes") differ[$1] = 1
  }
  END {
    for (k = 1; k <= sizes; k++) {
      n = order[k]; b = n SUBSEP "bare"; a = n SUBSEP "auto"; s = n SUBSEP "bootstrap"
      printf "| %s | %d | %.2f s (%.2f–%.2f) / %.2f s | %.2f s (%.2f–%.2f) / %.2f s | %.2f× | %.2f s (%.2f–%.2f) / %.2f s | %.2f× | %d / %d / %d MB | %.2f–%.2f | %s |\n",
        group(n), runs[n],
        median(wall[b]), lo(wall[b]), hi(wall[b]), median(cpu[b]),
        median(wall[a]), lo(wall[a]), hi(wall[a]), median(cpu[a]), median(wall[a]) / median(wall[b]),
        median(wall[s]), lo(wall[s]), hi(wall[s]), median(cpu[s]), median(wall[s]) / median(wall[b]),
        median(rss[b]), median(rss[a]), median(rss[s]), lo(loads[n]), hi(loads[n]), (n in differ) ? "**no**" : "yes"
    }
  }' "$RAW"
