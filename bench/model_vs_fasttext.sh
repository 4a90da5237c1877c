#!/usr/bin/env bash
# credence's content model against the fastText CLI (Debian package
# `fasttext`) on the same site-disjoint split files: macro-F1, ROC-AUC,
# training time, model size and prediction throughput, one tab-separated line
# each, then the ratios. What is measured and how: bench/model_vs_fasttext.py.
#
# Usage: bench/model_vs_fasttext.sh [--split site|random | --lodo] [--corpus DIR] [--no-build]
#   --corpus DIR  a corpus from tools/build_corpus.py (default: built afresh
#                 into a temporary folder from $CREDENCE_SHARED)
#   --lodo        leave one dataset out: each dataset tested by models of both
#                 systems trained without it and its sites (same files)
# Runtime: ~5 minutes on 2 cores for a split (fastText's 25 epochs are ~2 of
# them); --lodo trains both systems once per dataset.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${CREDENCE_SHARED:-$repo/../shared}"
py=/usr/bin/python3
corpus="" split=site build=1 lodo=()
while [ $# -gt 0 ]; do
  case "$1" in
    --corpus) corpus="$2"; shift 2 ;;
    --split) split="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --lodo) lodo=(--lodo); shift ;;
    *) echo "usage: $0 [--split site|random | --lodo] [--corpus DIR] [--no-build]" >&2; exit 2 ;;
  esac
done
command -v fasttext >/dev/null || { echo "fasttext missing: run scripts/install-deps.sh" >&2; exit 1; }
if [ "$build" = 1 ]; then
  cmake --preset release >/dev/null && cmake --build --preset release -j "$(nproc)" --target credence >/dev/null
fi
if [ -z "$corpus" ]; then
  [ -d "$shared/data" ] || { echo "no datasets at $shared (set CREDENCE_SHARED)" >&2; exit 1; }
  corpus="$(mktemp -d)"
  trap 'rm -rf "$corpus"' EXIT
  "$py" "$repo/tools/build_corpus.py" --shared "$shared" --out "$corpus" >/dev/null
fi
"$py" "$repo/bench/model_vs_fasttext.py" --corpus "$corpus" --split "$split" "${lodo[@]}" --credence "$repo/build/release/credence"
