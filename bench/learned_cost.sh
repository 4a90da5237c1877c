#!/usr/bin/env bash
# What the learned detectors (propaganda techniques, check-worthy claims,
# clickbait headline) cost: the same analysis with them on (the default) and
# off (`--learned-models ""`), in one run, and the ratio. The issue's goal:
# with them on, analysis costs at most twice what it costs without them.
# Prints one tab-separated line per figure (name, value, unit, how), then a
# markdown table.
#
# Workloads (one thread each, so the ratio is the work, not the scheduling):
#   batch_csv_{off,on}   `credence batch FILES --threads 1 --format csv -q -o /dev/null`
#                        over the FakeNewsNet texts (politifact + gossipcop
#                        .jsonl.gz, ~22k records, ~80 MB): the whole analysis,
#                        content model and explanation included, written as one
#                        summary row per article.
#   batch_json_{off,on}  the same with full JSON reports (what a user of
#                        `credence batch` gets; the report is longer with the
#                        detections in it).
#   analyze_{off,on}     `credence analyze` on the reference sample
#                        ($CREDENCE_SHARED/samples/theduran-deir-ez-zor.txt),
#                        one process per article, repeated 50 times per run:
#                        the CLI end to end, model loading included.
#   instructions_{off,on} instructions per article under valgrind's callgrind
#                        (batch --format csv on the first 300 records, less a
#                        one-record run: start-up apart). Repeatable to the
#                        instruction whatever else the machine does, so the
#                        ratio that does not move with the noise of a shared
#                        machine. Skipped when valgrind is missing.
# Measured: wall time, median of --runs runs; each round runs every command
# once, so a change of load hits all alike.
#
# Flags:
#   --runs N         runs of each command; figures are medians (default 3)
#   --credence PATH  the binary (default build/release/credence)
#   --quick          the first 3000 FakeNewsNet records (development)
# Environment:
#   CREDENCE_SHARED  the shared data folder (default: ../shared beside the repo)
# Runtime: about 8 minutes (--runs 3), and 2 more under valgrind.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${CREDENCE_SHARED:-$repo/../shared}"
credence="$repo/build/release/credence"
runs=3 quick=0
usage() { echo "usage: $0 [--runs N] [--credence PATH] [--quick]" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) [ $# -ge 2 ] || usage; runs="$2"; shift 2 ;;
    --credence) [ $# -ge 2 ] || usage; credence="$2"; shift 2 ;;
    --quick) quick=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) usage ;;
  esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || fail "--runs needs a positive number, not '$runs'"
[ -x "$credence" ] || fail "$credence missing: build first (cmake --preset release && cmake --build --preset release)"
inputs=("$shared"/data/fakenewsnet_text/*.jsonl.gz)
[ -f "${inputs[0]}" ] || fail "no FakeNewsNet files in $shared/data/fakenewsnet_text (set CREDENCE_SHARED)"
sample="$shared/samples/theduran-deir-ez-zor.txt"
[ -f "$sample" ] || fail "$sample missing"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ "$quick" = 1 ]; then
  { zcat "${inputs[@]}" || true; } | head -n 3000 > "$work/quick.jsonl"  # zcat ends on SIGPIPE
  inputs=("$work/quick.jsonl")
fi
# The detectors must be there to be measured: a run without them would compare off with off.
"$credence" analyze "$sample" --format json 2>/dev/null | grep -q '"techniques": \[$' \
  || fail "the learned detectors' models are not found (data/credence-*.bin, or CREDENCE_LEARNED_MODELS)"

"$credence" batch "${inputs[@]}" --threads 1 --format csv -q -o /dev/null > /dev/null 2>&1  # warm-up: the files into the page cache
echo "# warm-up done; load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

declare -A times
run() {  # name, command...
  local name="$1"; shift
  local start end
  start=$(date +%s.%N)
  "$@" > /dev/null 2>&1
  end=$(date +%s.%N)
  times[$name]+="$(calc "$end - $start") "
}
analyze_loop() {  # off|on
  local flag=()
  [ "$1" = off ] && flag=(--learned-models "")
  for _ in $(seq 50); do "$credence" analyze "$sample" --format json "${flag[@]}" > /dev/null; done
}
for _ in $(seq "$runs"); do
  run batch_csv_off "$credence" batch "${inputs[@]}" --threads 1 --format csv -q -o /dev/null --learned-models ""
  run batch_csv_on "$credence" batch "${inputs[@]}" --threads 1 --format csv -q -o /dev/null
  run batch_json_off "$credence" batch "${inputs[@]}" --threads 1 -q -o /dev/null --learned-models ""
  run batch_json_on "$credence" batch "${inputs[@]}" --threads 1 -q -o /dev/null
  run analyze_off analyze_loop off
  run analyze_on analyze_loop on
done
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# Instructions: 300 records and 1 record, on and off; the difference is the articles' share.
instructions() {  # records, off|on
  local flag=()
  [ "$2" = off ] && flag=(--learned-models "")
  zcat -f "${inputs[@]}" | head -n "$1" > "$work/i$1.jsonl"
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$credence" batch "$work/i$1.jsonl" --threads 1 \
    --format csv -q -o /dev/null "${flag[@]}" 2>&1 | sed -n 's/.*I *refs: *//p' | tr -d ,
}
declare -A ins
if command -v valgrind > /dev/null; then
  for s in off on; do ins[$s]=$(calc "($(instructions 300 $s) - $(instructions 1 $s)) / 299"); done
fi

n_records=$(zcat -f "${inputs[@]}" | grep -c . || true)
declare -A med
for name in "${!times[@]}"; do med[$name]=$(echo "${times[$name]}" | median); done
printf 'name\tvalue\tunit\thow\n'
for w in batch_csv batch_json; do
  for s in off on; do
    printf '%s_%s\t%.0f\tarticles/s\t%s records, 1 thread, median of %s runs (%.2f s)\n' "$w" "$s" \
      "$(calc "$n_records / ${med[${w}_$s]}")" "$n_records" "$runs" "${med[${w}_$s]}"
  done
  printf '%s_ratio\t%.2f\ttime on / time off\tgoal <= 2\n' "$w" "$(calc "${med[${w}_on]} / ${med[${w}_off]}")"
done
for s in off on; do
  printf 'analyze_%s\t%.1f\tms/article\tone process per article, 50 per run, median of %s runs\n' "$s" \
    "$(calc "${med[analyze_$s]} * 1000 / 50")" "$runs"
done
printf 'analyze_ratio\t%.2f\ttime on / time off\tgoal <= 2\n' "$(calc "${med[analyze_on]} / ${med[analyze_off]}")"
if [ -n "${ins[on]:-}" ]; then
  for s in off on; do
    printf 'instructions_%s\t%.2f\tmillion/article\tcallgrind, batch --format csv, first 300 records less start-up\n' "$s" \
      "$(calc "${ins[$s]} / 1000000")"
  done
  printf 'instructions_ratio\t%.2f\ton / off\tgoal <= 2\n' "$(calc "${ins[on]} / ${ins[off]}")"
fi

echo
echo "| workload | detectors off | detectors on | on / off |"
echo "| --- | ---: | ---: | ---: |"
for w in batch_csv batch_json; do
  printf '| %s, 1 thread | %.0f articles/s | %.0f articles/s | %.2f |\n' "$w" \
    "$(calc "$n_records / ${med[${w}_off]}")" "$(calc "$n_records / ${med[${w}_on]}")" \
    "$(calc "${med[${w}_on]} / ${med[${w}_off]}")"
done
printf '| credence analyze, one process per article | %.1f ms | %.1f ms | %.2f |\n' \
  "$(calc "${med[analyze_off]} * 1000 / 50")" "$(calc "${med[analyze_on]} * 1000 / 50")" \
  "$(calc "${med[analyze_on]} / ${med[analyze_off]}")"
if [ -n "${ins[on]:-}" ]; then
  printf '| instructions per article (callgrind, batch csv) | %.2f M | %.2f M | %.2f |\n' \
    "$(calc "${ins[off]} / 1000000")" "$(calc "${ins[on]} / 1000000")" "$(calc "${ins[on]} / ${ins[off]}")"
fi
