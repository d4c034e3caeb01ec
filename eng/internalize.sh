#!/usr/bin/env bash
# CA1515 pass: every public type declared in src/ becomes internal (nested ones too: their accessibility is
# capped by the outer type anyway); friends are declared in src/Directory.Build.targets. In tests/ and bench/,
# helper files (no [Fact]/[Theory]) get internal types as well, since they expose src types.
set -euo pipefail
cd "${1:-.}"
re='s/^(\s*)public ((?:(?:sealed|static|abstract|partial|readonly|unsafe|ref|file|required)\s+)*(?:class|struct|record|interface|enum|delegate)\b)/$1internal $2/mg'
find src -name '*.cs' -not -path '*/obj/*' -not -path '*/bin/*' -print0 | xargs -0 perl -0pi -e "$re"
find tests -name '*.cs' -not -path 'tests/ModelGate.Testing/*' -not -path '*/obj/*' -not -path '*/bin/*' -print0 |
  xargs -0 grep -L -E 'Fact|Theory|Collection' -Z | xargs -0 -r perl -0pi -e "$re"
