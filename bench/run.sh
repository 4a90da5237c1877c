#!/usr/bin/env bash
# The benchmark driver: builds the release preset, runs bench/analyze_bench on
# FakeNewsNet, runs the peer (hunspell) and the CLI in the same run, and prints
# one tab-separated line per figure: name, value, unit, how it was measured.
#
# Workloads:
#   credence_corpus_*    Analyzer::Analyze over every non-empty FakeNewsNet
#                        text (PolitiFact + GossipCop, ~22k articles, ~80 MB),
#                        single-threaded; MB/s and articles/s, medians of 5.
#   credence_{1,10}MB    one Analyze() call on 1 MiB and 10 MiB made of those
#                        texts joined with blank lines; medians of 5 and their
#                        ratio (about 10 when time is linear in input size).
#   hunspell_1MB         the peer: `hunspell -l -d en_US` (list misspelled
#                        words; spelling is one part of what credence does)
#                        over the same 1 MiB text, median of 5. It runs at
#                        ~0.2 MB/s: one pass over the corpus would take ~6 min.
#   cli_10MB             `credence analyze --format json - < FILE > /dev/null` on
#                        the 10 MiB text: process start, reading, analysis and
#                        JSON writing; median of 3.
# MB = 10^6 bytes. Throughputs use CPU time (Google Benchmark's default; the
# peer's and the CLI's from the child's user+sys time), so a busy machine
# skews them less; the CLI line gives wall time too.
#
# Flags:
#   --no-build   use the binaries already in the build directory
# Environment:
#   CREDENCE_SHARED   the shared data folder (default: ../shared beside the repo)
#   BUILD_DIR         build directory (default: build/release, the preset's)
#   CREDENCE_BENCH_MAX_MB  passed to analyze_bench: cap the corpus workload
#                     (e.g. 20 for a quick run; unset = all ~80 MB)
# Runtime: about 4-5 minutes on 2 idle cores at credence's present ~2.5 MB/s
# (5 passes over the corpus are most of it), plus the build. Needs: cmake,
# ninja, libbenchmark-dev, hunspell (the CLI, Debian package `hunspell`) and
# hunspell-en-us.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${CREDENCE_SHARED:-$repo/../shared}"
build_dir="${BUILD_DIR:-$repo/build/release}"
py=/usr/bin/python3
build=1
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument $arg" >&2; exit 2 ;;
  esac
done

fnn="$shared/data/fakenewsnet_text"
for f in "$fnn/fakenewsnet_politifact.jsonl.gz" "$fnn/fakenewsnet_gossipcop.jsonl.gz"; do
  [ -r "$f" ] || { echo "run.sh: $f missing (set CREDENCE_SHARED)" >&2; exit 1; }
done

if [ "$build" = 1 ]; then
  (cd "$repo" && cmake --preset release >&2 && cmake --build --preset release -j 2 --target credence analyze_bench >&2)
fi
bench_bin="$build_dir/bench/analyze_bench"
cli_bin="$build_dir/credence"
[ -x "$bench_bin" ] || { echo "run.sh: $bench_bin not built (is libbenchmark-dev installed?)" >&2; exit 1; }
[ -x "$cli_bin" ] || { echo "run.sh: $cli_bin not built" >&2; exit 1; }

if ! command -v hunspell > /dev/null; then
  echo "run.sh: the hunspell CLI is missing: add Debian package 'hunspell' to scripts/install-deps.sh" >&2
  hunspell_ok=0
else
  hunspell_ok=1
fi

tmp="$(mktemp -d "${TMPDIR:-/tmp}/credence-bench.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

# The corpus as plain JSONL, and the texts joined with blank lines, cut to
# 1 MiB and 10 MiB at a UTF-8 boundary: the same inputs analyze_bench builds.
zcat "$fnn/fakenewsnet_politifact.jsonl.gz" "$fnn/fakenewsnet_gossipcop.jsonl.gz" > "$tmp/fakenewsnet.jsonl"
"$py" - "$tmp" <<'EOF'
import json, sys
tmp = sys.argv[1]
texts = []
with open(f"{tmp}/fakenewsnet.jsonl", encoding="utf-8") as f:
    for line in f:
        t = json.loads(line).get("text")
        if isinstance(t, str) and t.strip(" \t\r\n\f\v"):
            texts.append(t.encode("utf-8", "surrogatepass"))
for mib in (1, 10):
    size = mib << 20
    out = bytearray()
    while len(out) < size:
        for t in texts:
            if out:
                out += b"\n\n"
            out += t
            if len(out) >= size:
                break
    cut = size
    while cut > 0 and cut < len(out) and (out[cut] & 0xC0) == 0x80:
        cut -= 1
    with open(f"{tmp}/{mib}mb.txt", "wb") as f:
        f.write(out[:cut])
EOF

echo "run.sh: running analyze_bench (5 repetitions)" >&2
CREDENCE_BENCH_JSONL="$tmp/fakenewsnet.jsonl" "$bench_bin" \
  --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
  --benchmark_out="$tmp/bench.json" --benchmark_out_format=json >&2

echo "run.sh: timing hunspell (5 runs) and the CLI (3 runs)" >&2
"$py" - "$tmp" "$cli_bin" "$hunspell_ok" <<'EOF'
import json, os, resource, statistics, subprocess, sys, time
tmp, cli, hunspell_ok = sys.argv[1], sys.argv[2], sys.argv[3] == "1"

def timed(cmd, stdin_path, runs):
    """Returns the medians of (cpu seconds, wall seconds) over `runs` runs."""
    cpu, wall = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        with open(stdin_path, "rb") as f:
            subprocess.run(cmd, stdin=f, stdout=subprocess.DEVNULL, check=True)
        wall.append(time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(cpu), statistics.median(wall)

with open(f"{tmp}/bench.json") as f:
    bench = json.load(f)
med = {b["run_name"]: b for b in bench["benchmarks"] if b.get("aggregate_name") == "median"}
scale = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}
def ms(b):
    return b["cpu_time"] * scale[b["time_unit"]]

rows = []
corpus = med.get("BM_AnalyzeCorpus")
if corpus:
    rows.append(("credence_corpus_throughput", corpus["bytes_per_second"] / 1e6, "MB/s",
                 f"Analyze() over {int(corpus.get('articles', 0))} FakeNewsNet texts, median of 5"))
    rows.append(("credence_corpus_articles", corpus["articles/s"], "articles/s", "same run, median of 5"))
else:
    rows.append(("credence_corpus_throughput", float("nan"), "MB/s", "BM_AnalyzeCorpus missing or skipped"))
one, ten = med.get("BM_AnalyzeSynthetic/MB:1"), med.get("BM_AnalyzeSynthetic/MB:10")
if one and ten:
    rows.append(("credence_1MB_time", ms(one), "ms", "one Analyze() on 1 MiB, median of 5"))
    rows.append(("credence_10MB_time", ms(ten), "ms", "one Analyze() on 10 MiB, median of 5"))
    rows.append(("ratio_10MB_over_1MB", ms(ten) / ms(one), "x", "about 10 = linear"))
if hunspell_ok:
    size = os.path.getsize(f"{tmp}/1mb.txt")
    cpu, wall = timed(["hunspell", "-l", "-d", "en_US"], f"{tmp}/1mb.txt", 5)
    h = size / cpu / 1e6
    rows.append(("hunspell_1MB_throughput", h, "MB/s", f"hunspell -l -d en_US on the 1 MiB text, median of 5 (wall {wall:.2f} s)"))
    if one:
        c = one["bytes_per_second"] / 1e6
        rows.append(("ratio_credence_over_hunspell", c / h, "x", f"credence {c:.2f} MB/s / hunspell {h:.3f} MB/s, same 1 MiB text"))
else:
    rows.append(("hunspell_1MB_throughput", float("nan"), "MB/s", "hunspell CLI missing: add it to scripts/install-deps.sh"))
cpu, wall = timed([cli, "analyze", "--format", "json", "-"], f"{tmp}/10mb.txt", 3)
rows.append(("cli_10MB_end_to_end", wall, "s", f"credence analyze --format json < 10 MiB > /dev/null, wall, median of 3 (cpu {cpu:.2f} s)"))
for name, value, unit, how in rows:
    print(f"{name}\t{value:.4g}\t{unit}\t{how}")
EOF
