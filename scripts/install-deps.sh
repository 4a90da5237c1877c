#!/usr/bin/env bash
# Installs (with apt) whatever credence needs to build, test and run that is
# missing on a Debian 12 machine. Safe to run again: it installs nothing
# when everything is there.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libcli11-dev nlohmann-json3-dev libexpected-dev
  libhunspell-dev hunspell-en-us hunspell-en-gb hunspell libutf8proc-dev libre2-dev libxxhash-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libcpp-httplib-dev  # credence serve (src/server), through its pkg-config
  libstemmer-dev  # Snowball's English stemmer for fact-check retrieval (src/factcheck)
  libmodest-dev zlib1g-dev libgumbo-dev libxml2-dev  # HTML: myhtml parses; gumbo and libxml2 for bench/html_parsers
  python3
  pybind11-dev python3-dev  # the Python module (src/python), tested with /usr/bin/python3
  python3-distributed python3-dask  # examples/dask_batch.py and its test
  chromium  # the web page's browser test (tests/browser, with playwright-core from npm)
  python3-yaml python3-jsonschema  # tests/server/test_openapi.py (web/openapi.yaml against the server)
  fasttext  # the peer that bench/model_vs_fasttext.sh measures against
  wrk  # bench/http_load.sh drives credence serve with it
  python3-readability  # readability-lxml: a peer that bench/extraction.sh measures against
)
# Readability.js (bench/peers, installed by bench/extraction.sh with npm ci)
# needs node and npm; a NodeSource nodejs brings its own npm, with which
# Debian's npm package would conflict.
command -v npm >/dev/null || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
