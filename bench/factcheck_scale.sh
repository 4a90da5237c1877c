#!/usr/bin/env bash
# Whether a fact-check index of a million records stays usable (issue 16,
# point 5): a synthetic collection of --records fact-checks
# (bench/synthetic_factchecks.py: the built-in collection's words and
# shapes, redrawn at random), then
#   build     `credence factchecks build`: wall time and peak RSS;
#   size      the index file's bytes, and per record;
#   open      `factchecks search --timing`: map and check the whole index;
#   search    one sentence against it (BM25 + re-ranker), median of --runs;
#   batch     `credence batch --threads 1` over --articles FakeNewsNet
#             records with that index against the built-in one (23,211
#             records), same run: articles/s each, peak RSS each, and the ratio.
# Prints one tab-separated line per figure, then a markdown table.
#
# Flags:
#   --records N      synthetic fact-checks (default 1000000)
#   --articles N     FakeNewsNet records for the batch figure (default 500)
#   --runs N         runs of the timed commands (default 3)
#   --credence PATH  the binary (default build/release/credence)
# Environment: CREDENCE_SHARED, the shared data folder (default ../shared).
# Runtime: about 6 minutes with the defaults (most of it generating and indexing).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${CREDENCE_SHARED:-$repo/../shared}"
credence="$repo/build/release/credence"
records=1000000 articles=500 runs=3
usage() { echo "usage: $0 [--records N] [--articles N] [--runs N] [--credence PATH]" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --records) [ $# -ge 2 ] || usage; records="$2"; shift 2 ;;
    --articles) [ $# -ge 2 ] || usage; articles="$2"; shift 2 ;;
    --runs) [ $# -ge 2 ] || usage; runs="$2"; shift 2 ;;
    --credence) [ $# -ge 2 ] || usage; credence="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) usage ;;
  esac
done
for n in "$records" "$articles" "$runs"; do [[ "$n" =~ ^[1-9][0-9]*$ ]] || fail "a count must be a positive number, not '$n'"; done
[ -x "$credence" ] || fail "$credence missing: build first"
[ -x /usr/bin/time ] || fail "/usr/bin/time missing (apt-get install time)"
input="$shared/data/fakenewsnet_text/fakenewsnet_gossipcop.jsonl.gz"
[ -f "$input" ] || fail "$input missing (set CREDENCE_SHARED)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
{ zcat "$input" || true; } | head -n "$articles" > "$work/articles.jsonl"
/usr/bin/python3 "$repo/bench/synthetic_factchecks.py" --records "$records" > "$work/synthetic.jsonl"

read -r build_s _ build_kb < <(measure_command "$credence" factchecks build "$work/synthetic.jsonl" -o "$work/synthetic.idx")
[ -n "${build_kb:-}" ] || fail "factchecks build failed"
index_bytes="$(stat -c %s "$work/synthetic.idx")"

sentence="President Obama released 122 Guantanamo prisoners who returned to terrorism"
opens=() searches=() big=() small=() big_kb=() small_kb=()
for _ in $(seq "$runs"); do
  line="$("$credence" factchecks search "$sentence" --index "$work/synthetic.idx" --timing -k 1 2>&1 >/dev/null)"
  opens+=("$(echo "$line" | sed -E 's/.* in ([0-9.]+) ms;.*/\1/')")
  searches+=("$(echo "$line" | sed -E 's/.*search ([0-9.]+) ms.*/\1/')")
  read -r s _ kb < <(measure_command "$credence" batch "$work/articles.jsonl" --threads 1 --factchecks "$work/synthetic.idx" -o /dev/null)
  big+=("$s") big_kb+=("$kb")
  read -r s _ kb < <(measure_command "$credence" batch "$work/articles.jsonl" --threads 1 -o /dev/null)
  small+=("$s") small_kb+=("$kb")
done
open_ms="$(printf '%s\n' "${opens[@]}" | median)"
search_ms="$(printf '%s\n' "${searches[@]}" | median)"
big_s="$(printf '%s\n' "${big[@]}" | median)" small_s="$(printf '%s\n' "${small[@]}" | median)"
big_mb="$(calc "$(printf '%s\n' "${big_kb[@]}" | median) / 1024")"
small_mb="$(calc "$(printf '%s\n' "${small_kb[@]}" | median) / 1024")"
printf 'build\t%s\ts\t%s synthetic fact-checks, peak RSS %s MB\n' "$build_s" "$records" "$(calc "$build_kb / 1024")"
printf 'index_size\t%s\tMB\t%s bytes per record\n' "$(calc "$index_bytes / 1048576")" "$(calc "$index_bytes / $records")"
printf 'index_open\t%s\tms\tmap + check the whole index, median of %s\n' "$open_ms" "$runs"
printf 'search\t%s\tms\tone sentence, BM25 + re-ranker\n' "$search_ms"
printf 'batch_big\t%s\ts\t%s articles, %s-record index, peak RSS %s MB\n' "$big_s" "$articles" "$records" "$big_mb"
printf 'batch_builtin\t%s\ts\t%s articles, built-in index, peak RSS %s MB\n' "$small_s" "$articles" "$small_mb"
printf 'ratio\t%s\tx\tbatch time, big index / built-in\n' "$(calc "$big_s / $small_s")"
echo
echo "| ${records} synthetic fact-checks | figure |"
echo "| --- | ---: |"
echo "| build (\`factchecks build\`) | ${build_s} s, peak RSS $(calc "$build_kb / 1024") MB |"
echo "| index file | $(calc "$index_bytes / 1048576") MB ($(calc "$index_bytes / $records") B per record) |"
echo "| open and check | ${open_ms} ms |"
echo "| one search | ${search_ms} ms |"
echo "| batch, ${articles} articles, 1 thread | $(calc "$articles / $big_s") articles/s (built-in index: $(calc "$articles / $small_s")), peak RSS ${big_mb} MB (${small_mb}) |"
