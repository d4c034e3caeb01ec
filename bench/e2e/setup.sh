# Sourced by bench/run-e2e.sh and bench/run-methods.sh (with ROOT, ROWS, DATA and OUT set): the Release binaries
# (built unless SKIP_BUILD=1) and the generated holdout of ROWS rows.
CLI="$ROOT/src/ModelGate.Cli/bin/Release/net10.0/dotnet-modelgate"
BARE="$ROOT/bench/ModelGate.Benchmarks.EndToEnd/bin/Release/net10.0/ModelGate.Benchmarks.EndToEnd"
MODELS="$ROOT/tests/fixtures/models"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  dotnet build -c Release -v q "$ROOT/src/ModelGate.Cli" >/dev/null
  dotnet build -c Release -v q "$ROOT/bench/ModelGate.Benchmarks.EndToEnd" >/dev/null
fi

mkdir -p "$(dirname "$DATA")" "$OUT"
if [[ ! -f "$DATA" ]]; then
  echo "generating $DATA" >&2
  /usr/bin/python3 "$ROOT/bench/e2e/generate_holdout.py" "$ROOT/tests/fixtures/data/breast_cancer.holdout.csv" "$DATA" "$ROWS"
fi
