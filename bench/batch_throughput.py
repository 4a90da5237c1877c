#!/usr/bin/python3
"""Throughput of `credence batch` (full analysis) and of `fasttext predict` in one run.

Driven by bench/batch_throughput.sh, whose header explains the workloads, flags and output.
Steps: (1) the inputs: the FakeNewsNet .jsonl.gz files as they are (--max-records: the first N
records, re-gzipped) and the extraction pages as one JSONL of {"id", "html"} lines, repeated
--html-repeat times; (2) fastText trained as bench/model_vs_fasttext.py does (site split's
train.jsonl, its fasttext_line, shuffled with seed 7, -epoch 25 -wordNgrams 2 -seed 7, here
-thread 2); (3) one untimed warm-up of each credence workload, which also gives batch's summary
and which records it analyzed; (4) --runs rounds, each running every timed command once, so
that a change in the machine's load hits all of them alike; (5) the table.
"""
import argparse
import glob
import gzip
import json
import os
import random
import statistics
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True  # no bench/__pycache__ from the import below
sys.path.insert(0, os.path.join(REPO, "bench"))
from model_vs_fasttext import fasttext_line, read_jsonl  # noqa: E402  (step 2's input preparation)

TIME = "/usr/bin/time"
SEED = 7  # model_vs_fasttext.py's default


def die(message):
    sys.exit(f"batch_throughput: {message}")


def run(cmd, work, stdout=os.devnull):
    """Runs cmd, stderr to work/stderr.txt; returns (wall seconds, peak RSS in MB).

    Peak RSS comes from `/usr/bin/time -f %M`, or when it is missing from the child's own
    rusage (os.wait4: what time reads too)."""
    err_path = os.path.join(work, "stderr.txt")
    with open(stdout, "wb") as out, open(err_path, "wb") as err:
        start = time.perf_counter()
        if os.access(TIME, os.X_OK):
            rss_path = os.path.join(work, "rss.txt")
            status = subprocess.run([TIME, "-f", "%M", "-o", rss_path] + cmd, stdout=out, stderr=err).returncode
            with open(rss_path) as f:
                rss_kb = int(f.read().split()[-1])
        else:
            child = subprocess.Popen(cmd, stdout=out, stderr=err)
            _, wait_status, usage = os.wait4(child.pid, 0)
            child.returncode = status = os.waitstatus_to_exitcode(wait_status)
            rss_kb = usage.ru_maxrss
        wall = time.perf_counter() - start
    if status != 0:
        with open(err_path, errors="replace") as f:
            tail = f.read()[-600:].strip()
        die(f"`{' '.join(cmd)}` exited with {status}: {tail}")
    return wall, rss_kb / 1000


def text_inputs(shared, work, max_records):
    """The FakeNewsNet files to give credence, and their records in file order."""
    paths = [os.path.join(shared, "data/fakenewsnet_text", f"fakenewsnet_{p}.jsonl.gz") for p in ("politifact", "gossipcop")]
    records = []
    for path in paths:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            records += [json.loads(line) for line in f if line.strip()]
    if max_records:
        records = records[:max_records]
        paths = [os.path.join(work, f"fakenewsnet_first{max_records}.jsonl.gz")]
        with gzip.open(paths[0], "wt", encoding="utf-8") as f:
            f.writelines(json.dumps(r) + "\n" for r in records)
    return paths, records


def html_input(shared, work, repeat):
    """Writes the extraction pages as JSONL ({"id": page key, "html"}), `repeat` times over;
    returns (path, pages, bytes of HTML in the file)."""
    pages = []
    for path in sorted(glob.glob(os.path.join(shared, "bench/extraction/html/*.html.gz"))):
        with gzip.open(path) as f:
            html = f.read()
        pages.append((os.path.basename(path).removesuffix(".html.gz"), html))
    if not pages:
        die(f"no pages in {shared}/bench/extraction/html")
    out = os.path.join(work, f"pages_x{repeat}.jsonl")
    with open(out, "w", encoding="utf-8") as f:
        for _ in range(repeat):
            for key, html in pages:
                f.write(json.dumps({"id": key, "html": html.decode("utf-8", "replace")}) + "\n")
    return out, len(pages), repeat * sum(len(html) for _, html in pages)


def train_fasttext(corpus, work):
    """fastText as in model_vs_fasttext.py's step 2; returns (model path, training wall seconds)."""
    lines = [fasttext_line(r) for r in read_jsonl(os.path.join(corpus, "splits/site/train.jsonl"))]
    random.Random(SEED).shuffle(lines)  # fastText does not shuffle: it would learn the label order
    train = os.path.join(work, "fasttext_train.txt")
    with open(train, "w", encoding="utf-8", errors="replace") as f:
        f.writelines(lines)
    model = os.path.join(work, "fasttext")
    if os.path.exists(model + ".bin"):  # a --keep folder of an earlier run: its training is not repeated
        return model + ".bin", float("nan")
    wall, _ = run(["fasttext", "supervised", "-input", train, "-output", model, "-epoch", "25", "-wordNgrams", "2",
                   "-thread", "2", "-seed", str(SEED), "-verbose", "0"], work)
    return model + ".bin", wall


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--credence", required=True)
    ap.add_argument("--shared", required=True)
    ap.add_argument("--corpus", required=True, help="a folder made by tools/build_corpus.py")
    ap.add_argument("--work", required=True, help="a folder for the inputs, models and outputs")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--max-records", type=int, default=0, help="FakeNewsNet records to use (0: all)")
    ap.add_argument("--html-repeat", type=int, default=10)
    args = ap.parse_args()
    work, runs, batch = args.work, args.runs, [args.credence, "batch"]
    load_before = os.getloadavg()[0]
    note = lambda *a: print("batch_throughput:", *a, file=sys.stderr, flush=True)

    note("preparing the inputs")
    text_paths, records = text_inputs(args.shared, work, args.max_records)
    html_path, n_pages, html_bytes = html_input(args.shared, work, args.html_repeat)
    n_html = n_pages * args.html_repeat

    # Warm-ups (untimed, not -q): the page cache, batch's summary, and which records it analyzed.
    summaries = {}
    fields = os.path.join(work, "text_errors.jsonl")
    for name, cmd, out in (("text", batch + text_paths + ["--fields", "error"], fields),
                           ("html", batch + [html_path], os.devnull)):
        note(f"warm-up: credence batch on the {name} input")
        run(cmd + ["--threads", "2", "-o", out], work)
        with open(os.path.join(work, "stderr.txt"), errors="replace") as f:
            summaries[name] = " ".join(line for line in f.read().splitlines() if line.startswith("credence batch:"))
        if "labels:" not in summaries[name]:
            die(f"no verdicts in batch's summary (is the shipped model there?): {summaries[name]!r}")
    results = read_jsonl(fields)
    if len(results) != len(records):
        die(f"credence batch wrote {len(results)} lines for {len(records)} records")
    analyzed = [r for r, res in zip(records, results) if "error" not in res]
    n_text = len(analyzed)
    text_bytes = sum(len(r["text"].encode("utf-8", "surrogatepass")) for r in analyzed)

    # fastText's input: the texts credence analyzed, prepared by fasttext_line (label dropped).
    note("training fastText (-epoch 25 -wordNgrams 2 -thread 2)")
    model, train_wall = train_fasttext(args.corpus, work)
    ft_text, ft_one = os.path.join(work, "fasttext_texts.txt"), os.path.join(work, "fasttext_one.txt")
    with open(ft_text, "w", encoding="utf-8", errors="replace") as f:
        for r in analyzed:
            f.write(fasttext_line({"title": r.get("title"), "text": r["text"], "label": "x"}).removeprefix("__label__x "))
    with open(ft_text, encoding="utf-8") as f, open(ft_one, "w", encoding="utf-8") as g:
        g.write(f.readline())

    # text: the full JSON report per article (the default output); csv: the same analysis (cues, model,
    # explanation) written as one summary row per article; html: full reports of web pages.
    workloads = (("text", text_paths, []), ("csv", text_paths, ["--format", "csv"]), ("html", [html_path], []))
    jobs = {f"credence_{kind}_t{t}": batch + inputs + extra + ["--threads", str(t), "-q", "-o", "/dev/null"]
            for kind, inputs, extra in workloads for t in (1, 2)}
    jobs["fasttext_predict"] = ["fasttext", "predict", model, ft_text]
    jobs["fasttext_load"] = ["fasttext", "predict", model, ft_one]
    walls, rss = {name: [] for name in jobs}, {name: [] for name in jobs}
    for r in range(1, runs + 1):
        for name, cmd in jobs.items():
            wall, peak = run(cmd, work)
            walls[name].append(wall)
            rss[name].append(peak)
            note(f"round {r}/{runs}: {name} {wall:.2f} s, {peak:.0f} MB")
    med = {name: statistics.median(w) for name, w in walls.items()}
    load_after = os.getloadavg()[0]

    rows, how_runs = [], lambda name: f"wall, median of {runs} ({', '.join('%.2f' % w for w in walls[name])} s)"
    row = lambda *cols: rows.append(cols)
    row("load_average_before", f"{load_before:.2f}", "", "1-minute load average (2 cores): other work lowers the figures")
    row("text_input", n_text, "articles", f"FakeNewsNet texts analyzed, {text_bytes / 1e6:.1f} MB of `text`; " + summaries["text"])
    row("html_input", n_html, "pages", f"{n_pages} extraction pages x{args.html_repeat} as JSONL `html`, "
        f"{html_bytes / 1e6:.1f} MB; " + summaries["html"])
    rate = {}
    for kind, n, size in (("text", n_text, text_bytes), ("csv", n_text, text_bytes), ("html", n_html, html_bytes)):
        for t in (1, 2):
            name = f"credence_{kind}_t{t}"
            rate[name] = n / med[name]
            how = f"credence batch{' --format csv' if kind == 'csv' else ''} --threads {t} -q -o /dev/null, "
            row(f"{name}_rate", f"{rate[name]:.0f}", "articles/s", how + how_runs(name))
            row(f"{name}_MBps", f"{size / 1e6 / med[name]:.2f}", "MB/s", "same runs; MB = 10^6 input bytes, uncompressed")
            row(f"{name}_peak_rss", f"{max(rss[name]):.0f}", "MB", "max RSS, largest of the runs")
        row(f"credence_{kind}_scaling", f"{rate[f'credence_{kind}_t2'] / (2 * rate[f'credence_{kind}_t1']):.2f}", "",
            "rate(2 threads) / (2 x rate(1 thread))")
    row("fasttext_train_time", "reused" if train_wall != train_wall else f"{train_wall:.1f}", "s",
        "wall, site split train.jsonl, -epoch 25 -wordNgrams 2 -thread 2")
    ft_raw = n_text / med["fasttext_predict"]
    ft_net_time = max(1e-9, med["fasttext_predict"] - med["fasttext_load"])
    ft_net = n_text / ft_net_time
    row("fasttext_predict_raw", f"{ft_raw:.0f}", "articles/s", "fasttext predict MODEL FILE > /dev/null, same texts, " + how_runs("fasttext_predict"))
    row("fasttext_load", f"{med['fasttext_load']:.2f}", "s", "fasttext predict on a one-line file, " + how_runs("fasttext_load"))
    row("fasttext_predict_net", f"{ft_net:.0f}", "articles/s", "the same with loading subtracted: used in the ratios "
        "(the peer's favourable figure); its input was tokenized in Python beforehand, not counted")
    row("fasttext_predict_MBps", f"{text_bytes / 1e6 / ft_net_time:.2f}", "MB/s",
        "loading subtracted, MB of the same raw texts")
    row("fasttext_peak_rss", f"{max(rss['fasttext_predict']):.0f}", "MB", "max RSS, largest of the runs")
    for kind, output in (("text", "full JSON reports"), ("csv", "CSV summary rows")):
        for t in (1, 2):
            ratio = rate[f"credence_{kind}_t{t}"] / ft_net
            row(f"ratio_credence_{kind}_t{t}_over_fasttext", f"{ratio:.2f}", "x", f"credence ({output}) at {t} thread(s) / "
                "fastText predict (one thread: it has no thread option); credence reads raw JSONL.gz, fastText "
                "pre-tokenized lines")
            row(f"goal_{kind}_t{t}", "met" if ratio >= 1 else "not met", "", f"credence full analysis ({output}) >= "
                f"fastText classification throughput, credence at {t} thread(s)")
    row("load_average_after", f"{load_after:.2f}", "", "1-minute load average at the end")
    for cols in rows:
        print("\t".join(str(c) for c in cols))

    print(f"\n| workload (wall time, median of {runs} run{'s' * (runs > 1)}) | threads | articles/s | MB/s | peak RSS | vs fastText |")
    print("| --- | --- | --- | --- | --- | --- |")
    texts = f"FakeNewsNet ({n_text:,} texts, {text_bytes / 1e6:.0f} MB)"
    for kind, label, size in (("text", f"credence batch, full JSON reports, {texts}", text_bytes),
                              ("csv", f"credence batch --format csv (summary rows), {texts}", text_bytes),
                              ("html", f"credence batch, full JSON reports, {n_pages} HTML pages x{args.html_repeat} "
                                       f"({html_bytes / 1e6:.0f} MB)", html_bytes)):
        for t in (1, 2):
            name = f"credence_{kind}_t{t}"
            versus = f"{rate[name] / ft_net:.2f}x" if kind != "html" else "n/a"
            print(f"| {label} | {t} | {rate[name]:.0f} | {size / 1e6 / med[name]:.2f} | {max(rss[name]):.0f} MB | {versus} |")
    print(f"| fastText predict, same texts (pre-tokenized, load excluded) | 1 | {ft_net:.0f} | "
          f"{text_bytes / 1e6 / ft_net_time:.2f} | {max(rss['fasttext_predict']):.0f} MB | 1.00x |")


if __name__ == "__main__":
    main()
