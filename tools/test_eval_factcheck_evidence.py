"""Unit tests for tools/eval_factcheck_evidence.py on made-up inputs (no ../shared needed).

Run from the repository's root: /usr/bin/python3 -m unittest tools/test_eval_factcheck_evidence.py
"""

import collections
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import eval_factcheck_evidence as ev  # noqa: E402


def match(claim, score, falsity=None, url=None, title=None):
    return {"claim": claim, "title": title, "score": score, "falsity": falsity, "url": url, "verdict": None}


class Auc(unittest.TestCase):
    def test_perfect_reversed_and_tied(self):
        self.assertEqual(ev.auc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1]), 1.0)
        self.assertEqual(ev.auc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1]), 0.0)
        self.assertEqual(ev.auc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1]), 0.5)
        self.assertIsNone(ev.auc([0.1, 0.2], [1, 1]))


class Logistic(unittest.TestCase):
    def test_recovers_the_direction(self):
        xs = [(x / 10.0, 0.0) for x in range(-20, 21)]
        ys = [1 if x[0] + (0.3 if i % 7 == 0 else 0) > 0 else 0 for i, x in enumerate(xs)]
        w = ev.fit_logistic(xs, ys)
        self.assertGreater(w[0], 1.0)
        self.assertAlmostEqual(w[1], 0.0, places=6)


class Guards(unittest.TestCase):
    def test_own_url_and_title_are_dropped(self):
        record = {"url": "https://example.org/story/", "title": "The Ferry Tax Doubled!"}
        line = {"fact_checks": {"matches": [
            match("Someone said the ferry tax doubled.", 0.9, 1.0, url="https://example.org/story"),
            match("The ferry tax doubled", 0.8, 1.0),
            match("A different claim.", 0.6, 0.5),
            match("A Snopes claim.", 0.7)]}}
        dropped = collections.Counter()
        falsity, best, any_best, any_match = ev.match_features(record, line, dropped)
        self.assertEqual(dropped, {"own url": 1, "own title": 1})
        self.assertAlmostEqual(falsity, 0.3)
        self.assertEqual(best["claim"], "A different claim.")
        self.assertAlmostEqual(any_best, 0.7)
        self.assertTrue(any_match)

    def test_no_section_no_feature(self):
        dropped = collections.Counter()
        self.assertEqual(ev.match_features({"url": "", "title": ""}, {}, dropped), (0.0, None, 0.0, False))


if __name__ == "__main__":
    unittest.main()
