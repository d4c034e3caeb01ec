#!/usr/bin/env bash
# Opens a ModelGate HTML report in headless Chromium, fails on any console message or blocked load, and saves a
# screenshot so a person can look at the charts.
#
#   eng/screenshot-report.sh [report.html] [screenshot.png]
#
# Defaults: the committed golden report of the failing gate, and artifacts/screenshots/<name>.png.
# Needs Debian's `chromium` (apt-get install -y chromium). Exit codes: 0 clean, 1 console errors or no screenshot,
# 4 chromium missing (an environment error, as in the CLI).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
html="${1:-$root/tests/ModelGate.Reports.Tests/golden/failing.html}"
name="$(basename "${html%.html}")"
png="${2:-$root/artifacts/screenshots/$name.png}"

if ! command -v chromium >/dev/null 2>&1; then
  echo "chromium not found: install it with 'apt-get install -y chromium'" >&2
  exit 4
fi
if [[ ! -f "$html" ]]; then
  echo "$html: no such report; render one first (the golden files are in tests/ModelGate.Reports.Tests/golden)" >&2
  exit 1
fi

mkdir -p "$(dirname "$png")"
profile="$(mktemp -d)"
log="$(mktemp)"
trap 'rm -rf "$profile" "$log"' EXIT
rm -f "$png"

# --virtual-time-budget lets layout settle before the shot; the flags keep Chromium from phoning home.
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --virtual-time-budget=2000 \
  --screenshot="$png" --window-size=1200,2000 \
  --enable-logging=stderr --v=0 \
  "file://$(realpath "$html")" 2>"$log" >/dev/null || true

# Console messages (errors, CSP violations, failed loads) are logged as CONSOLE lines; network failures as net::ERR_.
problems="$(grep -E 'CONSOLE|net::ERR_|Refused to|Failed to load' "$log" || true)"
if [[ -n "$problems" ]]; then
  echo "console errors in $html:" >&2
  echo "$problems" >&2
  exit 1
fi
if [[ ! -s "$png" ]]; then
  echo "no screenshot written for $html; chromium said:" >&2
  tail -20 "$log" >&2
  exit 1
fi

echo "ok: $html rendered with no console errors; screenshot $png ($(stat -c %s "$png") bytes)"
