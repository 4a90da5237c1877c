"""examples/dask_batch.py gives the same lines as `credence batch` on the
same input: 2 LocalCluster workers, the input split into 4 partitions, real
articles from ../shared (when present) among bad lines, blank lines, records
without ids and a web page."""
import gzip
import itertools
import json
import os
import subprocess
import sys
import tempfile
import unittest

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CLI = os.environ.get("CREDENCE_BINARY", os.path.join(REPO, "build", "release", "credence"))
SHARED = os.environ.get("CREDENCE_SHARED", os.path.join(REPO, "..", "shared"))
EXAMPLE = os.path.join(REPO, "examples", "dask_batch.py")


def corpus_lines():
    with open(os.path.join(REPO, "examples", "demo-article.txt"), encoding="utf-8") as f:
        demo = f.read()
    with open(os.path.join(REPO, "examples", "demo-article.html"), encoding="utf-8") as f:
        page = f.read()
    lines = [json.dumps({"id": "demo-%d" % i, "url": "https://dailytruthwire.example/%d" % i,
                         "text": demo.replace("24 Hours", "%d Hours" % i)}) for i in range(30)]
    lines += ["", "{not json", "[1, 2]", json.dumps({"id": "no-body", "title": "t"}),
              json.dumps({"text": "A record without an id. Officials said it was fine."}),
              json.dumps({"id": 77, "html": page}), json.dumps({"id": "empty", "text": ""}),
              json.dumps({"id": "nul", "text": "\u0000" * 300})]
    shared = os.path.join(SHARED, "data", "fakenewsnet_text", "fakenewsnet_politifact.jsonl.gz")
    if os.path.exists(shared):
        with gzip.open(shared, "rt", encoding="utf-8") as f:
            lines += [line.rstrip("\n") for line in itertools.islice(f, 300)]
    return lines


class DaskExampleTest(unittest.TestCase):
    def test_dask_output_equals_credence_batch(self):
        with tempfile.TemporaryDirectory() as tmp:
            corpus = os.path.join(tmp, "corpus.jsonl")
            with open(corpus, "w", encoding="utf-8") as f:
                f.write("\n".join(corpus_lines()) + "\n")
            batch_out, dask_out = os.path.join(tmp, "batch.jsonl"), os.path.join(tmp, "dask.jsonl")
            subprocess.run([CLI, "batch", "-q", corpus, "-o", batch_out], check=True)
            done = subprocess.run([sys.executable, EXAMPLE, corpus, "-o", dask_out, "--partitions", "4",
                                   "--workers", "2"], capture_output=True, text=True, timeout=500)
            self.assertEqual(done.returncode, 0, done.stderr[-3000:])
            self.assertRegex(done.stderr, r"dask_batch: \d+ records, \d+ errors, 4 partitions")
            with open(batch_out, encoding="utf-8") as f:
                expected = [json.loads(line) for line in f]
            with open(dask_out, encoding="utf-8") as f:
                got = [json.loads(line) for line in f]
        self.assertGreaterEqual(len(expected), 36)
        self.assertEqual(len(got), len(expected))
        for g, e in zip(got, expected):
            self.assertEqual(g, e, e["id"])
        kinds = [e["error"]["kind"] for e in expected if "error" in e]
        self.assertGreaterEqual(kinds.count("bad_record"), 4)
        self.assertIn("binary_input", kinds)


if __name__ == "__main__":
    unittest.main()
