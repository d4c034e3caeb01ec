#!/usr/bin/env bash
# Runs the release workflow's commands here, in order, for a tag (default v0.0.1-local): version from the tag,
# pack + checksums, install the packed tool and gate every example. Publishing is left to the workflow.
# Usage: local.sh [TAG] [extra dotnet pack arguments]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tag="${1:-v0.0.1-local}"
shift || true
version="$(bash "$here/version.sh" "$tag")"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
echo "release $tag -> version $version"
bash "$here/pack.sh" "$version" "$out" "$@"
bash "$here/smoke.sh" "$out" "$version"
