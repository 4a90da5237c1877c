#!/usr/bin/env bash
# The extraction floor: runs `credence extract` over the benchmark pages of
# ../shared/bench/extraction, scores the bodies with the benchmark's own
# score.py and fails when F1 is below the floor (default 0.93), so that a
# change that makes extraction worse cannot land. Run by scripts/test.sh.
#   scripts/check-extraction.sh [--build DIR] [--floor F1]
set -euo pipefail
cd "$(dirname "$0")/.."
build=build/release
floor=0.93
while [[ $# -gt 0 ]]; do
  case "$1" in
    --build) build=$2; shift 2 ;;
    --floor) floor=$2; shift 2 ;;
    *) echo "usage: $0 [--build DIR] [--floor F1]" >&2; exit 2 ;;
  esac
done
bench=${CREDENCE_SHARED:-../shared}/bench/extraction
if [[ ! -f $bench/score.py ]]; then
  echo "check-extraction: $bench/score.py not found; skipped" >&2
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/credence" extract --format json --timing "$bench"/html/*.html.gz >"$work/pages.jsonl" 2>"$work/stderr" || {
  cat "$work/stderr" >&2
  echo "check-extraction: credence extract failed" >&2
  exit 1
}
grep '^extract:' "$work/stderr" || true
/usr/bin/python3 - "$work/pages.jsonl" "$work/predictions.json" <<'PY'
import json, os, sys
predictions = {}
with open(sys.argv[1], encoding="utf8") as lines:
    for line in lines:
        page = json.loads(line)
        key = os.path.basename(page["file"]).removesuffix(".html.gz")
        predictions[key] = {"articleBody": page["text"]}
with open(sys.argv[2], "w", encoding="utf8") as out:
    json.dump(predictions, out)
PY
/usr/bin/python3 "$bench/score.py" "$bench/ground-truth.json" "$work/predictions.json" | tee "$work/score"
f1=$(tail -n 1 "$work/score" | awk '{print $2}')
if awk -v f="$f1" -v floor="$floor" 'BEGIN { exit !(f < floor) }'; then
  echo "check-extraction: FAIL: F1 $f1 is below the floor $floor" >&2
  exit 1
fi
echo "check-extraction: F1 $f1 >= floor $floor"
