#!/usr/bin/python3
"""Helpers of bench/http_load.sh (see its header for the benchmark itself).

  article   pick the article (the first FakeNewsNet record, PolitiFact then
            GossipCop in file order, whose text is 4,500-5,500 UTF-8 bytes)
            and write the request body, the batch JSONL and the CLI's text
  health    wait for GET /v1/health to answer 200 (bounded)
  warmup    POST the body a few times; each must be 200 with a report
  peers     time `credence batch` on the repeated article (median of runs)
            and `credence analyze`, one process per article
  report    read the runs and the peers, print the table and the
            tab-separated figures; exit 1 when a run had errors
Only the standard library; run with /usr/bin/python3.
"""
import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request

MIN_BYTES, MAX_BYTES = 4500, 5500
FILES = ("fakenewsnet_politifact.jsonl.gz", "fakenewsnet_gossipcop.jsonl.gz")


def cmd_article(a):
    for name in FILES:
        with gzip.open(os.path.join(a.fnn, name), "rt", encoding="utf-8") as f:
            for line_no, line in enumerate(f, 1):
                record = json.loads(line)
                text = record.get("text")
                if not isinstance(text, str):
                    continue
                size = len(text.encode("utf-8", "surrogatepass"))
                if MIN_BYTES <= size <= MAX_BYTES:
                    return write_article(a, name, line_no, record, size)
    sys.exit(f"http_load.py: no FakeNewsNet text of {MIN_BYTES}-{MAX_BYTES} bytes in {a.fnn}")


def write_article(a, name, line_no, record, size):
    url = record.get("url") or None
    body = {"text": record["text"], "url": url}
    with open(os.path.join(a.work, "body.json"), "w", encoding="utf-8") as f:
        json.dump(body, f, ensure_ascii=False)
    with open(os.path.join(a.work, "article.txt"), "w", encoding="utf-8") as f:
        f.write(record["text"])
    with open(os.path.join(a.work, "batch.jsonl"), "w", encoding="utf-8") as f:
        for i in range(a.lines):
            f.write(json.dumps({"id": f"copy{i}", "url": url, "text": record["text"]}, ensure_ascii=False) + "\n")
    body_bytes = os.path.getsize(os.path.join(a.work, "body.json"))
    with open(os.path.join(a.work, "article.tsv"), "w", encoding="utf-8") as f:
        f.write(f"{record.get('id')}\t{record.get('source')}\t{size}\t{body_bytes}\t{url or ''}\n")
    print(f"article: {record.get('id')} ({record.get('source')}, {record.get('label')}; {name} line {line_no}), "
          f"text {size} bytes, request body {body_bytes} bytes\n"
          f"  title: {record.get('title')}\n  url:   {url}")


def cmd_health(a):
    deadline = time.monotonic() + a.timeout
    last = "no answer"
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{a.port}/v1/health", timeout=2) as r:
                if r.status == 200:
                    print(f"health: {r.read().decode('utf-8', 'replace').strip()}")
                    return
                last = f"status {r.status}"
        except (urllib.error.URLError, OSError) as e:
            last = str(e)
        time.sleep(0.1)
    sys.exit(f"http_load.py: GET /v1/health did not answer 200 within {a.timeout} s ({last})")


def cmd_warmup(a):
    with open(a.body, "rb") as f:
        body = f.read()
    t0 = time.perf_counter()
    for i in range(a.requests):
        req = urllib.request.Request(f"http://127.0.0.1:{a.port}/v1/analyze", data=body, method="POST",
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                answer = r.read()
                status = r.status
        except urllib.error.HTTPError as e:
            sys.exit(f"http_load.py: warm-up request {i + 1} got {e.code}: {e.read()[:300]!r}")
        except (urllib.error.URLError, OSError) as e:
            sys.exit(f"http_load.py: warm-up request {i + 1} failed: {e}")
        report = json.loads(answer)
        if status != 200 or not isinstance(report, dict) or "verdict" not in report:
            sys.exit(f"http_load.py: warm-up request {i + 1}: status {status}, not a report: {answer[:300]!r}")
    print(f"warm-up: {a.requests} requests, 200 with a report each ({len(answer)} bytes), "
          f"{(time.perf_counter() - t0) / a.requests * 1e3:.1f} ms each on a new connection")


def timed(cmd, runs, stdin=None):
    """Wall seconds of each run."""
    walls = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stdin=stdin, check=True)
        walls.append(time.perf_counter() - t0)
    return walls


def cmd_peers(a):
    rows = []
    batch = [a.credence, "batch", os.path.join(a.work, "batch.jsonl"), "--threads", str(a.threads), "-q",
             "-o", "/dev/null"]
    one = os.path.join(a.work, "batch_one.jsonl")
    with open(os.path.join(a.work, "batch.jsonl"), encoding="utf-8") as f, open(one, "w", encoding="utf-8") as g:
        g.write(f.readline())
    batch_one = batch[:2] + [one] + batch[3:]
    timed(batch, 1)  # untimed: the page cache, the model file
    walls, start_walls = [], []
    for _ in range(a.runs):  # alternated, so that a change of load hits both
        start_walls += timed(batch_one, 1)
        walls += timed(batch, 1)
    start_up = statistics.median(start_walls)
    rate = a.lines / max(statistics.median(walls) - start_up, 1e-9)
    threads = f"{a.threads} threads" if a.threads else "one thread per core"
    rows.append(("batch", rate, "articles/s",
                 f"credence batch --threads {a.threads} -q -o /dev/null on the article x{a.lines} (full JSON "
                 f"reports, {threads}), wall, median of {a.runs} ("
                 + ", ".join(f"{w:.2f}" for w in walls) + " s) less the start-up"))
    rows.append(("batch_startup", start_up * 1e3, "ms",
                 f"the same on one line (model and word lists loaded, one article), median of {a.runs}: "
                 "subtracted above, as the server pays it once"))
    if a.cli_runs > 0:
        cli = [a.credence, "analyze", "--format", "json", "--compact", os.path.join(a.work, "article.txt")]
        with open(os.path.join(a.work, "article.tsv"), encoding="utf-8") as f:
            url = f.read().rstrip("\n").split("\t")[4]
        if url:
            cli[2:2] = ["--url", url]
        timed(cli, 1)
        walls = timed(cli, a.cli_runs)
        rows.append(("cli", a.cli_runs / sum(walls), "articles/s",
                     f"credence analyze --format json --compact FILE > /dev/null, one process per article, "
                     f"{a.cli_runs} in a row, wall (median process {statistics.median(walls) * 1e3:.0f} ms)"))
    with open(os.path.join(a.work, "peers.tsv"), "w", encoding="utf-8") as f:
        for name, value, unit, how in rows:
            f.write(f"{name}\t{value}\t{unit}\t{how}\n")


def read_runs(path):
    """runs.tsv: conns, then the CREDENCE_WRK fields, then the server's /proc
    figures before and after (rss_kb hwm_kb threads cpu_ticks) and the ticks
    per second."""
    runs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            r = {"conns": int(p[0]), "wrk_threads": int(p[1]), "requests": int(p[2]), "duration_us": int(p[3]),
                 "p50_us": int(p[4]), "p99_us": int(p[5]), "non2xx": int(p[6]), "connect": int(p[7]),
                 "read": int(p[8]), "write": int(p[9]), "timeout": int(p[10]), "statuses": p[11]}
            before = [int(x) for x in p[12:16]]
            after = [int(x) for x in p[16:20]]
            hz = int(p[20])
            r["rss_before_kb"], r["hwm_before_kb"], r["threads_before"] = before[:3]
            r["rss_after_kb"], r["hwm_after_kb"], r["threads_after"] = after[:3]
            r["server_cpu_s"] = (after[3] - before[3]) / hz
            r["rate"] = r["requests"] / (r["duration_us"] / 1e6) if r["duration_us"] else 0.0
            r["socket_errors"] = r["connect"] + r["read"] + r["write"] + r["timeout"]
            r["errors"] = r["non2xx"] + r["socket_errors"]
            runs.append(r)
    return runs


def mb(kb):
    return kb * 1024 / 1e6


def cmd_report(a):
    runs = read_runs(os.path.join(a.work, "runs.tsv"))
    peers = {}
    peers_path = os.path.join(a.work, "peers.tsv")
    if os.path.exists(peers_path):
        with open(peers_path, encoding="utf-8") as f:
            for line in f:
                name, value, unit, how = line.rstrip("\n").split("\t")
                peers[name] = (float(value), unit, how)
    with open(os.path.join(a.work, "article.tsv"), encoding="utf-8") as f:
        art_id, art_source, art_bytes, body_bytes, _ = f.read().rstrip("\n").split("\t")
    with open(os.path.join(a.work, "memory.tsv"), encoding="utf-8") as f:
        start_rss, start_hwm, start_threads = (int(x) for x in f.readline().split("\t"))
    batch = peers.get("batch", (0.0,))[0]
    cli = peers.get("cli", (0.0,))[0]
    server = f"credence serve {a.server_args or '(default --threads: one analysis per core)'}"
    article = f"{art_id} ({art_source}), {art_bytes}-byte text, {body_bytes}-byte body"

    rows = []
    rows.append(("server_rss_start", mb(start_rss), "MB", f"VmRSS of {server} after the health check and warm-up "
                 f"({start_threads} threads)"))
    rows.append(("server_hwm_start", mb(start_hwm), "MB", "VmHWM (peak RSS) at the same moment"))
    for r in runs:
        c = r["conns"]
        how = (f"wrk -t{r['wrk_threads']} -c{c} -d{a.duration}s --timeout 30s, POST /v1/analyze with {article}, "
               "keep-alive")
        rows.append((f"server_c{c}_rate", r["rate"], "req/s", f"{how}: {r['requests']} requests"))
        rows.append((f"server_c{c}_p50", r["p50_us"] / 1e3, "ms", "wrk's median latency (coordinated omission: "
                     "a request's wait to be sent is not counted)"))
        rows.append((f"server_c{c}_p99", r["p99_us"] / 1e3, "ms", "wrk's 99th percentile latency"))
        rows.append((f"server_c{c}_errors", r["errors"], "requests",
                     f"non-2xx {r['non2xx']} + socket errors (connect {r['connect']}, read {r['read']}, "
                     f"write {r['write']}, timeout {r['timeout']}); statuses {r['statuses']}"))
        cpu_ms = r["server_cpu_s"] / r["requests"] * 1e3 if r["requests"] else float("nan")
        rows.append((f"server_c{c}_cpu", cpu_ms, "ms/req",
                     f"the server's user+sys CPU over the run ({r['server_cpu_s']:.1f} s) per request"))
        rows.append((f"server_c{c}_rss_after", mb(r["rss_after_kb"]), "MB",
                     f"VmRSS after the run (before {mb(r['rss_before_kb']):.1f} MB; "
                     f"{r['threads_after']} threads)"))
        rows.append((f"server_c{c}_hwm_after", mb(r["hwm_after_kb"]), "MB", "VmHWM (peak RSS) after the run"))
        if batch:
            rows.append((f"ratio_c{c}_over_batch", r["rate"] / batch, "x",
                         f"server {r['rate']:.0f} req/s / batch {batch:.0f} articles/s: what HTTP costs over "
                         "the in-process pipeline (1 = nothing)"))
        if cli:
            rows.append((f"ratio_c{c}_over_cli", r["rate"] / cli, "x",
                         f"server {r['rate']:.0f} req/s / one CLI process per article {cli:.1f} articles/s"))
    for name in ("batch", "batch_startup", "cli"):
        if name in peers:
            value, unit, how = peers[name]
            rows.append((f"peer_{name}", value, unit, how))
    if runs:
        rows.append(("server_rss_end", mb(runs[-1]["rss_after_kb"]), "MB", "VmRSS after the last run"))
        rows.append(("server_hwm_end", mb(runs[-1]["hwm_after_kb"]), "MB", "VmHWM (peak RSS) after the last run"))
    for name, value, unit, how in rows:
        print(f"{name}\t{value:.4g}\t{unit}\t{how}")

    print()
    print(f"{server} on 127.0.0.1, {article}, {a.duration} s per run; "
          f"server memory at the start: RSS {mb(start_rss):.1f} MB, peak {mb(start_hwm):.1f} MB")
    print()
    head = ["connections", "req/s", "p50 ms", "p99 ms", "errors", "server RSS after (MB)", "server CPU ms/req",
            "ratio vs batch"]
    if cli:
        head.append("ratio vs CLI")
    print("| " + " | ".join(head) + " |")
    print("|" + "|".join(" ---: " for _ in head) + "|")
    for r in runs:
        cells = [str(r["conns"]), f"{r['rate']:.1f}", f"{r['p50_us'] / 1e3:.1f}", f"{r['p99_us'] / 1e3:.1f}",
                 str(r["errors"]), f"{mb(r['rss_after_kb']):.1f}",
                 f"{r['server_cpu_s'] / r['requests'] * 1e3:.2f}" if r["requests"] else "-",
                 f"{r['rate'] / batch:.3f}" if batch else "-"]
        if cli:
            cells.append(f"{r['rate'] / cli:.1f}")
        print("| " + " | ".join(cells) + " |")
    if batch:
        print(f"\npeer: {batch:.0f} articles/s from {peers['batch'][2]}")
    if cli:
        print(f"peer: {cli:.1f} articles/s from {peers['cli'][2]}")
    if runs:
        end = runs[-1]
        print(f"server memory at the end: RSS {mb(end['rss_after_kb']):.1f} MB, peak {mb(end['hwm_after_kb']):.1f} MB")

    bad = [r for r in runs if r["errors"] > 0]
    if bad:
        what = "; ".join(f"{r['conns']} connections: {r['errors']} (statuses {r['statuses']}, connect {r['connect']},"
                         f" read {r['read']}, write {r['write']}, timeout {r['timeout']})" for r in bad)
        if a.allow_errors:
            print(f"\nerrors (allowed by --allow-errors): {what}", file=sys.stderr)
        else:
            print(f"\nhttp_load: FAILED: errors in {what} (--allow-errors to accept)", file=sys.stderr)
            sys.exit(1)
    empty = [r for r in runs if r["requests"] == 0]
    if empty:
        print(f"\nhttp_load: FAILED: no request completed at {', '.join(str(r['conns']) for r in empty)} "
              "connections", file=sys.stderr)
        sys.exit(1)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("article")
    s.add_argument("--fnn", required=True)
    s.add_argument("--work", required=True)
    s.add_argument("--lines", type=int, required=True)
    s = sub.add_parser("health")
    s.add_argument("--port", type=int, required=True)
    s.add_argument("--timeout", type=float, default=30)
    s = sub.add_parser("warmup")
    s.add_argument("--port", type=int, required=True)
    s.add_argument("--body", required=True)
    s.add_argument("--requests", type=int, default=5)
    s = sub.add_parser("peers")
    s.add_argument("--credence", required=True)
    s.add_argument("--work", required=True)
    s.add_argument("--threads", type=int, required=True)
    s.add_argument("--lines", type=int, required=True)
    s.add_argument("--runs", type=int, default=3)
    s.add_argument("--cli-runs", type=int, default=50)
    s = sub.add_parser("report")
    s.add_argument("--work", required=True)
    s.add_argument("--duration", type=int, required=True)
    s.add_argument("--lines", type=int, required=True)
    s.add_argument("--server-args", default="")
    s.add_argument("--allow-errors", action="store_true")
    a = p.parse_args()
    {"article": cmd_article, "health": cmd_health, "warmup": cmd_warmup, "peers": cmd_peers,
     "report": cmd_report}[a.cmd](a)


if __name__ == "__main__":
    main()
