"""The HTTP API answers what the command line writes (run by ctest as server.test_http_like_cli).

Starts `credence serve --port 0` ($CREDENCE_BINARY) and, on real articles from
../shared (FakeNewsNet PolitiFact; skipped when absent) plus bad lines:
- POST /v1/batch gives, line for line, what `credence batch` writes for the
  same JSONL file (the source is "request" instead of the file's path);
- POST /v1/analyze gives the report `credence analyze --format json --compact`
  writes for the same text and URL.
"""
import gzip
import http.client
import json
import os
import re
import subprocess
import tempfile
import unittest

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SHARED = os.environ.get("CREDENCE_SHARED", os.path.join(REPO, "..", "shared"))
POLITIFACT = os.path.join(SHARED, "data", "fakenewsnet_text", "fakenewsnet_politifact.jsonl.gz")


class HttpLikeCliTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.binary = os.environ.get("CREDENCE_BINARY")
        if not cls.binary:
            raise unittest.SkipTest("CREDENCE_BINARY is not set (ctest sets it)")
        if not os.path.exists(POLITIFACT):
            raise unittest.SkipTest(f"{POLITIFACT} is absent (set CREDENCE_SHARED)")
        with gzip.open(POLITIFACT, "rt", encoding="utf-8") as f:
            cls.records = [json.loads(next(f)) for _ in range(120)]
        cls.server = subprocess.Popen([cls.binary, "serve", "--port", "0", "--batch-threads", "3"],
                                      stderr=subprocess.PIPE, text=True)
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", cls.server.stderr.readline())
        if not match:
            cls.server.kill()
            raise RuntimeError("the server did not start")
        cls.port = int(match.group(1))

    @classmethod
    def tearDownClass(cls):
        cls.server.terminate()
        cls.server.wait(timeout=30)

    def post(self, path, body, content_type):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=300)
        conn.request("POST", path, body=body, headers={"Content-Type": content_type})
        response = conn.getresponse()
        data = response.read()
        conn.close()
        return response.status, data

    def test_batch_answers_the_lines_credence_batch_writes(self):
        lines = [json.dumps({k: r[k] for k in ("id", "url", "title", "text")}) for r in self.records]
        lines[3] = "{not json"
        lines[7] = json.dumps({"id": "nul", "text": "\u0000\u0000"})
        lines[9] = json.dumps({"id": "html", "html": "<html><body><p>The mayor said the bridge opens in May.</p></body></html>"})
        body = "\n".join(lines) + "\n"
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as f:
            f.write(body)
            path = f.name
        try:
            cli = subprocess.run([self.binary, "batch", path, "-q"], capture_output=True, check=True)
        finally:
            os.unlink(path)
        status, data = self.post("/v1/batch", body.encode("utf-8"), "application/x-ndjson")
        self.assertEqual(status, 200)
        want = cli.stdout.decode("utf-8").splitlines()
        got = data.decode("utf-8").splitlines()
        self.assertEqual(len(got), len(want))
        self.assertEqual(len(got), 120)
        for i, (g, w) in enumerate(zip(got, want)):
            # The file's path names the records' source (and id, for records without one).
            self.assertEqual(g, w.replace(path, "request"), f"line {i + 1}")
        self.assertIn('"error"', got[3])
        self.assertIn('"error"', got[7])

    def test_analyze_answers_the_report_credence_analyze_writes(self):
        for record in self.records[:15]:
            cli = subprocess.run([self.binary, "analyze", "--format", "json", "--compact", "--text",
                                  "--url", record["url"], "-"],
                                 input=record["text"].encode("utf-8"), capture_output=True)
            status, data = self.post("/v1/analyze", json.dumps({"text": record["text"], "url": record["url"]}),
                                     "application/json")
            if cli.returncode != 0:  # an empty text: both refuse it
                self.assertEqual(status, 400, record["id"])
                continue
            self.assertEqual(status, 200, record["id"])
            self.assertEqual(json.loads(data), json.loads(cli.stdout), record["id"])


if __name__ == "__main__":
    unittest.main()
