#!/usr/bin/env bash
# Rebuilds the shipped content model, data/credence-model.bin, from the
# datasets in ../shared/data: builds the corpus and its splits
# (tools/build_corpus.py), then trains on the site-disjoint split
# (`credence train --corpus DIR --split site`). About 70 s on 2 cores.
#
# Usage: scripts/train-model.sh [--out FILE] [--corpus DIR] [--smoke]
#   --out FILE    where to write the model (default data/credence-model.bin)
#   --corpus DIR  keep the corpus there (default: a temporary folder, removed)
#   --smoke       the CI check: train into a temporary file, evaluate it on
#                 the site test split, and fail unless its ROC-AUC is at
#                 least 0.75 and its size at most 16 MB
# Environment: CREDENCE_SHARED (default ../shared beside the repo).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${CREDENCE_SHARED:-$repo/../shared}"
out="$repo/data/credence-model.bin" corpus="" smoke=0
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    --corpus) corpus="$2"; shift 2 ;;
    --smoke) smoke=1; shift ;;
    *) echo "usage: $0 [--out FILE] [--corpus DIR] [--smoke]" >&2; exit 2 ;;
  esac
done
if [ ! -d "$shared/data" ]; then
  echo "train-model: no datasets at $shared/data (set CREDENCE_SHARED)" >&2
  [ "$smoke" = 1 ] && { echo "train-model: smoke test skipped"; exit 0; }
  exit 1
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
[ -n "$corpus" ] || corpus="$tmp/corpus"
[ "$smoke" = 1 ] && out="$tmp/model.bin"
credence="$repo/build/release/credence"
[ -x "$credence" ] || { cmake --preset release >/dev/null && cmake --build --preset release --target credence >/dev/null; }

start=$(date +%s)
/usr/bin/python3 "$repo/tools/build_corpus.py" --shared "$shared" --out "$corpus" | tail -n 3
"$credence" train --corpus "$corpus" --split site --out "$out"
echo "train-model: $out in $(( $(date +%s) - start )) s"

if [ "$smoke" = 1 ]; then
  "$credence" eval --model "$out" --test "$corpus/splits/site/test.jsonl" --format json > "$tmp/eval.json"
  /usr/bin/python3 - "$tmp/eval.json" "$out" <<'PY'
import json, os, sys
rows = json.load(open(sys.argv[1]))[0]["rows"]
overall = next(r for r in rows if r["subset"] == "all")
size = os.path.getsize(sys.argv[2])
print("smoke: site test ROC-AUC %.3f, macro-F1 %.3f, model %.1f MB" % (overall["roc_auc"], overall["macro_f1"], size / 1e6))
sys.exit(0 if overall["roc_auc"] >= 0.75 and size <= 16 * 2**20 else 1)
PY
fi
