#!/usr/bin/env bash
# Usage: scripts/compare_site.sh <checkout-A> <checkout-B> [cases]
# For a change that must not change the site: A is a worktree of the commit before
# (git worktree add --detach ../before HEAD~1; make setup there), B this checkout.
# Builds the real site plus N synthetic cases (default 120, so listings page) in a temp copy of
# each worktree, with a fixed date and SOURCE_DATE_EPOCH, and diffs the two sites.
# Each worktree needs its own .venv (make setup). Output: /tmp/cmp-$$/{A,B}/site and a diff summary.
set -euo pipefail
A=$(realpath "$1"); B=$(realpath "$2"); N=${3:-120}
OUT=$(mktemp -d /tmp/cmp-XXXX)
for side in A B; do
  src=${!side}
  proj=$OUT/$side/proj
  mkdir -p "$proj"
  # include uncommitted working-tree state
  (cd "$src" && tar cf - --exclude=.venv --exclude=./site --exclude=.git --exclude='*.egg-info' --exclude=__pycache__ .) | (cd "$proj" && tar xf -)
  (cd "$proj" && PYTHONPATH="$src/scripts:$src/src" "$src/.venv/bin/python" -c "
import sys; from pathlib import Path
sys.path.insert(0, '$src/scripts')
from synthetic import write_cases
from kunskapsbank.content.schemas import load_schemas
write_cases(Path('cases'), $N, load_schemas(Path('schemas')))
" )
  (cd "$proj" && SOURCE_DATE_EPOCH=1764547200 KUNSKAPSBANK_TODAY=2026-12-01 PYTHONPATH="$src/src" \
     "$src/.venv/bin/python" -m kunskapsbank build --site-dir "$OUT/$side/site" >"$OUT/$side/build.log" 2>&1) \
     || { echo "build $side failed: $OUT/$side/build.log"; tail -20 "$OUT/$side/build.log"; exit 1; }
done
echo "sites: $OUT/A/site $OUT/B/site"
if diff -rq "$OUT/A/site" "$OUT/B/site" >"$OUT/diff.txt"; then
  echo "IDENTICAL (real site + $N synthetic cases)"
else
  echo "DIFFERENT: $(wc -l <"$OUT/diff.txt") files; list in $OUT/diff.txt"; head -20 "$OUT/diff.txt"
fi
