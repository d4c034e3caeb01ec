#!/usr/bin/env bash
# Installs the packed tool from FEED the way a user does and gates every example with it; each verdict must be the
# one in examples/NAME/expected/verdict.txt. Usage: smoke.sh FEED VERSION
set -euo pipefail
feed="${1:?usage: smoke.sh FEED VERSION}"
version="${2:?usage: smoke.sh FEED VERSION}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$feed" && sha256sum -c SHA256SUMS)
dotnet tool install ModelGate --tool-path "$work/tool" --add-source "$feed" --version "$version" >/dev/null
exe="$work/tool/dotnet-modelgate"
[ -f "$exe.exe" ] && exe="$exe.exe"
"$exe" --version
status=0
for dir in "$root"/examples/*/; do
  name="$(basename "$dir")"
  [ -f "$dir/expected/verdict.txt" ] || continue
  expected="$(tr -d '[:space:]' < "$dir/expected/verdict.txt")"
  set +e
  (cd "$root" && "$exe" check --policy "examples/$name/modelgate.yml" --out "$work/out/$name" >"$work/$name.log" 2>&1)
  code=$?
  set -e
  case "$code" in 0) verdict=pass ;; 1) verdict=fail ;; *) verdict="error (exit $code)" ;; esac
  if [ "$verdict" = "$expected" ]; then
    echo "ok   $name: $verdict"
  else
    echo "FAIL $name: $verdict, expected $expected"; tail -n 20 "$work/$name.log"; status=1
  fi
done
exit "$status"
