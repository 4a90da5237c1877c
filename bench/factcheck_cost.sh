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
# Measured: CPU time (user + system: the work, for one thread) and wall
# time, medians of --runs runs; each round runs both once, and the goal's
# ratio is the median of the rounds' CPU-time ratios (each round's two runs
# see the same machine; single runs here swing by 30%). Also printed: the
# fastest run of each, the least disturbed.
#
# Flags:
#   --runs N         runs of each command (default 9)
#   --records N      FakeNewsNet records per run (default 1000)
#   --credence PATH  the binary (default build/release/credence)
# Environment: CREDENCE_SHARED, the shared data folder (default ../shared).
# Runtime: about 2 minutes with the defaults.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${CREDENCE_SHARED:-$repo/../shared}"
credence="$repo/build/release/credence"
runs=9 records=1000
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
[ -x /usr/bin/time ] || fail "/usr/bin/time missing (apt-get install time)"
input="$shared/data/fakenewsnet_text/fakenewsnet_gossipcop.jsonl.gz"
[ -f "$input" ] || fail "$input missing (set CREDENCE_SHARED)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
{ zcat "$input" || true; } | head -n "$records" > "$work/records.jsonl"

off=() on=() off_cpu=() on_cpu=() round_ratios=() opens=() searches=()
for _ in $(seq "$runs"); do
  read -r wall cpu _ < <(measure_command "$credence" batch "$work/records.jsonl" --threads 1 --factchecks "" -o /dev/null)
  off+=("$wall") off_cpu+=("$cpu")
  read -r wall cpu _ < <(measure_command "$credence" batch "$work/records.jsonl" --threads 1 -o /dev/null)
  on+=("$wall") on_cpu+=("$cpu")
  round_ratios+=("$(calc "$cpu / ${off_cpu[-1]}")")
  line="$("$credence" factchecks search "President Obama released 122 Guantanamo prisoners who returned to terrorism" --timing -k 1 2>&1 >/dev/null)"
  opens+=("$(echo "$line" | sed -E 's/.* in ([0-9.]+) ms;.*/\1/')")
  searches+=("$(echo "$line" | sed -E 's/.*search ([0-9.]+) ms.*/\1/')")
done
off_s="$(printf '%s\n' "${off[@]}" | median)"
on_s="$(printf '%s\n' "${on[@]}" | median)"
open_ms="$(printf '%s\n' "${opens[@]}" | median)"
search_ms="$(printf '%s\n' "${searches[@]}" | median)"
off_cpu_s="$(printf '%s\n' "${off_cpu[@]}" | median)"
on_cpu_s="$(printf '%s\n' "${on_cpu[@]}" | median)"
ratio="$(printf '%s\n' "${round_ratios[@]}" | median)"
best_ratio="$(calc "$(printf '%s\n' "${on_cpu[@]}" | sort -g | head -1) / $(printf '%s\n' "${off_cpu[@]}" | sort -g | head -1)")"
wall_ratio="$(calc "$on_s / $off_s")"
printf 'batch_off\t%s\ts\t%s records, matching off, median of %s (wall %s s)\n' "$off_cpu_s" "$records" "$runs" "$off_s"
printf 'batch_on\t%s\ts\t%s records, built-in index, median of %s (wall %s s)\n' "$on_cpu_s" "$records" "$runs" "$on_s"
printf 'ratio\t%s\tx\ton / off in CPU time, median of the rounds'"'"' ratios (goal <= 1.2)\n' "$ratio"
printf 'best_ratio\t%s\tx\tthe fastest on / the fastest off, CPU time\n' "$best_ratio"
printf 'wall_ratio\t%s\tx\ton / off in wall time\n' "$wall_ratio"
printf 'index_open\t%s\tms\tmap + check the whole index (goal < 100)\n' "$open_ms"
printf 'search\t%s\tms\tone sentence, BM25 + re-ranker\n' "$search_ms"
echo
echo "| workload | median | |"
echo "| --- | ---: | --- |"
echo "| batch, matching off (CPU, wall) | ${off_cpu_s} s, ${off_s} s | $(calc "$records / $off_s") articles/s |"
echo "| batch, matching on (CPU, wall) | ${on_cpu_s} s, ${on_s} s | $(calc "$records / $on_s") articles/s |"
echo "| ratio, CPU time (median of the rounds' ratios) | **${ratio}x** | goal <= 1.2x |"
echo "| ratio, fastest run of each | ${best_ratio}x | |"
echo "| ratio, wall time | ${wall_ratio}x | |"
echo "| index open and check | ${open_ms} ms | goal < 100 ms |"
echo "| one search | ${search_ms} ms | |"
