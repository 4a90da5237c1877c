#!/usr/bin/env bash
# Article extraction from HTML: credence against two peers, readability-lxml
# (Debian's python3-readability) and Mozilla Readability.js on jsdom (npm, locked
# in bench/peers), on the 123 news pages of ../shared/bench/extraction. Prints a
# table: F1, precision and recall from the set's score.py (4-token shingles),
# pages/s (median of --runs runs, each extractor pinned to core 0, only the
# extraction timed: files are read and gunzipped first) and the ratio to
# readability-lxml, then credence's bare HTML parse rate.
#
# Usage: bench/extraction.sh [--build DIR] [--pages DIR] [--runs N]
#   --build DIR  holds the credence binary (default build/release)
#   --pages DIR  the benchmark folder (default $CREDENCE_SHARED/bench/extraction,
#                CREDENCE_SHARED defaulting to ../shared beside the repo)
#   --runs N     runs of each extractor; pages/s is their median (default 3)
# credence runs as `credence extract --format json --timing FILE...` (JSONL on
# stdout, the timing line on stderr); without it the peers' rows still print.
# Needs: /usr/bin/python3 with python3-readability, node and npm, taskset.
# Runtime: ~2 minutes on 2 idle cores (Readability.js is most of it).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$repo/build/release"
pages="${CREDENCE_SHARED:-$repo/../shared}/bench/extraction"
runs=3
py=/usr/bin/python3
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build="$2"; shift 2 ;;
    --pages) pages="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    *) echo "usage: $0 [--build DIR] [--pages DIR] [--runs N]" >&2; exit 2 ;;
  esac
done
[ -f "$pages/ground-truth.json" ] || { echo "no benchmark at $pages (use --pages or CREDENCE_SHARED)" >&2; exit 1; }
peers="$repo/bench/peers"
if [ ! -d "$peers/node_modules" ]; then
  echo "installing the npm peers (npm ci --prefix bench/peers)" >&2
  npm ci --prefix "$peers" --no-audit --no-fund --loglevel=error >/dev/null
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mapfile -t files < <("$py" -c 'import json, sys
for key in sorted(json.load(open(sys.argv[1], encoding="utf8"))): print(f"{sys.argv[2]}/html/{key}.html.gz")' \
  "$pages/ground-truth.json" "$pages")


# measure NAME COMMAND...: runs COMMAND $runs times on core 0 (its stdout to
# $work/NAME.out, stderr to NAME.err); sets rate (median pages/s) and, for
# credence, bare (median bare-parse pages/s). Returns 1, saying why, on failure.
measure() {
  local name="$1" r line rates=() bares=(); shift
  for ((r = 1; r <= runs; r++)); do
    if ! taskset -c 0 "$@" >"$work/$name.out" 2>"$work/$name.err"; then
      echo "$name: failed: $(tail -n 3 "$work/$name.err" | tr '\n' ' ')" >&2; return 1
    fi
    if [ "$name" = credence ]; then
      line="$(sed -nE 's/^extract: [0-9]+ pages in [0-9.eE+-]+ seconds \(([0-9.eE+-]+) pages\/s\); bare parse: ([0-9.eE+-]+) pages\/s.*/\1 \2/p' "$work/$name.err" | head -n 1)"
    else
      line="$(awk '$1 == "pages" { n = $2 } $1 == "seconds" { s = $2 } END { if (n && s > 0) print n / s }' "$work/$name.out")"
    fi
    [ -n "$line" ] || { echo "$name: no timing in its output" >&2; return 1; }
    rates+=("${line%% *}"); [ "$name" = credence ] && bares+=("${line##* }")
    echo "$name run $r/$runs: ${line%% *} pages/s" >&2
  done
  rate="$(printf '%s\n' "${rates[@]}" | median)"
  bare=""; [ ${#bares[@]} -eq 0 ] || bare="$(printf '%s\n' "${bares[@]}" | median)"
}

# score NAME: "F1 precision recall" of $work/NAME.json
score() {
  "$py" "$pages/score.py" "$pages/ground-truth.json" "$work/$1.json" |
    awk '$1 == "pages" { p = $4; r = $6 } $1 == "F1" { f = $2 } END { print f, p, r }'
}

declare -A row
lxml_rate=""
if measure readability-lxml "$py" "$peers/readability_lxml.py" "$pages" "$work/readability-lxml.json"; then
  row[readability-lxml]="$(score readability-lxml) $rate"; lxml_rate="$rate"
fi
if measure readability-js node "$peers/readability_js.mjs" "$pages" "$work/readability-js.json"; then
  row[readability-js]="$(score readability-js) $rate"
fi
bare_rate="" credence_note=""
if [ ! -x "$build/credence" ]; then
  credence_note="no binary at $build/credence (cmake --preset release && cmake --build --preset release)"
elif measure credence "$build/credence" extract --format json --timing "${files[@]}"; then
  "$py" -c 'import json, os, sys
truth = json.load(open(sys.argv[1], encoding="utf8"))
pred = {key: {"articleBody": ""} for key in truth}
for line in open(sys.argv[2], encoding="utf8"):
    if line.strip():
        record = json.loads(line)
        key = os.path.basename(record["file"]).removesuffix(".gz").removesuffix(".html")
        pred[key] = {"articleBody": record.get("text") or ""}
json.dump(pred, open(sys.argv[3], "w", encoding="utf8"))' "$pages/ground-truth.json" "$work/credence.out" "$work/credence.json"
  row[credence]="$(score credence) $rate"; bare_rate="$bare"
else
  credence_note="\`credence extract\` failed (see above)"
fi

echo
printf '%-18s %6s %10s %7s %9s %22s\n' extractor F1 precision recall pages/s "vs readability-lxml"
for name in credence readability-lxml readability-js; do
  [ -n "${row[$name]:-}" ] || continue
  read -r f1 p r rate <<<"${row[$name]}"
  ratio="$([ -n "$lxml_rate" ] && awk -v a="$rate" -v b="$lxml_rate" 'BEGIN { printf "%.2fx", a / b }' || echo n/a)"
  printf '%-18s %6s %10s %7s %9.1f %22s\n' "$name" "$f1" "$p" "$r" "$rate" "$ratio"
done
if [ -n "$credence_note" ]; then
  echo "credence: not measured: $credence_note"
else
  printf 'credence bare HTML parse: %.1f pages/s (median of %d runs)\n' "$bare_rate" "$runs"
fi
