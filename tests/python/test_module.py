"""Tests of the Python module `credence` (src/python/credence_module.cc).

Run by ctest with /usr/bin/python3, PYTHONPATH at the built module and
CREDENCE_BINARY naming the CLI, whose output the module must equal.
"""
import concurrent.futures
import gzip
import itertools
import json
import os
import subprocess
import tempfile
import threading
import time
import unittest

import credence

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CLI = os.environ.get("CREDENCE_BINARY", os.path.join(REPO, "build", "release", "credence"))
SHARED = os.environ.get("CREDENCE_SHARED", os.path.join(REPO, "..", "shared"))
DEMO_TEXT = os.path.join(REPO, "examples", "demo-article.txt")
DEMO_HTML = os.path.join(REPO, "examples", "demo-article.html")


def read(path):
    with open(path, "rb") as f:
        return f.read()


def cli_json(*args, stdin=None):
    done = subprocess.run([CLI, *args], input=stdin, capture_output=True, check=True)
    return json.loads(done.stdout)


class AnalyzeTest(unittest.TestCase):
    def test_text_report_equals_the_cli(self):
        text = read(DEMO_TEXT).decode("utf-8")
        report = credence.analyze(text, url="https://dailytruthwire.example/a")
        expected = cli_json("analyze", "--format", "json", "--url", "https://dailytruthwire.example/a", DEMO_TEXT)
        self.assertEqual(report, expected)
        self.assertIn(report["verdict"]["label"], ("reliable", "uncertain", "unreliable"))
        self.assertTrue(report["cues"])

    def test_html_report_equals_the_cli(self):
        page = read(DEMO_HTML)
        report = credence.analyze(page, html=True)
        self.assertEqual(report, cli_json("analyze", "--format", "json", "--html", DEMO_HTML))
        self.assertIn("page", report)
        self.assertEqual(credence.analyze(page, html=None), report)  # detected from the first bytes

    def test_html_false_reads_markup_as_text(self):
        report = credence.analyze(read(DEMO_HTML), html=False)
        self.assertIsNone(report["page"])
        self.assertTrue(any(s["text"].startswith("<") for s in report["article"]["body"]))

    def test_spans_are_byte_offsets_into_the_utf8_input(self):
        text = "Café owners said — according to “sources” — that it would appear prices rose. " * 3
        report = credence.analyze(text)
        data = text.encode("utf-8")
        spans = [s for cue in report["cues"] for s in cue["evidence"]]
        self.assertTrue(spans)
        for span in spans:
            self.assertEqual(data[span["start"]:span["end"]].decode("utf-8"), span["text"])

    def test_title_and_url_reach_the_report(self):
        report = credence.analyze("A short article about a council vote. It passed.", url="https://theduran.com/x",
                                  title="You Won't Believe This Vote")
        self.assertEqual(report["site"]["domain"], "theduran.com")
        self.assertEqual((report["site"]["raters_unreliable"], report["site"]["raters_rated"]), (2, 2))
        self.assertEqual([v["rater"] for v in report["site"]["raters"]], ["mbfc", "opensources"])
        self.assertEqual(report["input"]["title"], "You Won't Believe This Vote")

    def test_invalid_utf8_is_repaired_and_said(self):
        report = credence.analyze(b"A valid start \xff\xfe then more words follow here.")
        self.assertEqual(report["input"]["invalid_utf8_bytes"], 2)
        self.assertTrue(any("invalid UTF-8" in w for w in report["warnings"]))

    def test_bad_input_raises_credence_error_with_a_kind(self):
        cases = [("", "empty_input"), ("   \n ", "empty_input"), (b"\x00" * 200, "binary_input"),
                 ("\ud800 lone surrogate", "invalid_argument"), (42, "invalid_argument")]
        for value, kind in cases:
            with self.subTest(value=repr(value)[:20]):
                with self.assertRaises(credence.Error) as caught:
                    credence.analyze(value)
                self.assertEqual(caught.exception.kind, kind)
                self.assertIsInstance(caught.exception, ValueError)
        with self.assertRaises(credence.Error) as caught:
            credence.analyze("x" * 1000, max_bytes=100)
        self.assertEqual(caught.exception.kind, "too_large")
        with self.assertRaises(TypeError):
            credence.analyze("text", html="yes")

    def test_extract_equals_the_cli(self):
        page = credence.extract(read(DEMO_HTML))
        self.assertEqual(page, cli_json("extract", "--format", "json", DEMO_HTML))
        with self.assertRaises(credence.Error):
            credence.extract(b"")


class AnalyzerTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.analyzer = credence.Analyzer()
        cls.texts = ["Story %d. Officials said the bridge would open in %d days, according to a statement." % (i, i)
                     for i in range(60)]

    def test_model_choice(self):
        self.assertTrue(self.analyzer.model)
        bare = credence.Analyzer(model=None)
        self.assertIsNone(bare.model)
        self.assertIsNone(bare.analyze(self.texts[0]).get("verdict"))
        with self.assertRaises(credence.Error) as caught:
            credence.Analyzer(model="/nonexistent/model.bin")
        self.assertEqual(caught.exception.kind, "not_found")

    def test_learned_models_choice(self):
        text = ("10 Things You Will Never Believe\n\nThe budget grew by 40 percent in 2019, the mayor said on Tuesday."
                "\n\nCouncil members met to discuss the plan and the new bridge.\n")
        shipped = self.analyzer.analyze(text)
        self.assertIsNotNone(shipped["headline"])
        self.assertGreater(shipped["headline"]["clickbait_probability"], 0.5)
        self.assertTrue(shipped["claims"])
        off = credence.Analyzer(learned_models=None).analyze(text)
        self.assertIsNone(off["headline"])
        self.assertEqual(off["claims"], [])
        self.assertEqual(off["techniques"], [])
        with self.assertRaises(credence.Error) as caught:
            credence.Analyzer(learned_models="/nonexistent/folder")
        self.assertEqual(caught.exception.kind, "not_found")

    def test_analyze_many_keeps_order_and_equals_analyze(self):
        one_by_one = [self.analyzer.analyze(t) for t in self.texts]
        for threads in (1, 2, 5):
            with self.subTest(threads=threads):
                self.assertEqual(list(self.analyzer.analyze_many(self.texts, threads=threads)), one_by_one)

    def test_analyze_many_reports_bad_records_and_goes_on(self):
        records = [{"id": "a", "text": self.texts[0]}, {"id": 7, "text": ""}, 3.5, {"id": "c"},
                   {"id": "d", "html": "<html><body><p>A page with one paragraph of text.</p></body></html>"},
                   {"id": "e", "text": self.texts[1], "url": 5}, {"id": 2**80, "text": self.texts[2]},
                   {"id": "\ud800", "text": self.texts[2]}]
        out = list(self.analyzer.analyze_many(records, threads=2))
        self.assertEqual([r["id"] for r in out], ["a", 7, None, "c", "d", "e", str(2**80), None])
        self.assertEqual([r["error"]["kind"] if "error" in r else None for r in out],
                         [None, "bad_record", "bad_record", "bad_record", None, "bad_record", None, "bad_record"])
        self.assertEqual(out[0]["verdict"], self.analyzer.analyze(self.texts[0])["verdict"])
        self.assertIn("page", out[4])

    def test_analyze_many_record_that_raises_when_read_is_a_bad_record(self):
        class Unprintable:
            def __str__(self):
                raise RuntimeError("no str")
        records = [{"id": Unprintable(), "text": self.texts[0]}, {"id": "b", "text": self.texts[1]}]
        out = list(self.analyzer.analyze_many(records, threads=1))
        self.assertEqual(out[0]["error"]["kind"], "bad_record")
        self.assertIn("no str", out[0]["error"]["message"])
        self.assertEqual(out[1]["id"], "b")
        self.assertEqual(out[1]["verdict"], self.analyzer.analyze(self.texts[1])["verdict"])

    def test_analyze_many_streams(self):
        endless = ({"id": i, "text": self.texts[i % len(self.texts)]} for i in itertools.count())
        first = list(itertools.islice(self.analyzer.analyze_many(endless, threads=2), 25))
        self.assertEqual([r["id"] for r in first], list(range(25)))

    def test_analyze_many_passes_on_the_iterables_failure(self):
        def failing():
            yield self.texts[0]
            yield self.texts[1]
            raise RuntimeError("source broke")
        with self.assertRaisesRegex(RuntimeError, "source broke"):
            list(self.analyzer.analyze_many(failing()))
        # The records given before the failure are reported first, then it is raised, once.
        many = self.analyzer.analyze_many(failing(), threads=1)
        self.assertEqual(next(many), self.analyzer.analyze(self.texts[0]))
        self.assertEqual(next(many), self.analyzer.analyze(self.texts[1]))
        with self.assertRaisesRegex(RuntimeError, "source broke"):
            next(many)
        with self.assertRaises(StopIteration):
            next(many)

    def test_analyze_many_dropped_midway(self):
        # Dropped while the next chunk is being analyzed: it waits for that chunk and lets go.
        endless = ({"id": i, "text": self.texts[i % len(self.texts)]} for i in itertools.count())
        many = self.analyzer.analyze_many(endless, threads=2)
        self.assertEqual(next(many)["id"], 0)
        del many
        self.assertEqual(next(iter(self.analyzer.analyze_many(self.texts[:1])))["verdict"],
                         self.analyzer.analyze(self.texts[0])["verdict"])

    def test_one_analyzer_shared_by_python_threads(self):
        expected = [self.analyzer.analyze(t) for t in self.texts]
        with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
            got = list(pool.map(self.analyzer.analyze, self.texts))
        self.assertEqual(got, expected)

    def test_the_gil_is_released_while_analyzing(self):
        # One long analysis in a thread while the main thread notes the time
        # as often as it can. Had the call kept the GIL, the main thread
        # could not run at all between the call's start and its end.
        big = " ".join(self.texts) * 120  # ~1 MB: hundreds of milliseconds
        started, call = threading.Event(), []
        def work():
            started.set()
            begin = time.perf_counter()
            self.analyzer.analyze(big)
            call.extend([begin, time.perf_counter()])
        worker = threading.Thread(target=work)
        worker.start()
        started.wait()
        stamps = []
        while worker.is_alive():
            stamps.append(time.perf_counter())
        worker.join()
        begin, end = call
        during = sum(1 for t in stamps if begin < t < end)
        self.assertGreater(during, 1000, "the main thread did not run while analyze() ran")


@unittest.skipUnless(os.path.isdir(os.path.join(SHARED, "data")), "../shared absent (set CREDENCE_SHARED)")
class FactCheckTest(unittest.TestCase):
    def test_search_finds_the_snopes_claim_and_the_report_lists_it(self):
        analyzer = credence.Analyzer(model=None, learned_models=None)
        matches = analyzer.search_fact_checks("122 Guantanamo detainees released under Obama returned to terrorism", k=2)
        self.assertTrue(matches)
        self.assertLessEqual(len(matches), 2)
        self.assertEqual(matches[0]["publisher"], "Snopes")
        self.assertGreaterEqual(matches[0]["score"], 0.5)
        report = analyzer.analyze("Obama freed 122 Guantanamo detainees who went back to terrorism\n\nA council member "
                                  "repeated the claim on Tuesday.")
        self.assertTrue(report["fact_checks"]["searched"])
        with self.assertRaises(credence.Error):
            analyzer.search_fact_checks("x", k=0)

    def test_no_index_says_so(self):
        analyzer = credence.Analyzer(model=None, learned_models=None, fact_checks=None)
        self.assertFalse(analyzer.analyze("A short text about the harbour.")["fact_checks"]["searched"])
        with self.assertRaises(credence.Error) as caught:
            analyzer.search_fact_checks("the ferry tax doubled")
        self.assertEqual(caught.exception.kind, "not_found")


class SharedCorpusTest(unittest.TestCase):
    def test_analyze_many_equals_credence_batch_on_real_articles(self):
        path = os.path.join(SHARED, "data", "fakenewsnet_text", "fakenewsnet_politifact.jsonl.gz")
        with gzip.open(path, "rt", encoding="utf-8") as f:
            records = [json.loads(line) for line in itertools.islice(f, 120)]
        with tempfile.TemporaryDirectory() as tmp:
            sample = os.path.join(tmp, "sample.jsonl")
            with open(sample, "w", encoding="utf-8") as f:
                f.writelines(json.dumps(r) + "\n" for r in records)
            done = subprocess.run([CLI, "batch", "-q", sample], capture_output=True, check=True)
        expected = [json.loads(line) for line in done.stdout.splitlines()]
        for line in expected:
            line.pop("source")
            line.pop("position")
        inputs = [{"id": r["id"], "url": r.get("url"), "title": r.get("title"), "text": r["text"]} for r in records]
        got = list(credence.Analyzer().analyze_many(inputs, threads=2))
        self.assertEqual(len(got), 120)
        for g, e in zip(got, expected):
            self.assertEqual(g, e, g["id"])


if __name__ == "__main__":
    unittest.main()
