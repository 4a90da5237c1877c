#!/usr/bin/env bash
# Quick start, step two: runs the Python tests of tools/, then builds and
# runs the whole C++ test suite twice: a release build, then a build under
# AddressSanitizer and UndefinedBehaviorSanitizer. ctest includes the Python module's tests
# (tests/python, with /usr/bin/python3; under the sanitizers with the ASan runtime preloaded), the
# Dask example against `credence batch` (2 LocalCluster workers), the batch --resume test that
# kills a run with SIGKILL, the HTTP tests against servers on 127.0.0.1 (tests/server, with
# web/openapi.yaml checked against a running server) and the web page's browser test in headless
# Chromium (tests/browser: playwright-core installed from npm by `npm ci` on first use; required
# here, not skipped). Tests that read ../shared skip with a message
# when it is absent (set CREDENCE_SHARED to point elsewhere). Last, a
# train-and-eval smoke test of the content model on ../shared's datasets.
# Between them, the HTML extraction is scored on ../shared/bench/extraction
# and must keep F1 >= 0.93 (scripts/check-extraction.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
jobs=$(nproc)
# The browser test of the web page must run here, not skip (install-deps installs chromium).
export CREDENCE_REQUIRE_BROWSER=1

echo "== python: tools tests"
/usr/bin/python3 -m unittest discover -s tools -p 'test_*.py'

for preset in release asan; do
  echo "== $preset: configure and build"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j "$jobs"
  echo "== $preset: ctest"
  ctest --preset "$preset" -j "$jobs"
done

echo "== extraction: the benchmark pages scored, with a floor (F1 >= 0.93)"
scripts/check-extraction.sh --build build/release

echo "== model: train on ../shared and evaluate (smoke test)"
scripts/train-model.sh --smoke
