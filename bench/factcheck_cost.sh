#!/usr/bin/env bash
# What matching claims against the fact-check index costs (issue 16, point
# 5): the same batch analysis with matching on (the default, the built-in
# index of 23,211 fact-checks) and off (`--factchecks ""`), in one run, and
# the ratio; then the index's load time and a search's. The issue's goal:
# matching costs at most 1.2x analysis without it; the index loads in under
# 100 ms. Prints one tab-separated line per figure, then a markdown table.
#
# Workloads (one thread each, so that the ratio is the work):
#   batch_{off,on}  `credence batch FILE --threads 1 -o /dev/null` (full JSON
#                   reports) over the first --records FakeNewsNet records.
#   index_open      `credence factchecks search --timing`: mapping the index
#                   and checking it whole (sizes, offsets, checksum), and
#                   one sentence's search (BM25 + re-ranking 30 candidates).
# Measured: wall time, median of --runs runs; each round runs both once.
#
# Flags:
#   --runs N         runs of each command (default 5)
#   --records N      FakeNewsNet records per run (default 3000)
#   --credence PATH  the binary (default build/release/credence)
# Environment: CREDENCE_SHARED, the shared data folder (default ../shared).
# Runtime: about 2 minutes with the defaults.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${CREDENCE_SHARED:-$repo/../shared}"
credence="$repo/build/release/credence"
runs=5 records=3000
usage() { echo "usage: $0 [--runs N] [--records N] [--credence PATH]" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) [ $# -ge 2 ] || usage; runs="$2"; shift 2 ;;
    --records) [ $# -ge 2 ] || usage; records="$2"; shift 2 ;;
    --credence) [ $# -ge 2 ] || usage; credence="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) usage ;;
  esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || fail "--runs needs a positive number, not '$runs'"
[[ "$records" =~ ^[1-9][0-9]*$ ]] || fail "--records needs a positive number, not '$records'"
[ -x "$credence" ] || fail "$credence missing: build first"
input="$shared/data/fakenewsnet_text/fakenewsnet_gossipcop.jsonl.gz"
[ -f "$input" ] || fail "$input missing (set CREDENCE_SHARED)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
{ zcat "$input" || true; } | head -n "$records" > "$work/records.jsonl"

seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N); calc "$end - $start"; }
off=() on=() opens=() searches=()
for _ in $(seq "$runs"); do
  off+=("$(seconds "$credence" batch "$work/records.jsonl" --threads 1 --factchecks "" -o /dev/null)")
  on+=("$(seconds "$credence" batch "$work/records.jsonl" --threads 1 -o /dev/null)")
  line="$("$credence" factchecks search "President Obama released 122 Guantanamo prisoners who returned to terrorism" --timing -k 1 2>&1 >/dev/null)"
  opens+=("$(echo "$line" | sed -E 's/.* in ([0-9.]+) ms;.*/\1/')")
  searches+=("$(echo "$line" | sed -E 's/.*search ([0-9.]+) ms.*/\1/')")
done
off_s="$(printf '%s\n' "${off[@]}" | median)"
on_s="$(printf '%s\n' "${on[@]}" | median)"
open_ms="$(printf '%s\n' "${opens[@]}" | median)"
search_ms="$(printf '%s\n' "${searches[@]}" | median)"
ratio="$(calc "$on_s / $off_s")"
printf 'batch_off\t%s\ts\t%s records, matching off, median of %s\n' "$off_s" "$records" "$runs"
printf 'batch_on\t%s\ts\t%s records, built-in index, median of %s\n' "$on_s" "$records" "$runs"
printf 'ratio\t%s\tx\ton / off (goal <= 1.2)\n' "$ratio"
printf 'index_open\t%s\tms\tmap + check the whole index (goal < 100)\n' "$open_ms"
printf 'search\t%s\tms\tone sentence, BM25 + re-ranker\n' "$search_ms"
echo
echo "| workload | median | |"
echo "| --- | ---: | --- |"
echo "| batch, matching off | ${off_s} s | $(calc "$records / $off_s") articles/s |"
echo "| batch, matching on | ${on_s} s | $(calc "$records / $on_s") articles/s |"
echo "| ratio | **${ratio}x** | goal <= 1.2x |"
echo "| index open and check | ${open_ms} ms | goal < 100 ms |"
echo "| one search | ${search_ms} ms | |"
