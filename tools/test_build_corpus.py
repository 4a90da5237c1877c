"""Unit tests for tools/build_corpus.py on made-up inputs (no ../shared needed).

Run from the repository's root: /usr/bin/python3 -m unittest tools/test_build_corpus.py
"""

import os
import random
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_corpus as bc  # noqa: E402


class RegisteredDomain(unittest.TestCase):
    def test_strips_subdomains(self):
        self.assertEqual(bc.url_domain("https://www.nytimes.com/2016/a.html")[0], "nytimes.com")
        self.assertEqual(bc.url_domain("http://edition.cnn.com/2016/09/a")[0], "cnn.com")
        self.assertEqual(bc.url_domain("http://abcnews.go.com/Politics/x?id=1")[0], "go.com")

    def test_multi_part_suffixes(self):
        self.assertEqual(bc.url_domain("http://news.bbc.co.uk/a")[0], "bbc.co.uk")
        self.assertEqual(bc.url_domain("https://www.dailymail.co.uk/tvshowbiz/a.html")[0], "dailymail.co.uk")
        self.assertEqual(bc.url_domain("www.newidea.com.au/woman-claims")[0], "newidea.com.au")
        self.assertEqual(bc.url_domain("https://www.nzherald.co.nz/x")[0], "nzherald.co.nz")
        self.assertEqual(bc.url_domain("http://www.redcross.org.uk/x")[0], "redcross.org.uk")
        self.assertEqual(bc.url_domain("http://www.tribune.com.pk/x")[0], "tribune.com.pk")

    def test_hosting_platforms_keep_the_publisher(self):
        self.assertEqual(bc.url_domain("https://willyloman.wordpress.com/2017/x")[0], "willyloman.wordpress.com")
        self.assertEqual(bc.url_domain("http://someblog.blogspot.com/p")[0], "someblog.blogspot.com")
        self.assertEqual(bc.url_domain("http://someblog.blogspot.co.uk/p")[0], "someblog.blogspot.co.uk")
        self.assertEqual(bc.url_domain("https://www.tumblr.com/x")[0], "tumblr.com")

    def test_scheme_less_ports_case_and_ips(self):
        self.assertEqual(bc.url_domain("people.com/archive/x/")[0], "people.com")
        self.assertEqual(bc.url_domain("HTTP://WWW.Foxnews.COM:80/story")[0], "foxnews.com")
        self.assertEqual(bc.url_domain("http://192.168.0.1:8080/x")[0], "192.168.0.1")
        self.assertEqual(bc.url_domain("t.co/abc")[0], "t.co")
        self.assertEqual(bc.url_domain(""), ("", ""))

    def test_unwraps_web_archive(self):
        self.assertEqual(bc.url_domain("https://web.archive.org/web/20161010120000/http://www.foxnews.com:80/a"),
                         ("foxnews.com", "web.archive.org"))
        # seen in FakeNewsNet: one slash after the scheme, and an id_ flag after the time stamp
        self.assertEqual(bc.url_domain("https://web.archive.org/web/2016/http:/energycommerce.house.gov/x")[0],
                         "house.gov")
        self.assertEqual(bc.url_domain("http://web.archive.org/web/20170101000000id_/https://news.bbc.co.uk/x")[0],
                         "bbc.co.uk")
        # an archive of an archive
        self.assertEqual(bc.url_domain("https://web.archive.org/web/2018/https://archive.is/2017/http://www.breitbart.com/x")[0],
                         "breitbart.com")

    def test_unwraps_archive_today_and_redirectors(self):
        self.assertEqual(bc.url_domain("http://archive.is/20170102/http://yournewswire.com/x")[0], "yournewswire.com")
        self.assertEqual(bc.url_domain("https://archive.today/o/AbCd/https://www.example.com.au/x")[0], "example.com.au")
        self.assertEqual(bc.url_domain("https://webcache.googleusercontent.com/search?q=cache:Ab12:www.stuff.co.nz/a+&cd=1")[0],
                         "stuff.co.nz")
        self.assertEqual(bc.url_domain("https://www.google.com/url?q=https://edition.cnn.com/a&sa=D")[0], "cnn.com")

    def test_archive_link_without_original_stays(self):
        self.assertEqual(bc.url_domain("http://archive.is/DQqCx"), ("archive.is", "archive.is"))

    def test_url_key_ignores_wrapper_scheme_www_and_slash(self):
        self.assertEqual(bc.url_key("https://web.archive.org/web/2016/http://www.x.com/a/"), bc.url_key("x.com/a"))
        self.assertNotEqual(bc.url_key("x.com/a?id=1"), bc.url_key("x.com/a?id=2"))


class CleanIsot(unittest.TestCase):
    def test_strips_reuters_datelines(self):
        text, done = bc.clean_isot("WASHINGTON (Reuters) - The Senate voted on Tuesday to pass the bill. ")
        self.assertEqual(text, "The Senate voted on Tuesday to pass the bill.")
        self.assertIn("dateline", done)
        for start in ("(Reuters) - ", "SEATTLE/WASHINGTON (Reuters) - ", "WEST PALM BEACH, Fla./WASHINGTON (Reuters) - ",
                      "LONDON (AP) \u2014 ", "NEW YORK (LPC/IFR) - ", "WASHINGTON () - ", "By Jane Doe (Reuters) - ",
                      "BEIJING (Reuters on Friday ) - "):
            self.assertEqual(bc.clean_isot(start + "Markets rose.")[0], "Markets rose.", start)

    def test_strips_correction_note_before_dateline(self):
        text, done = bc.clean_isot(" (In Dec. 25 story, corrects name of employer) By Jane Doe (Reuters) - A judge ruled.")
        self.assertEqual(text, "A judge ruled.")
        self.assertEqual(done, ["correction_note", "dateline"])

    def test_keeps_a_parenthesis_that_is_not_a_dateline(self):
        text, done = bc.clean_isot("Senator Smith (R-Texas) said the plan would fail, and he meant it.")
        self.assertEqual(text, "Senator Smith (R-Texas) said the plan would fail, and he meant it.")
        self.assertNotIn("dateline", done)

    def test_strips_tweet_digest_template(self):
        text, done = bc.clean_isot(
            "The following statements were posted to the verified Twitter accounts of U.S. President Donald Trump, "
            "@realDonaldTrump and @POTUS.  The opinions expressed are his own. Reuters has not edited the statements "
            "or confirmed their accuracy.  @realDonaldTrump : - Big day today! [0804 EST] -- Source link: "
            "(bit.ly/2jBh4LU) (bit.ly/2jpEXYR) ")
        self.assertEqual(text, "@realDonaldTrump : - Big day today!")
        self.assertIn("tweet_digest_template", done)

    def test_strips_trailing_image_credits(self):
        for end in ("Featured image via Alex Wong/Getty Images", "Photo by Win McNamee/Getty Images.",
                    "Image via screen capture.", "featured image via screengrab", "Featured Image: Screenshot"):
            text, done = bc.clean_isot("He said it would pass. It did not.The vote failed." + end)
            self.assertEqual(text, "He said it would pass. It did not. The vote failed.", end)
            self.assertIn("image_credit", done)
        # glued to a date, as after an embedded tweet
        text, _ = bc.clean_isot("A long enough sentence here (@someone) October 8, 2017Featured image via Pool/Getty Images")
        self.assertEqual(text, "A long enough sentence here (@someone) October 8, 2017")

    def test_keeps_photo_words_inside_the_text(self):
        for t in ("She posted a photo of the crowd, and images of the flood spread fast.",
                  "The magazine featured photos of her children on its cover last week."):
            text, done = bc.clean_isot(t)
            self.assertEqual(text, t)
            self.assertNotIn("image_credit", done)

    def test_strips_inline_getty_credit(self):
        text, done = bc.clean_isot("What did they look like? Photo by Drew Angerer/Getty ImagesThey looked young. "
                                   + "More words follow here. " * 20)
        self.assertTrue(text.startswith("What did they look like? They looked young."), text[:60])
        self.assertIn("inline_image_credit", done)

    def test_evens_out_quote_marks_and_glued_sentences(self):
        text, done = bc.clean_isot("Trump\u2019s aide said \u201cno.\u201d It was over.Then came more.")
        self.assertEqual(text, "Trump s aide said no. It was over. Then came more.")
        self.assertIn("quote_marks", done)
        self.assertIn("glued_sentences", done)
        self.assertEqual(bc.clean_isot("Trump s aide couldn t say.")[0], "Trump s aide couldn t say.")


class ErrorPages(unittest.TestCase):
    def test_consent_wall_is_a_failure(self):
        page = ("We and our partners use cookies on this site to improve our service, perform analytics, personalize "
                "advertising, measure advertising performance, and remember website preferences. By using the site, "
                "you consent to these cookies. For more information on cookies visit our cookie policy.")
        self.assertEqual(bc.error_page(page), "cookies")

    def test_article_with_a_notice_is_kept(self):
        article = ("Please enable JavaScript to watch this video.\n\n" +
                   "The council voted on Monday to close the bridge for repairs, officials said. " * 4)
        self.assertIsNone(bc.error_page(article))

    def test_not_found_page(self):
        self.assertEqual(bc.error_page("Page not found. Sorry, the page you are looking for does not exist. "
                                       "Try our homepage."), "not_found")


class MinHash(unittest.TestCase):
    @staticmethod
    def made_up_text(seed, n=200):
        rng = random.Random(seed)
        vocab = [f"w{i}" for i in range(500)]
        return " ".join(rng.choice(vocab) for _ in range(n))

    def test_signature_agreement_tracks_jaccard(self):
        h = bc.ShingleHasher()
        a = self.made_up_text(1, 400)
        words = a.split()
        words[100] = "changed"
        b = " ".join(words)
        sa, sb = h.shingles(a), h.shingles(b)
        j = bc.jaccard(sa, sb)
        ma, mb = bc.minhash_signature(sa), bc.minhash_signature(sb)
        agree = sum(x == y for x, y in zip(ma, mb)) / len(ma)
        self.assertGreater(j, 0.95)
        self.assertAlmostEqual(agree, j, delta=0.1)

    def test_finds_near_duplicates_only(self):
        base = self.made_up_text(2)
        words = base.split()
        words[50], words[150] = "edited", "again"
        near = " ".join(words)                              # Jaccard ~0.9
        half = " ".join(words[:100] + self.made_up_text(3).split()[:100])  # Jaccard ~0.3
        other = self.made_up_text(4)
        cased = base.upper().replace(" ", ",  ")            # same words, other case and punctuation
        texts = [base, other, near, half, cased]
        pairs = bc.near_duplicate_pairs(texts)
        found = {(i, j) for i, j, _ in pairs}
        self.assertEqual(found, {(0, 2), (0, 4), (2, 4)})
        for _, _, s in pairs:
            self.assertGreaterEqual(s, bc.NEAR_DUP_JACCARD)

    def test_clusters(self):
        self.assertEqual(sorted(bc.clusters_from_pairs(6, [(0, 2, 0.9), (2, 5, 0.85), (3, 4, 0.8)])),
                         [[0, 2, 5], [3, 4]])

    def test_short_texts_and_empty(self):
        h = bc.ShingleHasher()
        self.assertEqual(len(h.shingles("only three words")), 1)
        self.assertEqual(h.shingles(""), set())
        self.assertEqual(len(bc.minhash_signature(set())), bc.MINHASH_BANDS * bc.MINHASH_ROWS)

    def test_text_hash_ignores_case_punctuation_and_quotes(self):
        self.assertEqual(bc.text_hash("Trump's  aide said: \u201cNo.\u201d"), bc.text_hash("trump s aide said no"))
        self.assertNotEqual(bc.text_hash("trump s aide said no"), bc.text_hash("trump s aide said yes"))


class Splits(unittest.TestCase):
    @staticmethod
    def made_up_corpus():
        rng = random.Random(7)
        recs = []
        for d in range(120):
            domain = f"site{d}.com" if d % 10 else f"unknown:made_up:source{d}"
            size = 1 + int(rng.paretovariate(1.2)) % 60   # a few big sites, many small ones
            for k in range(size):
                recs.append({"id": f"{domain}:{k}", "domain": domain,
                             "label": "unreliable" if (d + k) % 3 == 0 else "reliable"})
        return recs

    def test_site_split_is_domain_disjoint_and_complete(self):
        recs = self.made_up_corpus()
        splits = bc.site_split(recs)
        bc.check_site_disjoint(splits)
        owner = {}
        for name, part in splits.items():
            for r in part:
                self.assertEqual(owner.setdefault(r["domain"], name), name)
        self.assertEqual(sorted(r["id"] for p in splits.values() for r in p), sorted(r["id"] for r in recs))
        share = len(splits["train"]) / len(recs)
        self.assertGreater(share, 0.55)
        self.assertLess(share, 0.85)
        self.assertTrue(splits["valid"] and splits["test"])

    def test_site_split_is_deterministic_and_salted(self):
        recs = self.made_up_corpus()
        a = bc.site_split(recs)
        b = bc.site_split(list(reversed(recs)))
        self.assertEqual({n: sorted(r["id"] for r in p) for n, p in a.items()},
                         {n: sorted(r["id"] for r in p) for n, p in b.items()})
        c = bc.site_split(recs, salt="another salt")
        self.assertNotEqual(sorted(r["id"] for r in a["test"]), sorted(r["id"] for r in c["test"]))

    def test_check_site_disjoint_catches_a_crossing(self):
        with self.assertRaises(AssertionError):
            bc.check_site_disjoint({"train": [{"domain": "a.com"}], "valid": [], "test": [{"domain": "a.com"}]})

    def test_random_split_shares_and_seed(self):
        recs = self.made_up_corpus()
        a = bc.random_split(recs)
        self.assertEqual(len(a["train"]), round(0.7 * len(recs)))
        self.assertEqual(len(a["train"]) + len(a["valid"]), round(0.8 * len(recs)))
        self.assertEqual(sum(len(p) for p in a.values()), len(recs))
        self.assertEqual([r["id"] for r in a["test"]], [r["id"] for r in bc.random_split(list(reversed(recs)))["test"]])


class NewDatasets(unittest.TestCase):
    def test_fakehealth_rule(self):
        self.assertEqual(bc.fakehealth_label(0), ("unreliable", "rating 0"))
        self.assertEqual(bc.fakehealth_label(2), ("unreliable", "rating 2"))
        self.assertEqual(bc.fakehealth_label(3), ("reliable", "rating 3"))
        self.assertEqual(bc.fakehealth_label(5), ("reliable", "rating 5"))
        self.assertIsNone(bc.fakehealth_label(None)[0])

    def test_hyperpartisan_mapping(self):
        self.assertEqual(bc.hyperpartisan_label("true"), ("unreliable", "hyperpartisan"))
        self.assertEqual(bc.hyperpartisan_label(False), ("reliable", "not hyperpartisan"))

    def test_label_level(self):
        self.assertEqual(bc._record("a", "fakenewsnet_politifact", "", "", "x", "reliable", "real")["label_level"], "article")
        self.assertEqual(bc._record("b", "fakenewscorpus_sample", "", "", "x", "reliable", "reliable",
                                    eval_only=True)["label_level"], "site")
        self.assertEqual(bc._record("c", "recovery_covid_news", "", "", "x", "reliable", "mbfc:high",
                                    level="site")["label_level"], "site")

    def test_site_label_never_removes_an_article_label(self):
        art = dict(bc._record("a", "fakehealth_healthstory", "", "", "t", "reliable", "rating 4"), _order=1)
        site = dict(bc._record("s", "allsides_mbfc", "", "", "t", "unreliable", "mbfc:low", level="site"), _order=0)
        self.assertEqual(bc.group_labels([site, art]), {"reliable"})
        self.assertIs(bc.keep_best([site, art]), art)


class AllSidesJoin(unittest.TestCase):
    def test_newest_mbfc_snapshot_decides(self):
        self.assertEqual(bc.site_reliability({"mbfcext": "very-high", "mbfc_emnlp18": "high"}),
                         ("reliable", "mbfc:very-high", "rated", False))
        self.assertEqual(bc.site_reliability({"mbfcext": "mostly-factual"})[0], "reliable")
        self.assertEqual(bc.site_reliability({"mbfcext": "very-low", "mbfc_acl2020": "high"}),
                         ("unreliable", "mbfc:very-low", "rated", True))
        self.assertEqual(bc.site_reliability({"mbfc_acl2020": "low", "mbfc_emnlp18": "mixed"}),
                         ("unreliable", "mbfc:low", "rated", True))
        self.assertEqual(bc.site_reliability({"mbfcext": "mixed", "mbfc_emnlp18": "high"})[:3], (None, "mbfc:mixed", "mixed"))
        self.assertEqual(bc.site_reliability(None)[:3], (None, "unrated", "unrated"))

    def test_reads_the_reputation_table(self):
        import tempfile
        with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False, encoding="utf-8") as f:
            f.write("# comment\n"
                    "good.com\tmbfcext\t2026-08-19\treliable\thigh\tcenter\t-\n"
                    "good.com\topensources\t2017-04\tunreliable\t-\t-\t-\n"
                    "bad.com\tmbfc_acl2020\t2020-07\tunreliable\tlow\tright\t-\n"
                    "odd.com\tlasser/mbfc\t2021-05-17\tunreliable\t-\t-\t-\n")
        try:
            table = bc.read_mbfc_factuality(f.name)
        finally:
            os.unlink(f.name)
        self.assertEqual(table, {"good.com": {"mbfcext": "high"}, "bad.com": {"mbfc_acl2020": "low"}})

    def test_join_cap_and_counts(self):
        by_site = {"good.com": [{"ID": f"g{i}", "url": f"http://good.com/{i}", "title": "t", "text": "x"} for i in range(5)],
                   "bad.com": [{"ID": "b0", "url": "http://bad.com/0", "title": "t", "text": "x"}],
                   "meh.com": [{"ID": "m0", "url": "http://meh.com/0", "title": "t", "text": "x"}],
                   "who.com": [{"ID": "w0", "url": "http://who.com/0", "title": "t", "text": "x"}]}
        table = {"good.com": {"mbfcext": "high"}, "bad.com": {"mbfcext": "low"}, "meh.com": {"mbfcext": "mixed"}}
        join = {}
        recs = list(bc.allsides_records(by_site, table, join, cap=3))
        self.assertEqual(sorted((r["_site"], r["label"]) for r in recs),
                         [("bad.com", "unreliable")] + [("good.com", "reliable")] * 3)
        self.assertTrue(all(r["label_level"] == "site" and r["dataset"] == "allsides_mbfc" for r in recs))
        self.assertEqual(join["sites"], {"mixed": 1, "rated:reliable": 1, "rated:unreliable": 1, "unrated": 1})
        self.assertEqual(join["articles"]["over_cap:reliable"], 2)
        again = list(bc.allsides_records({k: list(reversed(v)) for k, v in by_site.items()}, table, {}, cap=3))
        self.assertEqual([r["id"] for r in recs], [r["id"] for r in again])   # chosen by id hash, not order


TOWNS = ["Alder", "Birch", "Cedar", "Dogwood", "Elm", "Fir", "Ginkgo", "Hazel", "Ivy", "Juniper", "Larch"]


class Boilerplate(unittest.TestCase):
    @staticmethod
    def site(domain, n, footer=None, lead=None):
        recs = []
        for i in range(n):
            town, mayor = TOWNS[i % len(TOWNS)], TOWNS[(i * 7 + 3) % len(TOWNS)]  # digits do not tell texts apart
            body = (f"Story of {town} tells how the council of {town} voted on the {mayor} plan for the bridge. "
                    f"The mayor of {mayor} said that the {town} vote was close and that work starts in spring.")
            text = (lead + " " if lead else "") + body + ("\n" + footer if footer else "")
            recs.append({"dataset": "made_up", "domain": domain, "text": text})
        return recs

    def test_recurring_footer_goes_and_a_single_line_stays(self):
        recs = self.site("madeup.example", 10, footer="The views expressed here do not reflect those of Made Up News.")
        recs[0]["text"] += "\nA line that occurs only once stays in place."
        other = self.site("other.example", 10)
        other[3]["text"] += "\nThe views expressed here do not reflect those of Made Up News."
        bc.DATASETS.append("made_up")
        try:
            stats = bc.strip_boilerplate(recs + other)
        finally:
            bc.DATASETS.remove("made_up")
        for r in recs:
            self.assertNotIn("Made Up News", r["text"])
            self.assertTrue(r["text"].startswith("Story "))
        self.assertIn("A line that occurs only once stays in place.", recs[0]["text"])
        self.assertIn("Made Up News", other[3]["text"])   # once on its own site: not boilerplate there
        self.assertEqual(stats["made_up"]["records_touched"], 10)
        self.assertEqual(stats["made_up"]["segments_removed"], 10)

    def test_sentences_of_texts_without_line_breaks(self):
        recs = self.site("flat.example", 6)
        for r in recs:
            r["text"] = r["text"] + " Share this story! Follow us on Twitter: https://t.co/" + r["text"][9:12]
        segs, _ = bc.boilerplate(recs)
        self.assertIn("share this story", segs["flat.example"])
        self.assertIn("follow us on twitter url", segs["flat.example"])
        text, removed, _ = bc.strip_text(recs[0]["text"], segs["flat.example"], None)
        self.assertEqual(len(removed), 2)
        self.assertTrue(text.endswith("starts in spring."), text)

    def test_copies_count_once_and_abbreviations_do_not_split(self):
        recs = [{"dataset": "made_up", "domain": "copies.example",
                 "text": "Mr. Smith met Donald J. Trump in the U.S. on Monday. It was a short meeting."} for _ in range(5)]
        recs += self.site("copies.example", 3)
        segs, _ = bc.boilerplate(recs)
        self.assertNotIn("copies.example", segs)
        self.assertEqual(bc.text_segments("Mr. Smith met Donald J. Trump in the U.S. on Monday. It was short.")[0],
                         ["Mr. Smith met Donald J. Trump in the U.S. on Monday.", "It was short."])

    def test_recurring_leading_name(self):
        recs = self.site("natural.example", 8, lead="(Made Up News)")
        recs += self.site("natural.example", 1, lead="(Reuters) -")
        segs, names = bc.boilerplate(recs)
        self.assertEqual(names, {"natural.example": {"made up news"}})
        text, _, gone = bc.strip_text(recs[0]["text"], segs.get("natural.example"), names["natural.example"])
        self.assertEqual(gone, "(Made Up News)")
        self.assertTrue(text.startswith("Story of Alder"))
        self.assertEqual(bc.strip_text(recs[-1]["text"], None, names["natural.example"])[2], "")


if __name__ == "__main__":
    unittest.main()
