#!/usr/bin/env bash
# The action's gate step. Every input arrives as an environment variable (never interpolated into the
# script), so a crafted input cannot inject shell. Also run by the action test with a simulated
# Actions environment.
set -uo pipefail

exe="${MODELGATE_EXE:-dotnet-modelgate}"
args=(check --policy "${MG_POLICY:-modelgate.yml}" --out "${MG_OUT:-modelgate-report}"
      --format "${MG_FORMAT:-md,json,junit,html}" --fail-on "${MG_FAIL_ON:-error}"
      --device "${MG_DEVICE:-auto}" --gate-key "${MG_GATE_KEY:-default}")
[ -n "${MG_CANDIDATE:-}" ] && args+=(--candidate "$MG_CANDIDATE")
[ -n "${MG_BASELINE:-}" ] && args+=(--baseline "$MG_BASELINE")
[ -n "${MG_HOLDOUT:-}" ] && args+=(--holdout "$MG_HOLDOUT")
[ -n "${MG_TRAIN:-}" ] && args+=(--train "$MG_TRAIN")
[ -n "${MG_SCORES:-}" ] && args+=(--scores "$MG_SCORES")
[ -n "${MG_PR:-}" ] && args+=(--pr "$MG_PR")
[ -n "${MG_PUSHGATEWAY:-}" ] && args+=(--pushgateway "$MG_PUSHGATEWAY")
[ "${MG_PUSHGATEWAY_REQUIRED:-false}" = "true" ] && args+=(--pushgateway-required)
[ -n "${MG_TIMEOUT:-}" ] && args+=(--timeout "$MG_TIMEOUT")
# One --limit per space-separated name=value pair (read -a splits without glob expansion).
read -r -a limits <<< "${MG_LIMITS:-}"
for limit in "${limits[@]}"; do args+=(--limit "$limit"); done
if [ "${MG_COMMENT:-true}" = "true" ]; then
  args+=(--github --comment-mode "${MG_COMMENT_MODE:-update}")
else
  args+=(--github-summary-only)
fi

"$exe" "${args[@]}"
