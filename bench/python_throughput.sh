#!/usr/bin/env bash
# Throughput of the Python module's Analyzer.analyze_many against its peer,
# `credence batch`, on the same records in one run, at 1 and 2 threads.
# Prints one tab-separated line per figure (name, value, unit, how), then a
# markdown table.
#
# Workloads (the first --records GossipCop records, written once as a JSONL
# file):
#   python_t{1,2}  /usr/bin/python3 with the module from build/release/python:
#                  credence.Analyzer() made, then every report of
#                  analyze_many(records, threads=T) taken as a dict. The
#                  records are read from the file into a list of dicts before
#                  the clock starts; the interpreter's start is not timed.
#   batch_t{1,2}   `credence batch FILE --threads T -q -o /dev/null`: the
#                  process end to end (its start, model loading, reading and
#                  parsing the JSONL, the reports written as JSONL).
# Both make the same full reports with the shipped models; Python also turns
# each into a dict (json.loads of its text) holding the GIL.
# Measured: wall time, median of --runs runs; each round runs every command
# once, so a change of load hits all alike.
#
# Flags:
#   --runs N      runs of each command; figures are medians (default 3)
#   --records N   how many GossipCop records (default 5000)
#   --build DIR   the build folder (default build/release)
# Environment:
#   CREDENCE_SHARED  the shared data folder (default: ../shared beside the repo)
# Runtime: about 1.5 minutes with the defaults.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${CREDENCE_SHARED:-$repo/../shared}"
build="$repo/build/release"
runs=3 records=5000
usage() { echo "usage: $0 [--runs N] [--records N] [--build DIR]" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) [ $# -ge 2 ] || usage; runs="$2"; shift 2 ;;
    --records) [ $# -ge 2 ] || usage; records="$2"; shift 2 ;;
    --build) [ $# -ge 2 ] || usage; build="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) usage ;;
  esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || fail "--runs needs a positive number, not '$runs'"
[[ "$records" =~ ^[1-9][0-9]*$ ]] || fail "--records needs a positive number, not '$records'"
credence="$build/credence"
[ -x "$credence" ] || fail "$credence missing: build first (cmake --preset release && cmake --build --preset release)"
ls "$build"/python/credence*.so > /dev/null 2>&1 || fail "no Python module in $build/python (needs pybind11-dev at configure time)"
source_file="$shared/data/fakenewsnet_text/fakenewsnet_gossipcop.jsonl.gz"
[ -f "$source_file" ] || fail "$source_file missing (set CREDENCE_SHARED)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
input="$work/records.jsonl"
{ zcat "$source_file" || true; } | head -n "$records" > "$input"  # zcat ends on SIGPIPE
n=$(grep -c . "$input" || true)
[ "$n" -gt 0 ] || fail "no records read from $source_file"

cat > "$work/many.py" <<'EOF'
import json, sys, time
import credence
records = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
threads = int(sys.argv[2])
start = time.perf_counter()
analyzer = credence.Analyzer()
count = sum(1 for _ in analyzer.analyze_many(records, threads=threads))
print(time.perf_counter() - start)
assert count == len(records), (count, len(records))
EOF

declare -A times
PYTHONPATH="$build/python" /usr/bin/python3 "$work/many.py" "$input" 2 > /dev/null  # warm-up
echo "# warm-up done; load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for _ in $(seq "$runs"); do
  for t in 1 2; do
    times[python_t$t]+="$(PYTHONPATH="$build/python" /usr/bin/python3 "$work/many.py" "$input" "$t") "
    start=$(date +%s.%N)
    "$credence" batch "$input" --threads "$t" -q -o /dev/null
    times[batch_t$t]+="$(calc "$(date +%s.%N) - $start") "
  done
done
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

declare -A rate
printf 'name\tvalue\tunit\thow\n'
for name in python_t1 batch_t1 python_t2 batch_t2; do
  m=$(echo "${times[$name]}" | median)
  rate[$name]=$(calc "$n / $m")
  printf '%s\t%.0f\treports/s\t%s GossipCop records, median of %s runs (%.2f s)\n' "$name" "${rate[$name]}" "$n" "$runs" "$m"
done
for t in 1 2; do
  printf 'ratio_t%s\t%.2f\tpython / batch\tsame run\n' "$t" "$(calc "${rate[python_t$t]} / ${rate[batch_t$t]}")"
done

echo
echo "| threads | analyze_many | credence batch | ratio |"
echo "| ---: | ---: | ---: | ---: |"
for t in 1 2; do
  printf '| %s | %.0f reports/s | %.0f reports/s | %.2f |\n' "$t" "${rate[python_t$t]}" "${rate[batch_t$t]}" \
    "$(calc "${rate[python_t$t]} / ${rate[batch_t$t]}")"
done
