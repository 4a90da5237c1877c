#!/usr/bin/env bash
# Quick start, step one: installs what is missing, builds a release build and
# analyzes the bundled example article, printing the readable report; then
# finds the same article in its web-page form (examples/demo-article.html).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
echo
build/release/credence analyze examples/demo-article.txt --url https://dailytruthwire.example/miracle-mineral
echo
echo "== the same article as a web page: what credence extract finds in it"
build/release/credence extract examples/demo-article.html --format json --compact |
  /usr/bin/python3 -c 'import json, sys
page = json.load(sys.stdin)
print("headline:", page["headline"]); print("byline:  ", page["byline"]); print("authors: ", ", ".join(page["authors"]))
print("body:     %d blocks; links: %s" % (len(page["blocks"]), ", ".join(l["url"] for l in page["links"])))
print("removed: ", ", ".join(sorted({r["category"] for r in page["removed"]})))'
