#!/usr/bin/python3
"""Score a JSONL corpus with credence on a Dask cluster.

The corpus is read in partitions (byte blocks that end at line ends; a
gzipped file cannot be split and is one partition), each partition is
scored on a worker by the `credence` Python module, and the reports are
written to one JSONL file in input order: the same lines as

    credence batch CORPUS.jsonl -o OUT.jsonl

(id, source, position, then the report; a record that cannot be read is an
error line {id, source, position, error: {kind, message}}, and the rest go on).

    /usr/bin/python3 examples/dask_batch.py CORPUS.jsonl [MORE.jsonl ...] -o OUT.jsonl
        [--partitions 8] [--workers 2] [--threads-per-worker 1] [--scheduler ADDRESS]
        [--model PATH|none]

Without --scheduler it starts a distributed.LocalCluster (Debian package
python3-distributed) with --workers worker processes; with it, it uses that
cluster, whose workers must be able to `import credence` (docs/python.md).
Each worker keeps one credence.Analyzer for all its partitions.
"""
import argparse
import collections
import json
import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def import_credence():
    """Imports the module, from the release build of this repository when it
    is not on the path already (workers inherit PYTHONPATH)."""
    try:
        import credence
    except ImportError:
        built = os.path.join(REPO, "build", "release", "python")
        sys.path.insert(0, built)
        os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [built, os.environ.get("PYTHONPATH")]))
        import credence
    return credence


def field_string(record, key):
    """A field as `credence batch` reads it: strings as they are, numbers and
    booleans as JSON text, anything else empty."""
    value = record.get(key)
    if isinstance(value, str):
        return value
    if isinstance(value, (bool, int, float)):
        return json.dumps(value)
    return ""


def worker_analyzer(model):
    """The worker's Analyzer, made on its first partition and kept."""
    from distributed import get_worker
    worker = get_worker()
    analyzer = getattr(worker, "credence_analyzer", None)
    if analyzer is None:
        analyzer = worker.credence_analyzer = import_credence().Analyzer(model=model)
    return analyzer


def score_block(block, model, threads):
    """Scores one partition: bytes holding whole lines. Returns the number of
    lines it holds and, per non-blank line, (line in block, id, result)."""
    lines = block.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    kept, records = [], []
    for number, line in enumerate(lines, 1):
        if not line.strip(b" \t\r"):
            continue  # blank lines are skipped, and counted, as by credence batch
        try:
            record = json.loads(line)
        except ValueError:
            kept.append((number, "", "not valid JSON"))
            continue
        if not isinstance(record, dict):
            kept.append((number, "", "not a JSON object"))
            continue
        text, html = field_string(record, "text"), field_string(record, "html")
        if not text and not html:
            kept.append((number, field_string(record, "id"), 'no "text" or "html" field with content'))
            continue
        kept.append((number, field_string(record, "id"), None))
        records.append({"url": field_string(record, "url"), "title": field_string(record, "title"),
                        "text": text, "html": html})
    reports = worker_analyzer(model).analyze_many(records, threads=threads, max_bytes=64 << 20)
    out = []
    for number, record_id, bad in kept:
        result = {"error": {"kind": "bad_record", "message": bad}} if bad else next(reports)
        out.append((number, record_id, result))
    return len(lines), out


def partitions(paths, count):
    """Delayed byte blocks of the inputs, in order, with each one's path."""
    from dask.bytes import read_bytes
    total = sum(os.path.getsize(p) for p in paths if not p.endswith(".gz"))
    blocksize = max(1 << 16, total // max(1, count))  # dask makes size // blocksize blocks
    blocks = []
    for path in paths:
        compressed = path.endswith(".gz")
        _, per_file = read_bytes(path, delimiter=b"\n", blocksize=None if compressed else blocksize,
                                 compression="gzip" if compressed else None, sample=False)
        blocks += [(path, block) for block in per_file[0]]
    return blocks


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", help="JSONL files (.gz allowed) with text or html, url, title, id")
    parser.add_argument("-o", "--output", required=True, help="the JSONL file to write")
    parser.add_argument("--partitions", type=int, default=8, help="blocks to split the plain JSONL into (default 8)")
    parser.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes (default 2)")
    parser.add_argument("--threads-per-worker", type=int, default=1, help="analysis threads per worker (default 1)")
    parser.add_argument("--scheduler", help="the address of a running Dask scheduler, instead of a LocalCluster")
    parser.add_argument("--model", default="default", help="a model file, or 'none' (default: the shipped model)")
    args = parser.parse_args()
    for path in args.inputs:
        if not os.path.isfile(path):
            parser.error("no such file: %s" % path)
    if args.partitions < 1 or args.workers < 1 or args.threads_per_worker < 1:
        parser.error("--partitions, --workers and --threads-per-worker must be at least 1")
    import_credence()  # fails here, before a cluster starts, when the module is not built
    model = None if args.model == "none" else args.model

    from dask import delayed
    from distributed import Client, LocalCluster
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=args.threads_per_worker,
                               processes=True, dashboard_address=None)
        client = Client(cluster)
    blocks = partitions(args.inputs, args.partitions)
    tasks = [delayed(score_block)(block, model, args.threads_per_worker) for _, block in blocks]

    # Results are written in order; a few partitions per worker run ahead.
    window = 2 * max(1, len(client.scheduler_info()["workers"]))
    pending = collections.deque()
    written = errors = 0
    line_base = {}
    with open(args.output, "w", encoding="utf-8") as out:
        for i in range(len(tasks) + window):
            if i < len(tasks):
                pending.append((blocks[i][0], client.compute(tasks[i])))
            if len(pending) > window or (i >= len(tasks) and pending):
                path, future = pending.popleft()
                line_count, results = future.result()
                base = line_base.get(path, 0)
                for number, record_id, result in results:
                    position = base + number
                    line = {"id": record_id or "%s:%d" % (path, position), "source": path, "position": position}
                    line.update((k, v) for k, v in result.items() if k != "id")
                    out.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")
                    written += 1
                    errors += "error" in result
                line_base[path] = base + line_count
    client.close()
    print("dask_batch: %d records, %d errors, %d partitions, written to %s"
          % (written, errors, len(tasks), args.output), file=sys.stderr)


if __name__ == "__main__":
    main()
