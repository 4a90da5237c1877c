#!/usr/bin/env bash
# Quick start, step one: installs what is missing, builds a release build and
# analyzes the bundled example article, printing the readable report.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
echo
build/release/credence analyze examples/demo-article.txt --url https://dailytruthwire.example/miracle-mineral
