#!/usr/bin/env bash
# Throughput of credence's full analysis with `credence batch` (extraction,
# cues, the shipped model, explanation: the default report) against the
# fastText CLI's classification (`fasttext predict`, Debian package `fasttext`)
# on the same texts, in one run. Prints one tab-separated line per figure:
# name, value, unit, how it was measured; then a markdown table for the README.
#
# Workloads:
#   credence_text_t{1,2}  `credence batch FILES --threads T -q -o /dev/null` on
#                         the FakeNewsNet files as they are (politifact +
#                         gossipcop .jsonl.gz, ~22k records, ~80 MB of text;
#                         batch reads gzip itself). Articles = the records it
#                         analyzes; the ~480 empty texts become error lines
#                         (the untimed warm-up's summary, printed, counts them).
#   credence_csv_t{1,2}   the same with --format csv: the same analysis
#                         (extraction, cues, model, explanation), written as
#                         one summary row per article instead of the whole
#                         report (about a third of credence's time goes into
#                         writing the full JSON reports, ~6x the input's size).
#   credence_html_t{1,2}  full reports on the 123 pages of
#                         $CREDENCE_SHARED/bench/extraction (~23 MB), written
#                         as one JSONL with an `html` field per page (id = the
#                         page key), repeated x10 so that a run lasts seconds.
#   fasttext_predict      `fasttext predict MODEL FILE > /dev/null` over those
#                         analyzed texts, prepared beforehand by
#                         bench/model_vs_fasttext.py's fasttext_line (title +
#                         text, lower-cased, punctuation split, one line each;
#                         that Python step is not timed, while credence reads
#                         raw JSONL). The model is trained as in that script:
#                         tools/build_corpus.py's splits/site/train.jsonl,
#                         -epoch 25 -wordNgrams 2, here -thread 2 (a --keep
#                         folder that holds fasttext.bin reuses it).
#                         fasttext_load is the same command on a one-line file;
#                         the ratios use the rate with it subtracted (the
#                         peer's favourable figure). fastText predict has one
#                         thread and no option for more.
# Measured: wall time (threads!), median of --runs runs; each round runs every
# command once, so a change of load hits all alike, but a busy machine lowers
# the figures (the load average is printed before and after). MB = 10^6 bytes
# of input text (`text` fields) or HTML, uncompressed. Peak RSS: the largest
# of `/usr/bin/time -f %M` over the runs (the child's rusage if it is absent).
# Scaling = rate(2 threads) / (2 x rate(1 thread)). Goal: credence's full
# analysis >= fastText's classification throughput, per thread count.
#
# Flags:
#   --runs N         runs of each command; figures are medians (default 3)
#   --credence PATH  the binary (default build/release/credence; copy it
#                    elsewhere first if the build may change during the run)
#   --corpus DIR     reuse a tools/build_corpus.py folder (default: built into
#                    the work folder, ~30 s)
#   --quick          first 2000 FakeNewsNet records and the pages x2 (development)
#   --keep DIR       work in DIR and keep it (inputs, fastText model, logs)
# Environment:
#   CREDENCE_SHARED  the shared data folder (default: ../shared beside the repo)
# Runtime: about 7 minutes on 2 idle cores: the corpus (~30 s), fastText's
# training (~2.5 min), a warm-up and 3 rounds (~1 min each). Needs
# /usr/bin/python3 and the fasttext CLI; installs nothing.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${CREDENCE_SHARED:-$repo/../shared}"
py=/usr/bin/python3
credence="$repo/build/release/credence"
runs=3 corpus="" keep="" quick=0
usage() { echo "usage: $0 [--runs N] [--credence PATH] [--corpus DIR] [--quick] [--keep DIR]" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) [ $# -ge 2 ] || usage; runs="$2"; shift 2 ;;
    --credence) [ $# -ge 2 ] || usage; credence="$2"; shift 2 ;;
    --corpus) [ $# -ge 2 ] || usage; corpus="$2"; shift 2 ;;
    --keep) [ $# -ge 2 ] || usage; keep="$2"; shift 2 ;;
    --quick) quick=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) usage ;;
  esac
done

[[ "$runs" =~ ^[1-9][0-9]*$ ]] || fail "--runs needs a positive number, not '$runs'"
[ -x "$py" ] || fail "$py missing (Debian's python3)"
[ -x "$credence" ] || fail "no credence binary at $credence (build it, or pass --credence PATH)"
command -v fasttext >/dev/null || fail "the fasttext CLI is missing: Debian package 'fasttext' (scripts/install-deps.sh)"
for f in "$repo/tools/build_corpus.py" "$repo/bench/model_vs_fasttext.py" "$repo/bench/batch_throughput.py" \
         "$shared/data/fakenewsnet_text/fakenewsnet_politifact.jsonl.gz" \
         "$shared/data/fakenewsnet_text/fakenewsnet_gossipcop.jsonl.gz"; do
  [ -r "$f" ] || fail "$f missing (set CREDENCE_SHARED for the data)"
done
compgen -G "$shared/bench/extraction/html/*.html.gz" >/dev/null ||
  fail "no pages at $shared/bench/extraction/html (set CREDENCE_SHARED)"
[ -x /usr/bin/time ] || echo "batch_throughput.sh: no /usr/bin/time: peak RSS from the child's rusage" >&2
if [ -n "$corpus" ]; then
  [ -r "$corpus/splits/site/train.jsonl" ] || fail "$corpus/splits/site/train.jsonl missing (make it with tools/build_corpus.py)"
fi

# The work folder: --keep DIR, or a temporary one removed on exit.
if [ -n "$keep" ]; then
  mkdir -p "$keep" && work="$(cd "$keep" && pwd)"
else
  work="$(mktemp -d "${TMPDIR:-/tmp}/credence-batch-bench.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
fi
if [ -z "$corpus" ]; then
  corpus="$work/corpus"
  echo "batch_throughput.sh: building the corpus into $corpus (~30 s)" >&2
  "$py" "$repo/tools/build_corpus.py" --shared "$shared" --out "$corpus" >"$work/build_corpus.log" 2>&1 ||
    fail "tools/build_corpus.py failed: $(tail -n 3 "$work/build_corpus.log")"
fi

limits=(--html-repeat 10)
[ "$quick" = 1 ] && limits=(--max-records 2000 --html-repeat 2)
start=$SECONDS
"$py" "$repo/bench/batch_throughput.py" --credence "$credence" --shared "$shared" --corpus "$corpus" \
  --work "$work" --runs "$runs" "${limits[@]}"
echo "batch_throughput.sh: measured in $((SECONDS - start)) s" >&2
