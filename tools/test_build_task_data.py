"""Unit tests for tools/build_task_data.py on made-up inputs (no ../shared needed).

Run from the repository's root: /usr/bin/python3 -m unittest tools/test_build_task_data.py
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
import build_task_data as bt  # noqa: E402


def add_file(tar, name, text):
    data = text.encode("utf-8")
    info = tarfile.TarInfo(name)
    info.size = len(data)
    tar.addfile(info, io.BytesIO(data))


class Offsets(unittest.TestCase):
    def test_character_offsets_become_byte_offsets(self):
        text = "caf\u00e9 \u201cna\u00efve\u201d"
        b = bt.char_to_byte_offsets(text)
        self.assertEqual(len(b), len(text) + 1)
        self.assertEqual(b[4], 5)  # after the two-byte é
        encoded = text.encode("utf-8")
        self.assertEqual(encoded[b[5]:b[len(text)]].decode("utf-8"), text[5:])

    def test_folds_are_even_and_stable(self):
        ids = [str(111 + i) for i in range(23)]
        folds = bt.fold_of(ids)
        self.assertEqual(folds, bt.fold_of(list(reversed(ids))))
        counts = [list(folds.values()).count(k) for k in range(bt.FOLDS)]
        self.assertLessEqual(max(counts) - min(counts), 1)


class Propaganda(unittest.TestCase):
    def test_reads_articles_and_checks_spans(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "ptc.tar.gz")
            with tarfile.open(path, "w:gz") as tar:
                add_file(tar, "ptc_v2/train-articles/article1.txt", "T\u00edtulo\n\nThey are \u201ctraitors\u201d.\n")
                add_file(tar, "ptc_v2/train-articles/article2.txt", "Plain\n\nNothing here.\n")
                add_file(tar, "ptc_v2/train-task2-TC.labels", "1\tName_Calling,Labeling\t18\t26\n")
            records = bt.propaganda_records(path)
        self.assertEqual([r["id"] for r in records], ["1", "2"])
        start, end, technique = records[0]["spans"][0]
        self.assertEqual(technique, "Name_Calling,Labeling")
        self.assertEqual(records[0]["text"].encode("utf-8")[start:end].decode("utf-8"), "traitors")
        self.assertEqual(records[1]["spans"], [])

    def test_refuses_a_span_outside_its_article(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "ptc.tar.gz")
            with tarfile.open(path, "w:gz") as tar:
                add_file(tar, "ptc_v2/train-articles/article1.txt", "Short\n")
                add_file(tar, "ptc_v2/train-task2-TC.labels", "1\tDoubt\t2\t40\n")
            with self.assertRaises(SystemExit):
                bt.propaganda_records(path)


class Clickbait(unittest.TestCase):
    def test_capitalisation_style(self):
        self.assertEqual(bt.capitalisation_style("Bill Is Sent to Obama With Gun Measure Included"), "title")
        self.assertEqual(bt.capitalisation_style("Large earthquake rattles Indonesia"), "sentence")
        self.assertEqual(bt.capitalisation_style("Kent Conrad"), "short")

    def test_publisher_split_keeps_groups_apart(self):
        with tempfile.TemporaryDirectory() as d:
            bait = [f"{n} Things About Topic{n % 30} You Never Knew" for n in range(300)]
            plain = [f"Council approves budget for town {n}" for n in range(150)]
            plain += [f"Mayor Signs Budget for Town {n} After Long Debate" for n in range(150)]
            for name, lines in (("clickbait_data.gz", bait), ("non_clickbait_data.gz", plain)):
                with gzip.open(os.path.join(d, name), "wt", encoding="utf-8") as f:
                    f.write("\n\n".join(lines) + "\n")
            records = bt.clickbait_records(d)
        self.assertEqual(len(records), 600)
        for r in records:
            self.assertIn(r["random"], ("train", "valid", "test"))
            if r["label"] == 0:
                # title case (The New York Times' style) is tested, never trained on
                self.assertEqual(r["publisher"] == "test", r["style"] == "title", r["text"])
        by_cluster = {}
        for r in records:
            if r["label"] == 1:
                by_cluster.setdefault(r["cluster"], set()).add(r["publisher"])
        self.assertTrue(all(len(parts) == 1 for parts in by_cluster.values()), by_cluster)
        self.assertEqual(records, json.loads(json.dumps(records)))


if __name__ == "__main__":
    unittest.main()
