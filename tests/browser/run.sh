#!/bin/sh
# Runs the browser test of the web page (page_test.mjs) against a built credence:
#   tests/browser/run.sh BUILD_DIR
# Installs playwright-core from package-lock.json (npm ci) on first use, then drives
# /usr/bin/chromium against BUILD_DIR/credence serve; screenshots go to BUILD_DIR/browser.
# Exit 0 on success, 1 on failure, 77 (skip) when node, npm or /usr/bin/chromium is missing
# (1 instead when CREDENCE_REQUIRE_BROWSER=1, as scripts/test.sh sets it: CI must run it).
set -eu
skip=77
[ "${CREDENCE_REQUIRE_BROWSER:-0}" = 1 ] && skip=1

if [ $# -ne 1 ]; then
  echo "usage: $0 BUILD_DIR" >&2
  exit 2
fi
build_dir=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)

if [ ! -x /usr/bin/chromium ]; then
  echo "browser test skipped: /usr/bin/chromium is missing (apt-get install chromium)" >&2
  exit "$skip"
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "browser test skipped: node or npm is missing" >&2
  exit "$skip"
fi
if [ ! -x "$build_dir/credence" ]; then
  echo "browser test: $build_dir/credence not found or not executable" >&2
  exit 1
fi

if [ ! -d "$here/node_modules/playwright-core" ]; then
  (cd "$here" && npm ci --no-audit --no-fund)
fi

exec node "$here/page_test.mjs" --credence "$build_dir/credence" --out "$build_dir/browser"
