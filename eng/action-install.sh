#!/usr/bin/env bash
# The action's install steps. Inputs arrive as environment variables (never interpolated into the script).
#
#   action-install.sh key      prints the cache key and folder of the tool packed from this action's source
#                              (key=..., dir=..., to $GITHUB_OUTPUT when set, else stdout)
#   action-install.sh install  installs the tool into $RUNNER_TEMP/modelgate-tool and exports MODELGATE_EXE:
#                              MG_VERSION set   -> that release, from NuGet (or from MG_SOURCE when given)
#                              MG_SOURCE only   -> the newest ModelGate package in that folder
#                              neither          -> packed from the action's own checkout ($GITHUB_ACTION_PATH),
#                                                  reused from the cache folder when this source was packed before
#
# Also run, step by step, by the action test (tests/ModelGate.Cli.Tests/ActionInstallTests.cs).
set -euo pipefail

root="${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set: run this from action.yml}"
tool_path="${RUNNER_TEMP:?RUNNER_TEMP is not set}/modelgate-tool"

# The tool's sources decide the key: the same files give the same package, whatever the ref was called
# (a tag, a branch or `uses: ./`). Sorted paths and their hashes, hashed again.
source_key() {
  (
    cd "$root"
    paths=()
    for p in src eng LICENSE README.md Directory.Build.props Directory.Build.targets Directory.Packages.props global.json nuget.config; do
      [ -e "$p" ] && paths+=("$p")
    done
    find "${paths[@]}" -type f ! -path '*/bin/*' ! -path '*/obj/*' -print0 \
      | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16
  )
}

cache_dir() {
  echo "${MG_TOOL_CACHE:-${HOME}/.cache/modelgate/action-tool}/$1"
}

emit() {
  if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "$1" >> "$GITHUB_OUTPUT"; else echo "$1"; fi
}

case "${1:-install}" in
  key)
    key=$(source_key)
    emit "key=modelgate-tool-$(uname -s)-$(uname -m)-${key}"
    emit "dir=$(cache_dir "$key")"
    exit 0
    ;;
  install) ;;
  *) echo "modelgate: action-install.sh: unknown step '$1'; use 'key' or 'install'" >&2; exit 2 ;;
esac

start=$SECONDS
rm -rf "$tool_path"
if [ -n "${MG_VERSION:-}" ]; then
  args=(tool install ModelGate --tool-path "$tool_path" --version "$MG_VERSION")
  [ -n "${MG_SOURCE:-}" ] && args+=(--add-source "$MG_SOURCE")
  dotnet "${args[@]}" >/dev/null
  echo "ModelGate: installed release ${MG_VERSION} from ${MG_SOURCE:-NuGet} in $((SECONDS - start)) s"
elif [ -n "${MG_SOURCE:-}" ]; then
  dotnet tool install ModelGate --tool-path "$tool_path" --add-source "$MG_SOURCE" --prerelease >/dev/null
  echo "ModelGate: installed the package found in ${MG_SOURCE} in $((SECONDS - start)) s"
else
  key=$(source_key)
  dir=$(cache_dir "$key")
  version="0.0.0-src.${key}"
  commit=$(git -C "$root" rev-parse --short=12 HEAD 2>/dev/null || echo "no git metadata")
  how="reused from the cache"
  if [ ! -f "$dir/ModelGate.${version}.nupkg" ]; then
    how="packed"
    rm -rf "$dir"
    mkdir -p "$dir"
    # Only this runner's package: a tool packed from source is installed where it was packed (RID-specific tool
    # packages: the pointer package ModelGate plus ModelGate.<rid>).
    rid_args=()
    case "$(uname -s)-$(uname -m)" in
      Linux-x86_64) rid_args=(-p:ToolPackageRuntimeIdentifiers=linux-x64) ;;
      Linux-aarch64) rid_args=(-p:ToolPackageRuntimeIdentifiers=linux-arm64) ;;
      Darwin-arm64) rid_args=(-p:ToolPackageRuntimeIdentifiers=osx-arm64) ;;
      MINGW*-x86_64|MSYS*-x86_64|CYGWIN*-x86_64) rid_args=(-p:ToolPackageRuntimeIdentifiers=win-x64) ;;
    esac
    dotnet pack "$root/src/ModelGate.Cli" -c Release -o "$dir" -p:Version="$version" "${rid_args[@]}" \
      -nologo -v:q >"$dir/pack.log" 2>&1 || { tail -n 30 "$dir/pack.log" >&2; echo "modelgate: packing the tool from $root failed (log above)" >&2; rm -rf "$dir"; exit 4; }
  fi
  dotnet tool install ModelGate --tool-path "$tool_path" --add-source "$dir" --version "$version" >/dev/null
  echo "ModelGate: using the tool built from this action's source (${commit}, sources ${key}), ${how}, in $((SECONDS - start)) s"
fi

exe="$tool_path/dotnet-modelgate"
[ -f "$exe.exe" ] && exe="$exe.exe"
if [ -n "${GITHUB_ENV:-}" ]; then echo "MODELGATE_EXE=$exe" >> "$GITHUB_ENV"; fi
"$exe" --version
