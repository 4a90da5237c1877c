"""Unit tests for tools/build_factchecks.py on made-up inputs (no ../shared needed).

Run from the repository's root: /usr/bin/python3 -m unittest tools/test_build_factchecks.py
"""

import gzip
import io
import json
import os
import sys
import tarfile
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_factchecks as bf  # noqa: E402


def add_file(tar, name, text):
    data = text.encode("utf-8")
    info = tarfile.TarInfo(name)
    info.size = len(data)
    tar.addfile(info, io.BytesIO(data))


class MadeUpShared(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        root = self.dir.name
        os.makedirs(os.path.join(root, "data", "checkthat2020_task2_claim_retrieval"))
        with tarfile.open(os.path.join(root, "data", bf.CHECKTHAT), "w:gz") as tar:
            add_file(tar, "v3.0/verified_claims.docs.tsv",
                     "\tvclaim\ttitle\n0\tThe ferry tax doubled.\tDid the Ferry Tax Double?\n"
                     "1\t\"A claim that runs over\ntwo lines.\"\tA Headline\n")
            for part in ["train", "dev"]:
                add_file(tar, f"v3.0/{part}/tweets.queries.tsv", "\ttweet_content\n7\tFerry tax doubled!\n8\tNo qrel\n")
                add_file(tar, f"v3.0/{part}/tweet-vclaim-pairs.qrels", "7\t0\t0\t1\n")
        os.makedirs(os.path.join(root, "data", "liar"))
        for part in bf.LIAR_PARTS:
            with gzip.open(os.path.join(root, "data", "liar", f"{part}.tsv.gz"), "wt", encoding="utf-8") as f:
                f.write("\t".join(["12.json", "pants-fire", "Says \"gulls\" vote.", "animals", "jane-doe", "", "", "", "0", "0",
                                   "0", "0", "1", "a speech"]) + "\n")
        self.root = root

    def tearDown(self):
        self.dir.cleanup()

    def test_snopes_claims_keep_quoted_line_breaks_and_have_no_verdict(self):
        records = bf.snopes_records(bf.checkthat_members(self.root))
        self.assertEqual([r["id"] for r in records], ["snopes-ct2020-0", "snopes-ct2020-1"])
        self.assertEqual(records[1]["claim"], "A claim that runs over two lines.")
        self.assertIsNone(records[0]["verdict"])
        self.assertEqual(records[0]["publisher"], "Snopes")

    def test_liar_verdicts_map_to_words_and_falsity(self):
        records = bf.liar_records(self.root)
        self.assertEqual(len(records), 3)
        self.assertEqual(records[0]["verdict"], "Pants on Fire")
        self.assertEqual(records[0]["falsity"], 1.0)
        self.assertEqual(records[0]["speaker"], "Jane Doe")
        self.assertEqual(records[0]["claim"], 'Says "gulls" vote.')

    def test_queries_keep_only_those_with_a_relevant_claim(self):
        queries = bf.retrieval_queries(bf.checkthat_members(self.root), "dev")
        self.assertEqual(queries, [{"id": "dev-7", "text": "Ferry tax doubled!", "relevant": ["snopes-ct2020-0"]}])


if __name__ == "__main__":
    unittest.main()
