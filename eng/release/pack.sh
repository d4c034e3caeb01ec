#!/usr/bin/env bash
# Packs the tool at VERSION into OUT and writes OUT/SHA256SUMS (what the release attaches).
# Usage: pack.sh VERSION OUT [extra dotnet pack arguments, e.g. -p:ToolPackageRuntimeIdentifiers=linux-x64 for a quick local run]
set -euo pipefail
version="${1:?usage: pack.sh VERSION OUT}"
out="${2:?usage: pack.sh VERSION OUT}"
shift 2
root="$(cd "$(dirname "$0")/../.." && pwd)"
mkdir -p "$out"
dotnet pack "$root/src/ModelGate.Cli" -c Release -p:Version="$version" -o "$out" -nologo -v:q "$@"
(cd "$out" && sha256sum ./*.nupkg | sed 's# \./# #' > SHA256SUMS)
cat "$out/SHA256SUMS"
