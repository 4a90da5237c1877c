#!/usr/bin/env bash
# Load on `credence serve`'s HTTP API with wrk (Debian package `wrk`) on
# loopback, and the same article through `credence batch` and the CLI in the
# same run for ratios. Prints one tab-separated line per figure: name, value,
# unit, how it was measured; then a markdown table.
#
# Workloads:
#   server_c{1,8,64}_*  `credence serve --port 0 [--threads N]`, started by the
#                       script; GET /v1/health must answer within 30 s, then
#                       5 warm-up POSTs (each must be 200 with a report) and an
#                       untimed 1 s wrk run. Then, for each connection count,
#                       `wrk -t min(C,2) -cC -d S --timeout 30s --latency -s
#                       bench/http_load.lua` POSTing /v1/analyze with
#                       {"text", "url"} of one ~5 KB article: the first
#                       FakeNewsNet record (PolitiFact, then GossipCop, in file
#                       order) whose text is 4,500-5,500 UTF-8 bytes (today
#                       politifact14564, 5,007 bytes; printed). wrk keeps its
#                       connections alive and reconnects when the server closes
#                       one. Figures: requests/s, wrk's p50 and p99 latency,
#                       errors = non-2xx answers (counted by the Lua script's
#                       response hook, by status) + socket errors (connect,
#                       read, write, timeout), the server's CPU per request
#                       and its VmRSS and VmHWM (peak RSS) from
#                       /proc/PID/status before the first run and after each.
#   peer_batch          `credence batch FILE --threads T -q -o /dev/null` on
#                       the same article repeated --batch-lines times as JSONL
#                       (full JSON reports, like the server's answers), wall
#                       time, median of 3 after an untimed run; T = --threads
#                       capped at the core count, or batch's default (one per
#                       core). ratio_cC_over_batch = server req/s / batch
#                       articles/s: what HTTP costs over the in-process
#                       pipeline (1 = nothing).
#   peer_cli            `credence analyze --format json --compact FILE`, one
#                       process per article, --cli-runs in a row: what a
#                       server saves over spawning the CLI per article.
# wrk runs on the same cores as the server (its CPU is not the server's), and
# wrk measures latency from when a request is sent: time a request waits for
# a free connection is not in it (coordinated omission; wrk2 would count it).
# The binary is copied into the work folder first, so a rebuild during the
# run changes nothing. Exit status 1 when any run had an error (after the
# table), unless --allow-errors; the server is stopped on every exit.
#
# Flags:
#   --duration S         seconds of each wrk run (default 10)
#   --connections "LIST" connection counts, in order (default "1 8 64")
#   --threads N          the server's analyses at once, `serve --threads` (default: the
#                        server's own, one per core)
#   --build DIR          build directory holding `credence` (default build/release)
#   --no-build           use the binary as it is (default: build the target
#                        `credence` first: the release preset, or DIR's cmake)
#   --allow-errors       exit 0 even when requests failed
#   --quick              --duration 3, batch x2000, 20 CLI runs (development)
#   --batch-lines N      copies of the article for the batch peer (default 4000)
#   --cli-runs N         CLI processes for the CLI peer; 0 skips it (default 50)
#   --keep DIR           work in DIR and keep it (body, JSONL, wrk and server logs)
# Environment:
#   CREDENCE_SHARED  the shared data folder (default: ../shared beside the repo)
# Runtime: about 1 minute on 2 cores at the defaults (3 x 10 s of wrk, ~15 s of
# peers, start-up), plus the build. Needs: wrk (Debian package `wrk`, with its
# LuaJIT), /usr/bin/python3, timeout (coreutils), getconf, Linux /proc; to
# build: cmake and ninja. Installs nothing.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="${CREDENCE_SHARED:-$repo/../shared}"
py=/usr/bin/python3
build_dir="$repo/build/release"
duration=10 connections="1 8 64" threads="" build=1 allow_errors=0 keep=""
batch_lines=4000 cli_runs=50 quick=0
usage() {
  echo "usage: $0 [--duration S] [--connections \"1 8 64\"] [--threads N] [--build DIR] [--no-build]" \
       "[--allow-errors] [--quick] [--batch-lines N] [--cli-runs N] [--keep DIR]" >&2
  exit 2
}
duration_set=0 batch_set=0 cli_set=0
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) [ $# -ge 2 ] || usage; duration="$2"; duration_set=1; shift 2 ;;
    --connections) [ $# -ge 2 ] || usage; connections="$2"; shift 2 ;;
    --threads) [ $# -ge 2 ] || usage; threads="$2"; shift 2 ;;
    --build) [ $# -ge 2 ] || usage; build_dir="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --allow-errors) allow_errors=1; shift ;;
    --quick) quick=1; shift ;;
    --batch-lines) [ $# -ge 2 ] || usage; batch_lines="$2"; batch_set=1; shift 2 ;;
    --cli-runs) [ $# -ge 2 ] || usage; cli_runs="$2"; cli_set=1; shift 2 ;;
    --keep) [ $# -ge 2 ] || usage; keep="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) usage ;;
  esac
done
if [ "$quick" = 1 ]; then
  [ "$duration_set" = 1 ] || duration=3
  [ "$batch_set" = 1 ] || batch_lines=2000
  [ "$cli_set" = 1 ] || cli_runs=20
fi

[[ "$duration" =~ ^[1-9][0-9]*$ ]] || fail "--duration needs a positive number of seconds, not '$duration'"
[[ "$batch_lines" =~ ^[1-9][0-9]*$ ]] || fail "--batch-lines needs a positive number, not '$batch_lines'"
[[ "$cli_runs" =~ ^[0-9]+$ ]] || fail "--cli-runs needs a number, not '$cli_runs'"
[ -z "$threads" ] || [[ "$threads" =~ ^[1-9][0-9]*$ ]] || fail "--threads needs a positive number, not '$threads'"
read -r -a conn_list <<< "$connections"
[ "${#conn_list[@]}" -gt 0 ] || fail "--connections needs at least one count"
for c in "${conn_list[@]}"; do
  [[ "$c" =~ ^[1-9][0-9]*$ ]] || fail "--connections takes positive numbers, not '$c'"
done
[ -x "$py" ] || fail "$py missing (Debian's python3)"
command -v wrk >/dev/null || fail "wrk is missing: Debian package 'wrk' (apt-get install wrk)"
for tool in timeout getconf nproc; do
  command -v "$tool" >/dev/null || fail "$tool missing (coreutils / libc-bin)"
done
[ -r /proc/self/status ] || fail "no /proc: the server's memory is read from /proc/PID/status (Linux only)"
for f in "$repo/bench/http_load.lua" "$repo/bench/http_load.py" \
         "$shared/data/fakenewsnet_text/fakenewsnet_politifact.jsonl.gz" \
         "$shared/data/fakenewsnet_text/fakenewsnet_gossipcop.jsonl.gz"; do
  [ -r "$f" ] || fail "$f missing (set CREDENCE_SHARED for the data)"
done

if [ "$build" = 1 ]; then
  if [ "$(cd "$build_dir" 2>/dev/null && pwd)" = "$repo/build/release" ] || [ "$build_dir" = "$repo/build/release" ]; then
    (cd "$repo" && cmake --preset release >&2 && cmake --build --preset release -j "$(nproc)" --target credence >&2) ||
      fail "the build failed"
  else
    [ -r "$build_dir/CMakeCache.txt" ] || fail "$build_dir is not a cmake build directory (configure it, or --no-build)"
    cmake --build "$build_dir" -j "$(nproc)" --target credence >&2 || fail "the build failed"
  fi
fi
[ -x "$build_dir/credence" ] || fail "no credence binary at $build_dir/credence (build it, or pass --build DIR)"

# The work folder: --keep DIR, or a temporary one removed on exit. The server
# is stopped on every exit: SIGTERM (it exits 0), SIGKILL after 5 s.
server_pid=""
stop_server() {
  [ -n "$server_pid" ] || return 0
  local pid="$server_pid" status=0
  server_pid=""
  kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "http_load.sh: the server ignored SIGTERM for 5 s: killed" >&2
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || status=$?
  [ "$status" = 0 ] || echo "http_load.sh: the server exited with status $status on SIGTERM" >&2
}
if [ -n "$keep" ]; then
  mkdir -p "$keep" && work="$(cd "$keep" && pwd)"
  rm -f "$work/runs.tsv" "$work/peers.tsv" "$work/memory.tsv"
  trap 'stop_server' EXIT
else
  work="$(mktemp -d "${TMPDIR:-/tmp}/credence-http-load.XXXXXX")"
  trap 'stop_server; rm -rf "$work"' EXIT
fi
trap 'exit 130' INT
trap 'exit 143' TERM

credence="$work/credence"
cp "$build_dir/credence" "$credence"
hz="$(getconf CLK_TCK)"
cores="$(nproc)"
start=$SECONDS
echo "http_load.sh: $(wrk -v 2>&1 | head -n 1 | cut -c1-40); $cores cores; load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2

"$py" "$repo/bench/http_load.py" article --fnn "$shared/data/fakenewsnet_text" --work "$work" --lines "$batch_lines" >&2

# RSS (KB), peak RSS (KB), threads and user+sys CPU ticks of the server,
# tab-separated. /proc/PID/stat's fields after "(comm) ": state is the 1st,
# utime the 12th, stime the 13th.
proc_stats() {
  local status cpu
  status="$(awk '/^VmRSS:/ {r = $2} /^VmHWM:/ {h = $2} /^Threads:/ {t = $2} END {printf "%s\t%s\t%s", r, h, t}' \
    "/proc/$server_pid/status")" || fail "the server (pid $server_pid) is gone"
  cpu="$(sed 's/^.*) //' "/proc/$server_pid/stat" | awk '{print $12 + $13}')" || fail "the server is gone"
  printf '%s\t%s' "$status" "$cpu"
}
server_alive() {
  kill -0 "$server_pid" 2>/dev/null ||
    fail "the server died $1: $(tail -n 5 "$work/server.log" 2>/dev/null | tr '\n' ' ')"
}

server_args=()
[ -z "$threads" ] || server_args=(--threads "$threads")
"$credence" serve --port 0 "${server_args[@]}" >"$work/server.out" 2>"$work/server.log" &
server_pid=$!
port=""
for _ in $(seq 300); do
  port="$(sed -n 's|^credence: serving on http://127\.0\.0\.1:\([0-9][0-9]*\)/.*|\1|p' "$work/server.log" | head -n 1)"
  [ -n "$port" ] && break
  server_alive "at start-up"
  sleep 0.1
done
[ -n "$port" ] || fail "the server printed no port within 30 s: $(tail -n 5 "$work/server.log" | tr '\n' ' ')"
echo "http_load.sh: credence serve ${server_args[*]:-(default threads)} on port $port, pid $server_pid" >&2
"$py" "$repo/bench/http_load.py" health --port "$port" --timeout 30 >&2
"$py" "$repo/bench/http_load.py" warmup --port "$port" --body "$work/body.json" --requests 5 >&2
url="http://127.0.0.1:$port/v1/analyze"
export CREDENCE_WRK_BODY="$work/body.json"
timeout 60 wrk -t1 -c2 -d1s --timeout 30s -s "$repo/bench/http_load.lua" "$url" >"$work/wrk_warmup.txt" 2>&1 ||
  fail "the warm-up wrk run failed: $(tail -n 5 "$work/wrk_warmup.txt" | tr '\n' ' ')"
server_alive "in the warm-up"
proc_stats | cut -f1-3 > "$work/memory.tsv"

for c in "${conn_list[@]}"; do
  t=$(( c < 2 ? c : 2 ))
  echo "http_load.sh: wrk -t$t -c$c -d${duration}s (load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  before="$(proc_stats)"
  rc=0
  timeout $((duration + 90)) wrk -t"$t" -c"$c" -d"${duration}s" --timeout 30s --latency \
    -s "$repo/bench/http_load.lua" "$url" >"$work/wrk_c$c.txt" 2>&1 || rc=$?
  sed 's/^/    /' "$work/wrk_c$c.txt" >&2
  [ "$rc" = 0 ] || fail "wrk at $c connections failed (status $rc; 124 = it did not stop in time)"
  server_alive "during the run at $c connections"
  after="$(proc_stats)"
  line="$(grep '^CREDENCE_WRK' "$work/wrk_c$c.txt" | head -n 1)" ||
    fail "wrk at $c connections wrote no CREDENCE_WRK line (is its Lua support there?)"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$c" "$t" "${line#CREDENCE_WRK	}" "$before" "$after" "$hz" >> "$work/runs.tsv"
done
stop_server

# The peers, with the server gone: the same article through batch and the CLI.
batch_threads=0
if [ -n "$threads" ]; then
  batch_threads=$(( threads < cores ? threads : cores ))
fi
echo "http_load.sh: peers: credence batch x$batch_lines (3 runs), credence analyze x$cli_runs" \
     "(load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
"$py" "$repo/bench/http_load.py" peers --credence "$credence" --work "$work" --threads "$batch_threads" \
  --lines "$batch_lines" --runs 3 --cli-runs "$cli_runs"

report=(--work "$work" --duration "$duration" --lines "$batch_lines" --server-args "${server_args[*]:-}")
[ "$allow_errors" = 0 ] || report+=(--allow-errors)
echo "http_load.sh: measured in $((SECONDS - start)) s; load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
"$py" "$repo/bench/http_load.py" report "${report[@]}"
