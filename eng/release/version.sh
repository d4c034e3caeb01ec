#!/usr/bin/env bash
# The release version, from the tag alone (one place): v1.2.3 or v1.2.3-rc.1 -> 1.2.3 / 1.2.3-rc.1.
# Usage: version.sh [TAG]   (default: $GITHUB_REF_NAME). Anything else is refused with exit 2.
set -euo pipefail
tag="${1:-${GITHUB_REF_NAME:-}}"
if [[ ! "$tag" =~ ^v(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$ ]]; then
  echo "modelgate: release tag '${tag}' is not a version tag; tag releases as vMAJOR.MINOR.PATCH (e.g. v0.2.0 or v0.2.0-rc.1)" >&2
  exit 2
fi
echo "${tag#v}"
