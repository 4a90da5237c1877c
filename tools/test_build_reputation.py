"""Unit tests for tools/build_reputation.py.

All tests but the last use small in-memory examples; the last builds the whole table from
../shared (or $CREDENCE_SHARED) into a temporary directory and is skipped when it is absent.
Run from the repository's root:
  /usr/bin/python3 -m unittest discover -s tools -p 'test_*.py'
"""

import collections
import io
import os
import re
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_reputation as br  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("CREDENCE_SHARED") or os.path.join(os.path.dirname(REPO), "shared")


def rows_for(raw):
    return br.build_rows(raw)


class DomainFolding(unittest.TestCase):
    def test_common_subdomains_fold_to_the_site(self):
        for entry in ("www.theduran.com", "m.theduran.com", "amp.theduran.com",
                      "https://www.theduran.com/some/article/", "THEDURAN.COM", " theduran.com "):
            self.assertEqual(br.parse_entry(entry)[0], "theduran.com", entry)

    def test_country_suffixes_are_kept(self):
        self.assertEqual(br.parse_entry("news.bbc.co.uk")[0], "bbc.co.uk")
        self.assertEqual(br.parse_entry("http://www.bbc.co.uk/news")[0], "bbc.co.uk")
        self.assertEqual(br.parse_entry("www.abc.net.au/news")[0], "abc.net.au")

    def test_hosting_platforms_keep_the_publisher(self):
        self.assertEqual(br.parse_entry("willyloman.wordpress.com")[0], "willyloman.wordpress.com")
        self.assertEqual(br.parse_entry("anno3000.altervista.org")[0], "anno3000.altervista.org")
        self.assertEqual(br.parse_entry("devinformarti.blogspot.it/?m=1")[0],
                         "devinformarti.blogspot.it")

    def test_non_domains_are_dropped(self):
        for entry in ("82.221.129.208", "womensrightsnews", "", "Action News 3", "http://"):
            self.assertEqual(br.parse_entry(entry)[0], "", entry)

    def test_call_sign_dash_and_spaces(self):
        self.assertEqual(br.parse_entry("kbmt\u201312newsnow.com")[0], "12newsnow.com")
        self.assertEqual(br.parse_entry("Silver-Coin-Investor. com")[0], "silver-coin-investor.com")

    def test_sections_and_editions(self):
        self.assertEqual(br.parse_entry("newyorker.com/humor"), ("newyorker.com", "/humor",
                                                                  "newyorker.com"))
        self.assertEqual(br.parse_entry("http://www.rfa.org/english/")[1], "")
        self.assertEqual(br.parse_entry("http://citizensunited.org/index.aspx")[1], "")
        self.assertEqual(br.parse_entry("c-span.org/wj")[1], "/wj")

    def test_archive_links_are_unwrapped(self):
        self.assertEqual(br.parse_entry("https://web.archive.org/web/2017/http://www.x-news.com/a")[0],
                         "x-news.com")


class Mappings(unittest.TestCase):
    def test_opensources_most_severe_type(self):
        self.assertEqual(br.opensources_rating(["bias", "", ""])[0], "mixed")
        self.assertEqual(br.opensources_rating(["political", "reliable", ""])[0], "mixed")
        self.assertEqual(br.opensources_rating(["satire", "fake", ""])[0], "unreliable")
        self.assertEqual(br.opensources_rating(["bias", "satire", ""])[0], "satire")
        self.assertEqual(br.opensources_rating(["reliable", "", ""])[0], "reliable")
        self.assertEqual(br.opensources_rating(["unreliable", "", ""])[0], "unreliable")
        for t in ("fake ", "Conspiracy", "junksci", "hate", "rumor ", "clickbait", "state",
                  "unrealiable"):
            self.assertEqual(br.opensources_rating([t, "", ""])[0], "unreliable", t)
        self.assertEqual(br.opensources_rating(["", "", ""])[0], "-")
        self.assertEqual(br.opensources_rating(["Fake", "fake", ""])[1], ["fake"])
        with self.assertRaises(ValueError):
            br.opensources_rating(["excellent", "", ""])

    def test_baly_factuality(self):
        self.assertEqual(br.baly_rating("low"), ("unreliable", "low"))
        self.assertEqual(br.baly_rating("mixed"), ("mixed", "mixed"))
        self.assertEqual(br.baly_rating("high"), ("reliable", "high"))
        with self.assertRaises(ValueError):
            br.baly_rating("pants on fire")

    def test_mbfcext(self):
        self.assertEqual(br.mbfcext_rating("fake-news", "low-credibility", "low"),
                         ("unreliable", "low", "questionable"))
        # questionable wins whatever the credibility
        self.assertEqual(br.mbfcext_rating("fake-news", "high-credibility", "high")[0], "unreliable")
        self.assertEqual(br.mbfcext_rating("conspiracy-pseudoscience", None, "low"),
                         ("unreliable", "low", "conspiracy-pseudoscience"))
        self.assertEqual(br.mbfcext_rating("satire", "n/a", None), ("satire", "-", "satire"))
        self.assertEqual(br.mbfcext_rating("left-center", "high-credibility", "high"),
                         ("reliable", "high", "left-center"))
        self.assertEqual(br.mbfcext_rating("right", "medium-credibility", "mixed")[0], "mixed")
        self.assertEqual(br.mbfcext_rating("right", "low-credibility", "mixed")[0], "unreliable")
        # no credibility: reporting decides
        self.assertEqual(br.mbfcext_rating("center", None, "very-high")[0], "reliable")
        self.assertEqual(br.mbfcext_rating("center", "n/a", "very-low")[0], "unreliable")
        self.assertEqual(br.mbfcext_rating("center", None, None)[0], "-")

    def test_lasser(self):
        self.assertEqual(br.lasser_rating("questionable sources", "1", "1", "unreliable"), "unreliable")
        self.assertEqual(br.lasser_rating("satire", "1", "2", "unreliable"), "satire")
        self.assertEqual(br.lasser_rating("Parody site", "1", "2", "unreliable"), "satire")
        self.assertEqual(br.lasser_rating("false satire", "1", "1", "unreliable"), "unreliable")
        self.assertEqual(br.lasser_rating("right bias", "3", "2", "reliable"), "mixed")
        self.assertEqual(br.lasser_rating("least biased", "5", "3", "reliable"), "reliable")
        self.assertEqual(br.lasser_rating("hate", "", "", ""), "-")

    def test_lasser_dates(self):
        self.assertEqual(br.lasser_date("2021-05-17"), "2021-05-17")
        self.assertEqual(br.lasser_date("2021-04"), "2021-04")
        self.assertEqual(br.lasser_date("2016"), br.LASSER_SNAPSHOT)


class Merging(unittest.TestCase):
    def test_duplicates_in_one_list_become_one_row_most_severe(self):
        raw = [("mbfcext", "x-news.com", "2026-08-19", "reliable", "high", "center", "credibility high"),
               ("mbfcext", "www.x-news.com", "2026-08-19", "unreliable", "low", "questionable",
                "credibility low"),
               ("mbfcext", "m.x-news.com", "2026-08-19", "mixed", "mixed", "right", "credibility medium")]
        rows = rows_for(raw)
        self.assertEqual(len(rows), 1)
        domain, lst, date, rating, fact, bias, detail = rows[0]
        self.assertEqual((domain, lst, rating, fact, bias), ("x-news.com", "mbfcext", "unreliable",
                                                              "low", "questionable"))
        self.assertIn("credibility high", detail)
        self.assertIn("credibility low", detail)
        self.assertTrue(detail.startswith("3 entries"))

    def test_lowest_factuality_is_kept(self):
        raw = [("l", "a-site.com", "2020-01", "reliable", "high", "-", "one"),
               ("l", "www.a-site.com", "2020-01", "reliable", "mostly-factual", "-", "two")]
        self.assertEqual(rows_for(raw)[0][4], "mostly-factual")

    def test_different_lists_stay_apart_and_rows_are_sorted(self):
        raw = [("opensources", "b-site.com", "2017-04", "unreliable", "-", "-", "types fake"),
               ("mbfcext", "b-site.com", "2026-08-19", "mixed", "mixed", "right", "credibility medium"),
               ("mbfcext", "a-site.com", "2026-08-19", "reliable", "high", "center", "credibility high")]
        rows = rows_for(raw)
        self.assertEqual([(r[0], r[1]) for r in rows],
                         [("a-site.com", "mbfcext"), ("b-site.com", "mbfcext"),
                          ("b-site.com", "opensources")])

    def test_sections_give_way_to_a_rated_site(self):
        raw = [("opensources", "newyorker.com/humor", "2017-04", "satire", "-", "-", "types satire"),
               ("mbfcext", "newyorker.com", "2026-08-19", "reliable", "high", "left", "credibility high"),
               ("opensources", "jedanews.it/blog", "2017-04", "unreliable", "-", "-", "types fake"),
               ("mbfcext", "facebook.com/somepage", "2026-08-19", "unreliable", "low", "questionable", "x")]
        stats = collections.defaultdict(collections.Counter)
        rows = br.build_rows(raw, stats)
        self.assertEqual([(r[0], r[1], r[3]) for r in rows],
                         [("jedanews.it", "opensources", "unreliable"),
                          ("newyorker.com", "mbfcext", "reliable")])
        self.assertTrue(rows[0][6].startswith("section /blog"))
        self.assertEqual(stats["opensources"]["dropped: section of a rated site"], 1)
        self.assertEqual(stats["mbfcext"]["dropped: page on a platform"], 1)

    def test_format_row_fills_and_cleans_fields(self):
        line = br.format_row(("a.com", "l", "2020-01", "mixed", "", "-", "two\twords\nhere"))
        self.assertEqual(line, "a.com\tl\t2020-01\tmixed\t-\t-\ttwo words here\n")

    def test_detail_is_shortened(self):
        raw = [("l", "a.com", "2020-01", "mixed", "-", "-", "x" * 400)]
        self.assertEqual(len(rows_for(raw)[0][6]), br.DETAIL_MAX)


@unittest.skipUnless(os.path.isdir(os.path.join(SHARED, "data", "mbfc_mbfcext")),
                     f"shared datasets not found at {SHARED}; set CREDENCE_SHARED to run")
class WholeTable(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.out = os.path.join(cls.tmp.name, "source_reputation.tsv")
        with io.StringIO() as buf:
            stdout, sys.stdout = sys.stdout, buf
            try:
                br.main(["--shared", SHARED, "--out", cls.out])
            finally:
                sys.stdout = stdout
            cls.printed = buf.getvalue()
        with open(cls.out, "rb") as f:
            cls.data = f.read()
        lines = cls.data.decode("utf-8").split("\n")
        cls.header = [x for x in lines if x.startswith("#")]
        cls.rows = [x.split("\t") for x in lines if x and not x.startswith("#")]

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_theduran_is_unreliable_everywhere(self):
        duran = [r for r in self.rows if r[0] == "theduran.com"]
        lists = {r[1] for r in duran}
        self.assertTrue({"opensources", "mbfc_emnlp18", "mbfc_acl2020", "mbfcext",
                         "lasser/mbfc"} <= lists, lists)
        for r in duran:
            self.assertEqual(r[3], "unreliable", r)
            self.assertIn(r[4], ("low", "-"), r)
        self.assertEqual(len(duran), len(lists))
        ext = [r for r in duran if r[1] == "mbfcext"][0]
        self.assertEqual((ext[2], ext[4], ext[5]), ("2026-08-19", "low", "questionable"))

    def test_format(self):
        self.assertNotIn(b"\r", self.data)
        self.assertLess(len(self.data), 1_600_000)
        self.assertTrue(any(h.startswith("# list mbfcext: github.com/drmikecrowe/mbfcext commit ")
                            for h in self.header))
        self.assertEqual(sum(h.startswith("# list lasser/") for h in self.header), 10)
        ratings = {"reliable", "mixed", "unreliable", "satire", "-"}
        facts = set(br.FACTUALITY) | {"-"}
        for r in self.rows:
            self.assertEqual(len(r), 7, r)
            self.assertTrue(all(r), r)
            self.assertRegex(r[0], br.DOMAIN)
            self.assertRegex(r[2], r"^\d{4}-\d\d(-\d\d)?$")
            self.assertIn(r[3], ratings, r)
            self.assertIn(r[4], facts, r)
            self.assertRegex(r[5], r"^(-|[a-z]+(-[a-z]+)*)$")
            self.assertLessEqual(len(r[6]), br.DETAIL_MAX)
        keys = [(r[0], r[1]) for r in self.rows]
        self.assertEqual(keys, sorted(set(keys)))

    def test_domain_folding_in_the_table(self):
        domains = {r[0] for r in self.rows}
        self.assertIn("bbc.co.uk", domains)
        self.assertFalse([d for d in domains if re.match(r"(www\d*|m|amp)\.", d)])

    def test_printed_counts(self):
        self.assertIn("distinct domains:", self.printed)
        self.assertRegex(self.printed, r"(?m)^mbfcext\s+\d+")

    def test_deterministic(self):
        out2 = os.path.join(self.tmp.name, "again.tsv")
        with io.StringIO() as buf:
            stdout, sys.stdout = sys.stdout, buf
            try:
                br.main(["--shared", SHARED, "--out", out2])
            finally:
                sys.stdout = stdout
        with open(out2, "rb") as f:
            self.assertEqual(f.read(), self.data)


if __name__ == "__main__":
    unittest.main()
