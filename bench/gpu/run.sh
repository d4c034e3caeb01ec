#!/usr/bin/env bash
# CUDA against CPU on an NVIDIA machine, start to finish (about 5 minutes on a fresh machine: SDK restore, build,
# 245 MB CUDA build of ONNX Runtime, two timed runs, two gates).
#   1. builds ModelGate (Release) and restores the CUDA build of ONNX Runtime (`gpu install`);
#   2. scores the convolutional fixture cnn_digits (540 holdout images tiled to ROWS) on CUDA and on the CPU in one
#      process and prints rows/s for both and the speedup; fails if any probability differs by more than TOLERANCE;
#   3. gates examples/digits-calibration and examples/digits-images (PNG files through the image pipeline) with
#      --device cuda and --device cpu, prints each run's wall time, and fails unless the verdicts and every check's
#      status are identical.
# Without a usable GPU (no nvidia-smi, or any CUDA piece missing) it prints one "SKIP:" line and exits 0.
# Needs: the .NET 10 SDK; for CUDA, the CUDA 13 runtime libraries, cuDNN 9 and a driver for CUDA 13 (docs/gpu.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${ROWS:-200000}
TOLERANCE=${TOLERANCE:-1e-4}

if ! command -v nvidia-smi >/dev/null 2>&1 || ! nvidia-smi -L >/dev/null 2>&1; then
  echo "SKIP: no NVIDIA GPU here (nvidia-smi is missing or sees no device); nothing to compare."
  exit 0
fi
nvidia-smi -L

dotnet build src/ModelGate.Cli -c Release -v q --nologo
dotnet build bench/ModelGate.Benchmarks -c Release -v q --nologo
cli="dotnet src/ModelGate.Cli/bin/Release/net10.0/dotnet-modelgate.dll"
$cli gpu install
if ! $cli gpu status; then
  echo "SKIP: a GPU is present but CUDA is not usable (the line above names the missing piece)."
  exit 0
fi

echo "== scores and speed: cnn_digits, $ROWS rows =="
dotnet bench/ModelGate.Benchmarks/bin/Release/net10.0/ModelGate.Benchmarks.dll gpu --rows "$ROWS" --tolerance "$TOLERANCE"

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# Each example gated on cuda and on the CPU: the verdicts and every check's status must be identical. digits-images
# streams its PNG files through the image pipeline (decoded on every core while the GPU scores): its wall time on each
# device is the end-to-end image throughput a user gets.
for example in digits-calibration digits-images; do
  echo "== verdicts: examples/$example on cuda and on cpu =="
  for device in cuda cpu; do
    set +e
    start=$(date +%s%N)
    SOURCE_DATE_EPOCH=1790000000 $cli check --policy "examples/$example/modelgate.yml" --device "$device" --out "$out/$example-$device" --format json
    code=$?
    set -e
    echo "exit code on $device: $code, wall $(( ($(date +%s%N) - start) / 1000000 )) ms"
    echo "$code" > "$out/$example-$device.exit"
    grep -oE '"(verdict|status)": *"[a-z_]+"' "$out/$example-$device/report.json" > "$out/$example-$device.verdicts" || true
  done
  if cmp -s "$out/$example-cuda.exit" "$out/$example-cpu.exit" && cmp -s "$out/$example-cuda.verdicts" "$out/$example-cpu.verdicts"; then
    echo "verdicts identical on cuda and cpu ($(wc -l < "$out/$example-cpu.verdicts") verdict/status fields)"
  else
    echo "FAIL: $example: verdicts differ between cuda and cpu:"
    diff "$out/$example-cuda.verdicts" "$out/$example-cpu.verdicts" || true
    exit 1
  fi
done
