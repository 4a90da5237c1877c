#!/usr/bin/python3
"""Builds credence's normalised credibility corpus and its site-disjoint and random splits.

Reads eight labelled sets from ../shared/data and writes one JSONL corpus, one record a line:
  id, dataset, domain, url, title, text, label (reliable | unreliable), fine_label (the
  dataset's own label), eval_only (true only for FakeNewsCorpus), label_level ("article" when
  the label was given to the article, "site" when the article inherits its site's label).
Sets and labels (label_level):
  fakenewsnet_politifact, fakenewsnet_gossipcop   fake -> unreliable, real -> reliable (article)
  buzzfeed_webis_2016   mostly true -> reliable; mostly false, mixture -> unreliable;
                        no factual content -> left out (article)
  isot_subset           fake -> unreliable, true -> reliable, after clean_isot() strips the
                        datelines, publisher templates and image credits that give the label
                        away, and evens out quote marks and glued sentences (see clean_isot) (article)
  fakehealth_healthstory  HealthStory expert rating < 3 -> unreliable, >= 3 -> reliable; the
                        HealthRelease press releases (no overall rating) are left out; review
                        fields never become input (article)
  semeval2019_hyperpartisan  hyperpartisan -> unreliable, not -> reliable (article)
  recovery_covid_news   ReCOVery's site reliability 1 -> reliable, 0 -> unreliable (site)
  allsides_mbfc         AllSides articles (bias labels unused) labelled by their outlet's MBFC
                        factual reporting in data/source_reputation.tsv, newest MBFC snapshot
                        first: (very) high, mostly factual -> reliable; (very) low -> unreliable;
                        mixed and unrated sites left out; at most 60 articles a site (site)
  fakenewscorpus_sample the site's OpenSources types (websites.csv) -> label; eval_only (site)
Before any filter, strip_boilerplate() removes, per registered domain, the sentences (of lines, or
of texts without line breaks) that recur in >= 3 and >= 10% of the site's distinct texts, and a
recurring parenthesised self-name opening the text ("(Natural News)", "Washington (CNN)").
Filters, in order, with a table of counts per dataset and label after each:
  short (< 200 chars), error pages (ERROR_PATTERNS), fact-checker write-ups (FACT_CHECKERS),
  templates (one text under >= 5 URLs), label conflicts (one text or one URL with both labels:
  every copy goes; article-level labels outrank site-level ones, which outrank eval_only ones),
  exact duplicates (normalised-text hash), near-duplicate label conflicts and near duplicates
  (MinHash over word 5-shingles with LSH banding, verified by exact Jaccard >= 0.8).
Splits: site (every registered domain on one side; domains ordered by a salted hash and cut at
70/10/20 of the documents; applies to every dataset, AllSides' own media split is not used) and
random (same shares, fixed seed); eval_only records apart.

Usage: tools/build_corpus.py [--shared ../shared] --out DIR
Writes DIR/corpus.jsonl, DIR/corpus_stats.json, DIR/splits/{site,random}/{train,valid,test}.jsonl
and DIR/splits/eval_only.jsonl. Standard library only; run with Debian's /usr/bin/python3.
docs/corpus.md explains every rule and gives the counts.
"""

import argparse
import bisect
import collections
import csv
import gzip
import hashlib
import json
import lzma
import os
import random
import re
import sys
import time
import unicodedata
import urllib.parse

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# In order of precedence when duplicates meet (keep_best): article-level labels first.
DATASETS = ["fakenewsnet_politifact", "fakenewsnet_gossipcop", "buzzfeed_webis_2016",
            "isot_subset", "fakehealth_healthstory", "semeval2019_hyperpartisan",
            "recovery_covid_news", "allsides_mbfc", "fakenewscorpus_sample"]
LABELS = ["reliable", "unreliable"]
SPLITS = ["train", "valid", "test"]
FRACTIONS = (0.7, 0.1, 0.2)
SITE_SALT = "credence-site-split-v1"
RANDOM_SEED = 20240301
MIN_CHARS = 200
TEMPLATE_MIN_URLS = 5
NEAR_DUP_JACCARD = 0.8
MINHASH_BANDS, MINHASH_ROWS = 32, 4  # 128 values; P(candidate | J=0.8) > 0.9999999
SHINGLE_WORDS = 5

# --------------------------------------------------------------------------- domains

# Hosts that wrap another page; the wrapped URL follows in the path (web.archive.org/web/TS/URL).
ARCHIVE_HOSTS = {"web.archive.org", "wayback.archive.org", "archive.is", "archive.today",
                 "archive.ph", "archive.li", "archive.vn", "archive.fo", "archive.md",
                 "webarchive.loc.gov", "webarchive.nationalarchives.gov.uk", "arquivo.pt",
                 "webcitation.org", "webcache.googleusercontent.com"}
# Redirectors that carry the target in a query parameter.
REDIRECT_PARAMS = {"google.com": ("q", "url"), "l.facebook.com": ("u",), "lm.facebook.com": ("u",),
                   "out.reddit.com": ("url",)}
# Public suffixes of two labels that the heuristic in suffix_labels() would miss, and hosting
# platforms whose subdomains are separate publishers (the Public Suffix List's private part).
MULTI_PART_SUFFIXES = {"blogspot.com", "wordpress.com", "tumblr.com", "substack.com", "github.io",
                       "weebly.com", "wixsite.com", "typepad.com", "livejournal.com",
                       "co.com", "us.com", "uk.com", "eu.com"}
# Second-level labels that form a public suffix under a two-letter country code: co.uk, com.au,
# org.uk, co.nz, gov.uk, ac.uk, ne.jp, go.kr, gob.mx, ...
CC_SECOND_LEVEL = {"co", "com", "net", "org", "gov", "govt", "edu", "ac", "or", "ne", "go",
                   "gob", "mil", "nic", "ltd", "plc", "sch", "nhs", "asn", "id", "gv", "info",
                   "biz", "nom", "web", "res"}
EMBEDDED_URL = re.compile(r"(?i)https?:/+|(?<=/)www\.")
WEBCACHE_URL = re.compile(r"cache:[^:/]*:([^+&\s]+)")


def suffix_labels(labels):
    """Returns how many trailing labels of a host form its public suffix (1, 2 or 3)."""
    if len(labels) >= 3 and labels[-2] == "blogspot":            # blogspot.co.uk style
        return 2
    if len(labels) >= 4 and labels[-3] == "blogspot":
        return 3
    if ".".join(labels[-2:]) in MULTI_PART_SUFFIXES:
        return 2
    if len(labels[-1]) == 2 and labels[-2] in CC_SECOND_LEVEL:
        return 2
    return 1


def registered_domain(host):
    """Returns the registered domain of a host name: www.nytimes.com -> nytimes.com,
    news.bbc.co.uk -> bbc.co.uk; IP addresses come back as they are."""
    host = (host or "").strip().lower().rstrip(".")
    if not host or re.fullmatch(r"[\d.]+|\[?[0-9a-f:]+\]?", host):
        return host
    labels = [x for x in host.split(".") if x]
    while len(labels) > 2 and re.fullmatch(r"www\d*", labels[0]):  # www.tumblr.com -> tumblr.com
        labels = labels[1:]
    keep = suffix_labels(labels) + 1
    return ".".join(labels[-keep:]) if len(labels) > keep else ".".join(labels)


def _split_url(url):
    url = url.strip()
    if not re.match(r"(?i)^[a-z][a-z0-9+.-]*:/", url):
        url = "http://" + url.lstrip("/")
    url = re.sub(r"(?i)^(https?):/+", r"\1://", url)  # "http:/x.com" seen inside archive URLs
    parts = urllib.parse.urlsplit(url)
    try:
        host = parts.hostname or ""
    except ValueError:
        host = ""
    return parts, host


def unwrap_url(url, depth=0):
    """Returns (url of the original page, the wrapper's host or "" if there is none).
    An archive link without the original URL (archive.is/AbCd) stays as it is, its host returned."""
    parts, host = _split_url(url)
    bare = host[4:] if host.startswith("www.") else host
    if depth < 4 and (bare in ARCHIVE_HOSTS or host in ARCHIVE_HOSTS):
        rest = url.split(parts.netloc, 1)[-1] if parts.netloc else parts.path
        m = WEBCACHE_URL.search(urllib.parse.unquote(rest))
        inner = m.group(1) if m else None
        if not m:
            m = EMBEDDED_URL.search(rest)
            inner = rest[m.start():] if m else None
        if inner:
            return unwrap_url(inner, depth + 1)[0], bare
        return url, bare  # archive.is/AbCd: the original is not in the link
    for suffix, params in REDIRECT_PARAMS.items():
        if depth < 4 and (bare == suffix or bare.endswith("." + suffix)) and parts.query:
            query = urllib.parse.parse_qs(parts.query)
            for p in params:
                if query.get(p) and re.match(r"(?i)https?://", query[p][0]):
                    return unwrap_url(query[p][0], depth + 1)[0], bare
    return url, ""


def url_domain(url):
    """Returns (registered domain of the page behind `url`, wrapper host unwrapped or "")."""
    if not url or not url.strip():
        return "", ""
    inner, wrapper = unwrap_url(url)
    _, host = _split_url(inner)
    return registered_domain(host), wrapper


def url_key(url):
    """Returns a comparison key for a URL: unwrapped, no scheme, no www., no fragment or
    trailing slash."""
    if not url:
        return ""
    inner, _ = unwrap_url(url)
    parts, host = _split_url(inner)
    host = host[4:] if host.startswith("www.") else host
    path = parts.path.rstrip("/")
    return host + path + ("?" + parts.query if parts.query else "")


# --------------------------------------------------------------------------- ISOT cleaning

# Editorial notes Reuters puts first: "(In Dec. 25 story, corrects name of ...)".
_ISOT_NOTE = re.compile(r"^\s*\((?:[^()]|\([^()]*\))*?\b(?:[Cc]orrects?|[Rr]efiles?|[Uu]pdates?|"
                        r"[Aa]dds?|[Rr]emoves?|[Ff]ixes)\b(?:[^()]|\([^()]*\))*\)\s*")
# "WASHINGTON (Reuters) - ", "WEST PALM BEACH, Fla./WASHINGTON (Reuters) - ", "(Reuters) - ",
# "By Jane Doe (Reuters) - ", "LONDON (AP) — ", "NEW YORK (LPC/IFR) - ", "WASHINGTON (Reuters on
# Friday ) - ", and "WASHINGTON () - " with the agency already cut.
_DATELINE = re.compile(r"^\s*(?:[^()\n]{0,100}?\s*)?\((?:(?:Reuters|AP|AFP|UPI|CNN|Bloomberg|Xinhua|dpa|"
                       r"IANS|PTI)[^()\n]{0,20}|[A-Z]{2,}(?:/[A-Z]{2,})*|)\)\s*[-\u2013\u2014]+\s*")
# Reuters's digest of presidential tweets opens and closes with a fixed template.
_TWEET_DIGEST_HEAD = re.compile(r"^The following statements? (?:was|were) posted to the verified "
                                r"Twitter accounts?.*?(?:edited|confirmed) (?:the statements? or "
                                r"confirmed )?(?:their|its) accuracy\.\s*", re.S)
_TWEET_DIGEST_TAIL = re.compile(r"\s*-*\s*Source links?:\s*(?:\([^)]*\)\s*)*$")
_TWEET_DIGEST_STAMP = re.compile(r"\s*\[\d{3,4} (?:EST|EDT)\]")
# Image credits at the end: "...at it.Featured image via Alex Wong/Getty Images",
# "...2017Featured image via screengrab", "Photo by Win McNamee/Getty Images.", "Image via screen
# capture.". A capitalised "Featured image" may be glued to the word before it; the other cues
# (and a lower-case "featured image") must start a sentence, so that "the magazine featured
# photos of her" stays.
_SENTENCE_START = r"(?:(?<=[.!?:;\"'\u201d\u2019)\]0-9])|^)\s*"
_TRAILING_CREDIT = re.compile(
    r"(?:Feature[ds]?\s+(?:[Ii]mage|[Pp]hoto|[Ii]amge|[Pp]ic)"
    r"|" + _SENTENCE_START + r"feature[ds]?\s+(?:image|photo|iamge|pic)"
    r"|(?:" + _SENTENCE_START + r"|(?<=\s))"
    r"(?:(?:Photos?|Images?|Pictures?|Screenshot|Screengrab)\s+(?:by|via|of|from|courtesy|credit)\b"
    r"|(?:Photo|Image)\s*(?:[Cc]redit)?\s*:))[^\n]*$")
# The same credit inside the text: "...look like? Photo by Drew Angerer/Getty ImagesThey looked".
_INLINE_CREDIT = re.compile(r"(?:[Ff]eatured\s+[Ii]mage|Photos?|Images?)\s+(?:via|by|courtesy of)\s+"
                            r"[A-Z][^.\n]{0,80}?/Getty Images(?: for [A-Z][\w.&' -]{0,40}?(?=[A-Z][a-z]|\s|$))?\.?")
CREDIT_WINDOW = 300  # a credit starts within the last 300 characters
_QUOTE_MARKS = re.compile("[\"'`\u00b4\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2032\u2033]")
_GLUED_SENTENCE = re.compile(r"(?<=[a-z0-9)][.!?])(?=[A-Z][a-z])")


def clean_isot(text):
    """Returns (text, list of what was done) for one ISOT text.

    ISOT's true articles are Reuters wires and its fake ones come from a few blogs, and each
    side carries its publisher's marks; left in, a classifier learns those instead of the
    writing. Removed: leading correction notes, datelines with an agency in parentheses, the
    Reuters tweet-digest template, an image credit in the last 300 characters and a Getty credit
    inside the text. Evened out
    (the fake texts lost every quote mark and apostrophe and the space between paragraphs when
    scraped, the true ones did not): every quote mark and apostrophe becomes a space, a space
    goes after a sentence glued to the next, and runs of white space become one space."""
    done = []
    t = text.strip()
    m = _ISOT_NOTE.match(t)
    if m:
        t, done = t[m.end():], done + ["correction_note"]
    m = _DATELINE.match(t)
    if m:
        t, done = t[m.end():], done + ["dateline"]
    m = _TWEET_DIGEST_HEAD.match(t)
    if m:
        t = _TWEET_DIGEST_STAMP.sub("", _TWEET_DIGEST_TAIL.sub("", t[m.end():]))
        done.append("tweet_digest_template")
    tail_start = max(0, len(t) - CREDIT_WINDOW)
    m = _TRAILING_CREDIT.search(t, tail_start)
    if m:
        t, done = t[:m.start()], done + ["image_credit"]
    t, n = _INLINE_CREDIT.subn(" ", t)
    if n:
        done.append("inline_image_credit")
    t2 = _QUOTE_MARKS.sub(" ", t)
    if t2 != t:
        done.append("quote_marks")
    t3 = _GLUED_SENTENCE.sub(" ", t2)
    if t3 != t2:
        done.append("glued_sentences")
    return re.sub(r"\s+", " ", t3).strip(), done


# --------------------------------------------------------------------------- readers

def _record(rid, dataset, url, title, text, label, fine_label, eval_only=False, portal="", level=None):
    """Returns a corpus record; label_level is "site" for labels given to a whole site, else "article"."""
    return {"id": rid, "dataset": dataset, "domain": "", "url": url or "", "title": (title or "").strip(),
            "text": (text or "").strip(), "label": label, "fine_label": fine_label, "eval_only": eval_only,
            "label_level": level or ("site" if eval_only else "article"), "_portal": portal}


def read_fakenewsnet(shared, portal):
    path = os.path.join(shared, "data/fakenewsnet_text", f"fakenewsnet_{portal}.jsonl.gz")
    mapping = {"fake": "unreliable", "real": "reliable"}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            yield _record(r["id"], f"fakenewsnet_{portal}", r.get("url"), r.get("title"), r.get("text"),
                          mapping.get(r["label"]), r["label"], portal=portal)


BUZZFEED_LABELS = {"mostly true": "reliable", "mostly false": "unreliable",
                   "mixture of true and false": "unreliable", "mixture": "unreliable",
                   "no factual content": None}


def read_buzzfeed(shared):
    path = os.path.join(shared, "data/buzzfeed_webis_2016/buzzfeed_webis_2016.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            rid = "buzzfeed_webis:" + r["id"].removesuffix(".xml")
            yield _record(rid, "buzzfeed_webis_2016", r.get("url") or r.get("uri"), r.get("title"),
                          r.get("mainText"), BUZZFEED_LABELS[r["veracity"]], r["veracity"],
                          portal=r.get("portal") or "")


def read_isot(shared, actions):
    """Yields ISOT records with clean_isot() applied; counts its actions per label in `actions`."""
    csv.field_size_limit(1 << 30)
    for name, fine, label in (("Fake.csv.gz", "fake", "unreliable"), ("True.csv.gz", "true", "reliable")):
        path = os.path.join(shared, "data/isot_subset_vatshayan", name)
        with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
            for i, r in enumerate(csv.DictReader(f)):
                text, done = clean_isot(r["text"])
                title = re.sub(r"\s+", " ", _QUOTE_MARKS.sub(" ", r["title"])).strip()
                actions[fine]["documents"] += 1
                for a in done:
                    actions[fine][a] += 1
                actions[fine]["any_strip"] += any(a in done for a in
                                                  ("correction_note", "dateline", "tweet_digest_template",
                                                   "image_credit", "inline_image_credit"))
                yield _record(f"isot:{fine}:{i:04d}", "isot_subset", "", title, text, label, fine, portal=fine)


OPENSOURCES_UNRELIABLE = {"fake", "satire", "bias", "conspiracy", "rumor", "state", "junksci", "hate",
                          "unreliable"}
OPENSOURCES_RELIABLE = {"reliable", "political", "clickbait"}  # "generally verifiable / credible"


def read_fakenewscorpus(shared, mismatch):
    """Yields the FakeNewsCorpus sample, labelled from all of the site's OpenSources types."""
    base = os.path.join(shared, "data/fakenewscorpus_sample")
    types = {}
    with open(os.path.join(base, "websites.csv"), encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            site = r["url"].strip().lower().removeprefix("www.")
            types[site] = [t.strip() for t in (r["type"], r["2nd_type"], r["3rd_type"]) if t and t.strip()]
    csv.field_size_limit(1 << 30)
    with gzip.open(os.path.join(base, "news_sample.csv.gz"), "rt", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            site = r["domain"].strip().lower().removeprefix("www.")
            site_types = types.get(site) or ([r["type"]] if r["type"] else [])
            if r["type"] and site_types[:1] != [r["type"]]:
                mismatch.append((site, r["type"], site_types))
            kinds = set(site_types)
            label = ("unreliable" if kinds & OPENSOURCES_UNRELIABLE else
                     "reliable" if kinds & OPENSOURCES_RELIABLE else None)
            yield _record("fakenewscorpus:" + r["id"], "fakenewscorpus_sample", r["url"], r["title"],
                          r["content"], label, "/".join(site_types) or "(none)", eval_only=True, portal=site)


def read_recovery(shared):
    """Yields ReCOVery: COVID-19 news from 55 sites, labelled by site (reliability 1 / 0)."""
    path = os.path.join(shared, "data/recovery_covid_news/recovery_news_by_site.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            label = {"1": "reliable", "0": "unreliable"}.get(str(r["reliability"]))
            rid = "recovery:" + r["file"].removesuffix(".csv").removeprefix("news-dataset").strip("-_") + ":" + r["news_id"]
            fine = "mbfc:" + (r.get("mbfc_level") or "-").strip().lower().replace(" ", "-")
            yield _record(rid, "recovery_covid_news", r.get("url"), r.get("title"), r.get("text"), label,
                          fine, portal=r.get("publisher") or "",
                          level="site")


def fakehealth_label(rating):
    """Returns (label, fine_label) for a HealthStory expert rating (0-5): the FakeHealth paper's rule,
    rating < 3 -> unreliable, >= 3 -> reliable; (None, ...) without a rating."""
    if rating is None or rating == "":
        return None, "no rating"
    rating = int(rating)
    return ("unreliable" if rating < 3 else "reliable"), f"rating {rating}"


def read_fakehealth(shared, notes):
    """Yields FakeHealth's HealthStory news stories, labelled from the reviewers' overall rating.
    HealthRelease press releases carry no overall rating and are left out (counted in `notes`).
    review_title and the other review fields are the reviewers' words and never become input."""
    path = os.path.join(shared, "data/fakehealth/fakehealth_content.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r.get("subset") != "HealthStory":
                notes[f"{r.get('subset')}_left_out"] += 1
                continue
            label, fine = fakehealth_label(r.get("rating"))
            yield _record("fakehealth:" + r["news_id"], "fakehealth_healthstory", r.get("url"), r.get("title"),
                          r.get("text"), label, fine, portal=r.get("site") or "")


def hyperpartisan_label(value):
    """Returns (label, fine_label) for SemEval-2019's by-article hyperpartisan flag."""
    v = str(value).strip().lower()
    if v == "true":
        return "unreliable", "hyperpartisan"
    if v == "false":
        return "reliable", "not hyperpartisan"
    return None, v or "(none)"


def read_hyperpartisan(shared):
    path = os.path.join(shared, "data/semeval2019_hyperpartisan_byarticle/hyperpartisan_byarticle.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            label, fine = hyperpartisan_label(r.get("hyperpartisan"))
            yield _record("hyperpartisan:" + r["id"], "semeval2019_hyperpartisan", r.get("url"), r.get("title"),
                          r.get("text"), label, fine, portal=r.get("site") or "")


# AllSides labels political bias, not reliability. Its articles get their outlet's MBFC factual
# reporting instead, looked up in data/source_reputation.tsv (tools/build_reputation.py) by the
# registered domain of source_url. MBFC's snapshots, newest first; the newest with a factuality wins.
MBFC_LISTS_NEWEST_FIRST = ("mbfcext", "mbfc_acl2020", "mbfc_emnlp18")
FACTUALITY_LABEL = {"very-high": "reliable", "high": "reliable", "mostly-factual": "reliable",
                    "mixed": None, "low": "unreliable", "very-low": "unreliable"}
ALLSIDES_PER_SITE = 60  # articles kept per registered domain, the lowest blake2b(id) first
REPUTATION_TSV = os.path.join(REPO, "data/source_reputation.tsv")


def read_mbfc_factuality(path):
    """Returns {registered domain: {MBFC list: factuality}} from source_reputation.tsv."""
    out = collections.defaultdict(dict)
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            domain, lst, _date, _rating, fact = line.rstrip("\n").split("\t")[:5]
            if lst in MBFC_LISTS_NEWEST_FIRST and fact in FACTUALITY_LABEL:
                out[domain][lst] = fact
    return dict(out)


def site_reliability(ratings):
    """Returns (label or None, fine_label, reason, older snapshot disagrees) for a site's MBFC
    factualities {list: factuality}. The newest snapshot with a factuality decides: high, very high,
    mostly factual -> reliable; low, very low -> unreliable; mixed -> None (reason "mixed"); no MBFC
    factuality -> None ("unrated"). `disagrees` is True when an older snapshot maps to another class."""
    have = [(lst, ratings[lst]) for lst in MBFC_LISTS_NEWEST_FIRST if lst in (ratings or {})]
    if not have:
        return None, "unrated", "unrated", False
    lst, fact = have[0]
    label = FACTUALITY_LABEL[fact]
    disagrees = any(FACTUALITY_LABEL[f] != label for _, f in have[1:])
    return label, f"mbfc:{fact}", ("rated" if label else "mixed"), disagrees


def _id_rank(rid):
    return hashlib.blake2b(rid.encode("utf-8"), digest_size=8).digest()


def read_allsides(shared, factuality, join):
    """Yields AllSides articles of outlets whose MBFC factuality gives a label, at most
    ALLSIDES_PER_SITE per registered domain (chosen by blake2b of the id); fills `join` with the
    counts of sites and articles kept and left out per reason."""
    path = os.path.join(shared, "data/allsides_article_bias/allsides_articles.jsonl.xz")
    by_site = collections.defaultdict(list)
    with lzma.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            site = registered_domain(_split_url(r.get("source_url") or "")[1]) or url_domain(r.get("url"))[0]
            by_site[site].append(r)
    yield from allsides_records(by_site, factuality, join)


def allsides_records(by_site, factuality, join, cap=ALLSIDES_PER_SITE):
    """The join and cap of read_allsides() on {site: [AllSides rows]} (rows: ID, url, title, text)."""
    sites, articles = collections.Counter(), collections.Counter()
    disagree = collections.Counter()
    for site in sorted(by_site):
        rows = by_site[site]
        label, fine, reason, older_disagrees = site_reliability(factuality.get(site))
        key = f"{reason}:{label}" if label else reason
        sites[key] += 1
        articles[key] += len(rows)
        if not label:
            continue
        disagree[label] += older_disagrees
        kept = sorted(rows, key=lambda r: _id_rank(r["ID"]))[:cap]
        articles[f"over_cap:{label}"] += len(rows) - len(kept)
        articles[f"kept:{label}"] += len(kept)
        for r in sorted(kept, key=lambda r: r["ID"]):
            rec = _record("allsides:" + r["ID"], "allsides_mbfc", r.get("url"), r.get("title"), r.get("text"),
                          label, fine, portal=site, level="site")
            rec["_site"] = site
            yield rec
    join.update(sites=dict(sorted(sites.items())), articles=dict(sorted(articles.items())),
                older_mbfc_snapshot_disagrees=dict(sorted(disagree.items())), per_site_cap=cap)


# --------------------------------------------------------------------------- text filters

# Pages that are not the article: consent walls, JavaScript and browser notices, 404s, paywalls,
# block pages, ad-blocker walls, parked domains. A text of at most ERROR_PAGE_MAX_CHARS is a crawl
# failure when a sentence (or line) matches and what is left without the matching ones is under
# MIN_CHARS: an article with a cookie line or a "please enable JavaScript to watch" note stays.
ERROR_PATTERNS = [
    ("javascript", r"enable javascript|javascript (?:is|must be|seems to be) "
                   r"(?:disabled|required|turned off|not enabled)|requires? javascript"),
    ("browser", r"(?:older|outdated|unsupported) (?:web )?browser|(?:upgrade|update) your browser"
                r"|browser (?:is not|isn't) supported"),
    ("not_found", r"page not found|\b404\b[^.]{0,30}(?:error|not found)"
                  r"|(?:page|article|content|story) you (?:are|were|'re) looking for"
                  r"|(?:could not|couldn't|can't|cannot) find (?:that|the|this) page"
                  r"|page (?:does not|doesn't|no longer) exists?"),
    ("removed", r"(?:article|page|content|video|post|story) (?:has been|was) (?:removed|deleted)"
                r"|(?:is|are) no longer available"),
    ("paywall", r"subscribe (?:now )?to (?:continue|read)|to continue reading|already a subscriber"
                r"|subscription required|(?:register|sign in|log in) to (?:continue|read)|subscribers only"),
    ("sign_in", r"already have an account\?|sign in with one of these services|create an account or sign in"
                r"|you need to be a member"),
    ("cookies", r"(?:we|this site|this website)(?: and our partners)? (?:use|uses|saves?) cookies"
                r"|by (?:continuing to )?(?:use|using|browse|browsing) (?:this|the|our) (?:site|website)"
                r"|cookie policy|consent to (?:the use of |these |our )?cookies"),
    ("blocked", r"access denied|403 forbidden|you have been blocked|are you a (?:robot|human)|captcha"
                r"|unusual traffic|checking your browser"),
    ("ad_blocker", r"(?:disable|turn off|whitelist)[^.]{0,20}ad ?blocker|you(?:'re| are) (?:using an? )?ad ?block"),
    ("moved", r"document has moved|moved permanently|object moved"),
    ("parked", r"domain .{0,40}(?:may be|is) for sale"),
    ("error", r"^\W*(?:error|oops)\b|an error (?:has )?occurred|something went wrong"),
]
_ERROR_RES = [(name, re.compile(rx, re.I)) for name, rx in ERROR_PATTERNS]
# One pass over the whole text that any segment's match implies (the "error" entry's ^ becomes
# "after a line or sentence end"): texts without a hit skip the per-segment scan.
_ERROR_ANY = re.compile("|".join(f"(?:{rx})" for _, rx in ERROR_PATTERNS).replace(
    r"^\W*(?:error|oops)", r"(?:^|(?<=[\n.!?]))\W*(?:error|oops)"), re.I)
ERROR_PAGE_MAX_CHARS = 2000  # longer texts are not examined (the longest page caught here has 332)
_SEGMENT = re.compile(r"\n+|(?<=[.!?])\s+")


def error_page(text):
    """Returns the name of the first ERROR_PATTERNS entry that makes `text` a crawl failure, or None."""
    if len(text) > ERROR_PAGE_MAX_CHARS or not _ERROR_ANY.search(text):
        return None
    first, kept = None, 0
    for seg in _SEGMENT.split(text):
        hit = next((name for name, rx in _ERROR_RES if rx.search(seg)), None)
        if hit:
            first = first or hit
        else:
            kept += len(seg.strip())
    return first if first and kept < MIN_CHARS else None


# The fact-checker's own write-ups, labelled with the story they check: pages on its site, and for
# GossipCop the texts that name Gossip Cop (its debunks, syndicated on imdb.com, inquisitr.com, ...;
# 352 of the unreliable texts and 10 of the reliable name it). Left in, the name predicts the label.
FACT_CHECKERS = {"fakenewsnet_politifact": ("politifact.com", None),
                 "fakenewsnet_gossipcop": ("gossipcop.com", re.compile(r"\bGossip ?Cop\b", re.I))}


def fact_checker_text(r):
    """Returns True for a FakeNewsNet record that is its fact-checker's own write-up."""
    checker = FACT_CHECKERS.get(r["dataset"])
    if not checker:
        return False
    site, name = checker
    return r["domain"] == site or bool(name and name.search(r["text"]))


_WORD = re.compile(r"\w+")


def words(text):
    """Returns the normalised words of a text: NFKC, case-folded, runs of letters and digits."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def text_hash(text):
    """Returns a hash of the normalised words: equal for texts that differ only in case,
    punctuation, quote marks or white space."""
    return hashlib.blake2b(" ".join(words(text)).encode("utf-8"), digest_size=16).hexdigest()


# --------------------------------------------------------------------------- boilerplate

# A publisher's boilerplate (a footer, a disclaimer, a share line, a self-name before the text) is
# found by measurement: per registered domain, a segment (a sentence of a line; texts without line
# breaks are cut into sentences the same way) whose normalised words recur in at least
# STRIP_MIN_TEXTS distinct texts and in at least STRIP_MIN_SHARE of the site's distinct texts is
# the site's, not the article's, and goes. Texts are counted once per normalised text, so that
# copies of one article do not make its sentences look like boilerplate. The same rule applies
# to a leading self-name in parentheses ("(Natural News) ...", "MOSCOW (Sputnik) - ", "(CNN)").
STRIP_MIN_TEXTS = 3
STRIP_MIN_SHARE = 0.10
# A sentence ends at . ! or ? (a closing quote or parenthesis may follow) before white space and a
# character that is not a lower-case letter, but not after an initial (U.S., J., a.m.) or a common
# abbreviation (Mr., Gov., Jan., Inc.): "Mr." or "Donald J." must not become a recurring segment.
ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gov", "Sen", "Rep", "Gen", "Lt", "Col", "Sgt",
                 "Capt", "Prof", "Rev", "Hon", "No", "Vol", "Inc", "Co", "Corp", "Ltd", "vs", "etc", "Jan",
                 "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mt", "Ft",
                 "Ave", "Fig", "Ph", "Rs", "Pres", "Dept", "Univ", "Assn", "Bros", "Sec", "Adm", "Supt")
_SENTENCE_SPLIT = re.compile(r"(?i:(?:(?<=[.!?])(?<!\b[a-z]\.)" + "".join(rf"(?<!\b{a}\.)" for a in ABBREVIATIONS)
                             + r"|(?<=[.!?][\"'\u201d\u2019)])))\s+(?![a-z])")
_LEADING_NAME = re.compile(r"^\s*(?:[A-Z][\w .,'/&-]{0,40}?\s*)?\(([^()\n]{2,40})\)\s*(?:[-\u2013\u2014:|]+\s*)?")
_DIGITS = re.compile(r"\d+")


_NON_WORD = re.compile(r"(?:[^\w\x00]|_)+")
_URL_IN_TEXT = re.compile(r"(?i)\b(?:https?://|www\.)[^\s\x00]+")  # "Read or Share this story: https://usat.ly/..."


def segment_keys(segments):
    """Returns the normalised form of each segment: its words (NFKC, case-folded), digits as 0, one
    space between; "" for a segment without a word. One normalisation for all of a text's segments."""
    joined = "\x00".join(s.replace("\x00", " ") for s in segments)
    joined = unicodedata.normalize("NFKC", _URL_IN_TEXT.sub(" url ", joined)).casefold()
    return [k.strip() for k in _NON_WORD.sub(" ", _DIGITS.sub("0", joined)).split("\x00")]


def segment_key(segment):
    return segment_keys([segment])[0]


def keyed_segments(text):
    """Returns [[(sentence, key), ...] per line] of a text."""
    lines = text_segments(text)
    keys = iter(segment_keys([seg for line in lines for seg in line]))
    return [[(seg, next(keys)) for seg in line] for line in lines]


def text_segments(text):
    """Returns the text as [[sentence, ...] per line]."""
    return [_SENTENCE_SPLIT.split(line.strip()) for line in text.split("\n")]


def leading_name(text):
    """Returns (normalised name, length of the match) of a parenthesised name opening the text,
    or ("", 0)."""
    m = _LEADING_NAME.match(text)
    return (segment_key(m.group(1)), m.end()) if m else ("", 0)


def boilerplate(recs, min_texts=STRIP_MIN_TEXTS, min_share=STRIP_MIN_SHARE):
    """Returns ({domain: set of recurring segment keys}, {domain: set of recurring leading names})."""
    seen = collections.defaultdict(set)          # domain -> hashes of its distinct texts
    seg_texts = collections.defaultdict(collections.Counter)
    lead_texts = collections.defaultdict(collections.Counter)
    for r in recs:
        h = r.get("_hash") or text_hash(r["text"])
        if h in seen[r["domain"]]:
            continue
        seen[r["domain"]].add(h)
        r["_segments"] = keyed_segments(r["text"])
        keys = {k for line in r["_segments"] for _, k in line}
        keys.discard("")
        seg_texts[r["domain"]].update(keys)
        name = leading_name(r["text"])[0]
        if name:
            lead_texts[r["domain"]][name] += 1

    def recurring(counts):
        out = {}
        for d, c in counts.items():
            need = max(min_texts, min_share * len(seen[d]))
            keys = {k for k, n in c.items() if n >= need}
            if keys:
                out[d] = keys
        return out

    return recurring(seg_texts), recurring(lead_texts)


def strip_text(text, segs, names, segments=None):
    """Returns (text without the recurring segments and leading name, segments removed, name removed).
    `segments` is keyed_segments(text) if known. A text from which nothing goes comes back unchanged."""
    name_gone = ""
    if names:
        name, end = leading_name(text)
        if name in names:
            text, name_gone, segments = text[end:], text[:end].strip(), None
    removed = []
    if segs:
        lines = []
        for line in segments or keyed_segments(text):
            kept = []
            for seg, key in line:
                if key in segs:
                    removed.append(seg)
                else:
                    kept.append(seg)
            lines.append(kept)
        if removed:
            text = re.sub(r"\n{3,}", "\n\n", "\n".join(" ".join(k) for k in lines)).strip()
    return text, removed, name_gone


def strip_boilerplate(recs, examples_per_dataset=8):
    """Strips every record's recurring segments and leading name in place; returns the stats per
    dataset: records touched, segments removed, leading names removed, characters removed, and the
    commonest segments removed with their domains."""
    for r in recs:
        r["_hash"] = text_hash(r["text"])
    segs, names = boilerplate(recs)
    stats = collections.defaultdict(collections.Counter)
    common = collections.defaultdict(collections.Counter)
    for r in recs:
        d = r["domain"]
        if d not in segs and d not in names:
            r.pop("_segments", None)
            continue
        before = len(r["text"])
        text, removed, name_gone = strip_text(r["text"], segs.get(d), names.get(d), r.pop("_segments", None))
        st = stats[r["dataset"]]
        st["documents_on_sites_with_boilerplate"] += 1
        if removed or name_gone:
            r["text"], r["_hash"] = text, text_hash(text)
            st["records_touched"] += 1
            st["segments_removed"] += len(removed)
            st["leading_names_removed"] += bool(name_gone)
            st["chars_removed"] += before - len(text)
            for seg in removed:
                common[r["dataset"]][(d, seg[:100])] += 1
            if name_gone:
                common[r["dataset"]][(d, name_gone[:100])] += 1
    out = {}
    for ds in DATASETS:
        if ds in stats:
            out[ds] = dict(stats[ds])
            out[ds]["commonest"] = [f"{d}: {seg} ({n})" for (d, seg), n in
                                    sorted(common[ds].items(), key=lambda x: (-x[1], x[0]))[:examples_per_dataset]]
    out["sites_with_recurring_segments"] = len(segs)
    out["recurring_segment_keys"] = sum(len(v) for v in segs.values())
    out["sites_with_leading_name"] = {d: sorted(v) for d, v in sorted(names.items())}
    return out


# --------------------------------------------------------------------------- MinHash

class ShingleHasher:
    """Hashes word 5-shingles to 64-bit signed ints. Each word gets blake2b (cached); a shingle is
    Python's hash of the tuple of its five word hashes, which is deterministic (tuples of ints are
    not salted by PYTHONHASHSEED) and runs in C."""

    def __init__(self):
        self.cache = {}

    def shingles(self, text):
        w = words(text)
        for x in set(w).difference(self.cache):
            self.cache[x] = int.from_bytes(hashlib.blake2b(x.encode("utf-8"), digest_size=8).digest(), "little")
        ids = list(map(self.cache.__getitem__, w))
        if len(ids) < SHINGLE_WORDS:
            return {hash(tuple(ids))} if ids else set()
        return set(map(hash, zip(*(ids[i:] for i in range(SHINGLE_WORDS)))))


_HASH_LOW = -(1 << 63)


def minhash_signature(shingles, k=MINHASH_BANDS * MINHASH_ROWS):
    """Returns k MinHash values from one hash per shingle: one-permutation hashing (the hash range
    cut into k bins, the minimum of each bin), with empty bins filled by rotation (Shrivastava
    and Li, 2014) so that two signatures agree in a position with probability ~ Jaccard."""
    hs = sorted(shingles)
    width = (1 << 64) // k
    sig = [None] * k
    i = 0
    for b in range(k):
        lo = _HASH_LOW + b * width
        i = bisect.bisect_left(hs, lo, i)
        if i < len(hs) and hs[i] < lo + width:
            sig[b] = hs[i] - lo
    if not hs:
        return tuple([0] * k)
    for b in range(k):
        if sig[b] is None:
            t = 1
            while sig[(b + t) % k] is None:
                t += 1
            sig[b] = sig[(b + t) % k] + t * width
    return tuple(sig)


def jaccard(a, b):
    return len(a & b) / len(a | b) if a or b else 1.0


def near_duplicate_pairs(texts, threshold=NEAR_DUP_JACCARD, bands=MINHASH_BANDS, rows=MINHASH_ROWS, stats=None):
    """Returns [(i, j, jaccard)] for i < j whose word 5-shingle Jaccard is >= threshold.
    Candidates come from LSH banding of MinHash signatures; each is verified exactly."""
    hasher = ShingleHasher()
    buckets = collections.defaultdict(list)
    for i, t in enumerate(texts):
        sig = minhash_signature(hasher.shingles(t), bands * rows)
        for b in range(bands):
            buckets[(b, sig[b * rows:(b + 1) * rows])].append(i)
    candidates = set()
    for members in buckets.values():
        if len(members) > 1:
            for x in range(len(members)):
                for y in range(x + 1, len(members)):
                    candidates.add((members[x], members[y]))
    cache = {}

    def shingles(i):
        if i not in cache:
            cache[i] = hasher.shingles(texts[i])
        return cache[i]

    pairs = []
    histogram = collections.Counter()
    for i, j in sorted(candidates):
        s = jaccard(shingles(i), shingles(j))
        histogram[f"{min(int(s * 10), 9) / 10:.1f}"] += 1
        if s >= threshold:
            pairs.append((i, j, s))
    if stats is not None:
        stats.update(candidate_pairs=len(candidates), verified_pairs=len(pairs),
                     candidate_jaccard_from=dict(sorted(histogram.items())))
    return pairs


def clusters_from_pairs(n, pairs):
    """Returns the connected components (lists of indices, each sorted) with more than one member."""
    parent = list(range(n))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j, _ in pairs:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    groups = collections.defaultdict(list)
    for i in range(n):
        groups[find(i)].append(i)
    return [g for g in groups.values() if len(g) > 1]


# --------------------------------------------------------------------------- splits

def _shares(n, fractions):
    a = round(n * fractions[0])
    b = round(n * (fractions[0] + fractions[1]))
    return a, b


def site_split(records, salt=SITE_SALT, fractions=FRACTIONS):
    """Returns {"train", "valid", "test": records} with every domain on one side only.

    Domains are ordered by blake2b(salt + domain) and walked in that order, counting documents;
    a domain goes to the split in which the middle of its run of documents falls, so the splits
    come out near 70/10/20 of the documents whatever the domains' sizes."""
    by_domain = collections.defaultdict(list)
    for r in records:
        by_domain[r["domain"]].append(r)
    order = sorted(by_domain, key=lambda d: hashlib.blake2b((salt + "\0" + d).encode("utf-8"),
                                                            digest_size=8).digest())
    n = len(records)
    cut1, cut2 = n * fractions[0], n * (fractions[0] + fractions[1])
    out = {s: [] for s in SPLITS}
    seen = 0
    for d in order:
        docs = by_domain[d]
        mid = seen + len(docs) / 2
        out["train" if mid < cut1 else "valid" if mid < cut2 else "test"].extend(docs)
        seen += len(docs)
    check_site_disjoint(out)
    return out


def check_site_disjoint(splits):
    """Raises AssertionError if a domain has records in more than one split."""
    owner = {}
    for name, recs in splits.items():
        for r in recs:
            if owner.setdefault(r["domain"], name) != name:
                raise AssertionError(f"domain {r['domain']!r} is in both {owner[r['domain']]} and {name}")


def random_split(records, seed=RANDOM_SEED, fractions=FRACTIONS):
    """Returns {"train", "valid", "test": records}: a shuffle with a fixed seed, cut at the fractions."""
    recs = sorted(records, key=lambda r: r["id"])
    random.Random(seed).shuffle(recs)
    a, b = _shares(len(recs), fractions)
    return {"train": recs[:a], "valid": recs[a:b], "test": recs[b:]}


# --------------------------------------------------------------------------- pipeline

def assign_domain(r):
    """Sets r["domain"] (and r["_wrapper"]): the URL's registered domain, or for a record without
    a usable URL the stand-in unknown:<dataset>:<portal or source>."""
    dom, r["_wrapper"] = url_domain(r["url"]) if r["url"] else ("", "")
    dom = r.get("_site") or dom  # AllSides: the outlet its label belongs to (source_url)
    r["domain"] = dom or f"unknown:{r['dataset']}:{r['_portal'] or 'none'}"


def domain_stats(recs):
    unwrapped = collections.Counter(r["_wrapper"] for r in recs if r["_wrapper"])
    unresolved = sum(1 for r in recs if r["_wrapper"] and registered_domain(r["_wrapper"]) == r["domain"])
    stand_in = collections.Counter(r["domain"] for r in recs if r["domain"].startswith("unknown:"))
    return {"distinct": len({r["domain"] for r in recs}), "unwrapped": dict(unwrapped.most_common()),
            "archive_unresolved": unresolved, "stand_in": dict(stand_in.most_common()),
            "top": collections.Counter(r["domain"] for r in recs if not r["eval_only"]).most_common(25)}


def label_tier(r):
    """0 for a training record labelled per article, 1 per site, 2 for an eval_only record."""
    return 2 if r["eval_only"] else 0 if r["label_level"] == "article" else 1


def keep_best(group):
    """Returns the record of a duplicate group to keep: by label_tier (an article-level training
    label, then a site-level one, then eval_only), then the dataset that comes first in DATASETS,
    then the first read."""
    return min(group, key=lambda r: (label_tier(r), DATASETS.index(r["dataset"]), r["_order"]))


def group_labels(group):
    """Returns the labels that count in a group: those of its best label_tier (a site-level label
    never removes an article-level one, an eval_only label never removes a training one)."""
    best = min(label_tier(r) for r in group)
    return {r["label"] for r in group if label_tier(r) == best}


def count(records):
    return collections.Counter((r["dataset"], r["label"] or "(none)") for r in records)


def keyed(counter):
    return {f"{d}/{l}": n for (d, l), n in sorted(counter.items())}


def group_by(recs, key):
    groups = collections.defaultdict(list)
    for r in recs:
        if r[key]:
            groups[r[key]].append(r)
    return groups


# Each filter takes the records left and returns (records kept, what it removed, for the stats).

def drop_unlabelled(recs):
    return [r for r in recs if r["label"]], keyed(count(r for r in recs if not r["label"]))


def drop_short(recs):
    return [r for r in recs if len(r["text"]) >= MIN_CHARS], {}


def drop_error_pages(recs):
    hits, kept = collections.Counter(), []
    for r in recs:
        e = error_page(r["text"])
        if e:
            hits[e] += 1
        else:
            kept.append(r)
    return kept, dict(hits.most_common())


def drop_fact_checks(recs):
    gone = [r for r in recs if fact_checker_text(r)]
    return [r for r in recs if not fact_checker_text(r)], keyed(count(gone))


def drop_templates(recs):
    """Drops every copy of a text found under TEMPLATE_MIN_URLS or more different URLs: a site's
    sign-up box, consent page or placeholder captured instead of the article."""
    by_hash = group_by(recs, "_hash")
    templates = [g for g in by_hash.values() if len({x["_url"] or x["id"] for x in g}) >= TEMPLATE_MIN_URLS]
    templates.sort(key=lambda g: -len(g))
    gone = {r["_hash"] for g in templates for r in g}
    info = [{"copies": len(g), "labels": keyed(count(g)), "start": g[0]["text"][:70]} for g in templates]
    return [r for r in recs if r["_hash"] not in gone], info


def drop_label_conflicts(recs):
    """Drops every copy of a text, and every record of a URL, that carries both labels."""
    bad_text = {id(x) for g in group_by(recs, "_hash").values() if len(group_labels(g)) > 1 for x in g}
    bad_url = {id(x) for g in group_by(recs, "_url").values() if len(group_labels(g)) > 1 for x in g}
    bad = bad_text | bad_url
    return [r for r in recs if id(r) not in bad], {"same_text": len(bad_text), "same_url_only": len(bad - bad_text)}


def drop_exact_duplicates(recs):
    groups = [g for g in group_by(recs, "_hash").values() if len(g) > 1]
    gone = {id(x) for g in groups for x in g if x is not keep_best(g)}
    info = {"groups": len(groups), "copies_removed": len(gone),
            "groups_across_datasets": sum(1 for g in groups if len({r["dataset"] for r in g}) > 1),
            "groups_across_domains": sum(1 for g in groups if len({r["domain"] for r in g}) > 1)}
    return [r for r in recs if id(r) not in gone], info


def near_duplicates(recs):
    """Returns (ids of records in near-duplicate clusters with both labels, ids of the other
    clusters' records that are not kept, stats)."""
    info = {}
    pairs = near_duplicate_pairs([r["text"] for r in recs], stats=info)
    info["pairs_by_datasets"] = dict(collections.Counter(
        " ~ ".join(sorted((recs[i]["dataset"], recs[j]["dataset"]))) for i, j, _ in pairs).most_common())
    info["pairs_cross_domain"] = sum(1 for i, j, _ in pairs if recs[i]["domain"] != recs[j]["domain"])
    clusters = clusters_from_pairs(len(recs), pairs)
    info["clusters"] = len(clusters)
    info["cluster_sizes"] = {str(k): n for k, n in sorted(collections.Counter(len(c) for c in clusters).items())}
    conflict, dup = set(), set()
    for c in clusters:
        members = [recs[i] for i in c]
        if len(group_labels(members)) > 1:
            conflict.update(id(x) for x in members)
        else:
            best = keep_best(members)
            dup.update(id(x) for x in members if x is not best)
    return conflict, dup, info


def load(shared, isot_actions, fnc_mismatch, notes, join, reputation=REPUTATION_TSV):
    recs = [*read_fakenewsnet(shared, "politifact"), *read_fakenewsnet(shared, "gossipcop"),
            *read_buzzfeed(shared), *read_isot(shared, isot_actions), *read_fakehealth(shared, notes),
            *read_hyperpartisan(shared), *read_recovery(shared),
            *read_allsides(shared, read_mbfc_factuality(reputation), join),
            *read_fakenewscorpus(shared, fnc_mismatch)]
    seen = collections.Counter()
    for i, r in enumerate(recs):
        seen[r["id"]] += 1
        if seen[r["id"]] > 1:  # make every id unique should a set repeat one
            r["id"] = f"{r['id']}#{seen[r['id']]}"
        r["_order"] = i
        assign_domain(r)
    return recs


def build(shared, out_dir):
    """Runs the whole build; returns the stats written to DIR/corpus_stats.json."""
    t0 = time.time()
    isot_actions = {"fake": collections.Counter(), "true": collections.Counter()}
    fnc_mismatch, fakehealth_notes, allsides_join = [], collections.Counter(), {}
    recs = load(shared, isot_actions, fnc_mismatch, fakehealth_notes, allsides_join)
    stages, removed = [("loaded", count(recs))], {}
    t_load = time.time() - t0
    boilerplate_stats = strip_boilerplate(recs)
    stages.append(("boilerplate", count(recs)))
    seconds = {"load": round(t_load, 1), "boilerplate": round(time.time() - t0 - t_load, 1)}

    def run(name, fn):
        nonlocal recs
        t = time.time()
        recs, removed[name] = fn(recs)
        stages.append((name, count(recs)))
        seconds[name] = round(time.time() - t, 1)

    run("labelled", drop_unlabelled)
    run("short", drop_short)
    run("error_pages", drop_error_pages)
    run("fact_checks", drop_fact_checks)
    for r in recs:
        r["_url"] = url_key(r["url"])  # r["_hash"] is set by strip_boilerplate()
    run("templates", drop_templates)
    run("label_conflicts", drop_label_conflicts)
    run("exact_duplicates", drop_exact_duplicates)
    t = time.time()
    conflict, dup, nd_stats = near_duplicates(recs)
    seconds["near_duplicate_search"] = round(time.time() - t, 1)
    run("near_dup_conflicts", lambda rs: ([r for r in rs if id(r) not in conflict], len(conflict)))
    run("near_duplicates", lambda rs: ([r for r in rs if id(r) not in dup], len(dup)))
    t_filters = time.time() - t0

    fields = ("id", "dataset", "domain", "url", "title", "text", "label", "fine_label", "eval_only", "label_level")
    corpus = [{k: r[k] for k in fields} for r in recs]
    train_pool = [r for r in corpus if not r["eval_only"]]
    eval_only = [r for r in corpus if r["eval_only"]]
    site = site_split(train_pool)
    rand = random_split(train_pool)

    for kind in ("site", "random"):
        os.makedirs(os.path.join(out_dir, "splits", kind), exist_ok=True)
    write_jsonl(os.path.join(out_dir, "corpus.jsonl"), corpus)
    write_jsonl(os.path.join(out_dir, "splits/eval_only.jsonl"), eval_only)
    for kind, splits in (("site", site), ("random", rand)):
        for s in SPLITS:
            write_jsonl(os.path.join(out_dir, "splits", kind, s + ".jsonl"), splits[s])

    stats = {
        "command": "tools/build_corpus.py --shared SHARED --out DIR",
        "parameters": {"min_chars": MIN_CHARS, "error_page_max_chars": ERROR_PAGE_MAX_CHARS,
                       "template_min_urls": TEMPLATE_MIN_URLS, "near_dup_jaccard": NEAR_DUP_JACCARD,
                       "minhash_bands": MINHASH_BANDS, "minhash_rows": MINHASH_ROWS,
                       "shingle_words": SHINGLE_WORDS, "site_salt": SITE_SALT, "random_seed": RANDOM_SEED,
                       "fractions": FRACTIONS, "strip_min_texts": STRIP_MIN_TEXTS,
                       "strip_min_share": STRIP_MIN_SHARE, "allsides_per_site": ALLSIDES_PER_SITE},
        "stages": [{"stage": name, "counts": keyed(c), "total": sum(c.values())} for name, c in stages],
        "removed": removed,
        "boilerplate": boilerplate_stats,
        "fakehealth_left_out": dict(fakehealth_notes),
        "allsides_join": allsides_join,
        "label_level": keyed(collections.Counter((r["dataset"], r["label_level"]) for r in corpus)),
        "near_duplicates": nd_stats,
        "isot_cleaning": {k: dict(v) for k, v in isot_actions.items()},
        "isot_leak_check": leak_check([r for r in corpus if r["dataset"] == "isot_subset"]),
        "fakenewscorpus_type_mismatch": len(fnc_mismatch),
        "domains": domain_stats(recs),
        "splits": {"site": split_stats(site), "random": split_stats(rand),
                   "eval_only": split_stats({"eval_only": eval_only})["eval_only"]},
        "eval_only_domains_in_site_train": sorted({r["domain"] for r in eval_only} &
                                                  {r["domain"] for r in site["train"]}),
        "seconds": {**seconds, "filters": round(t_filters, 1), "total": round(time.time() - t0, 1)},
    }
    with open(os.path.join(out_dir, "corpus_stats.json"), "w", encoding="utf-8") as f:
        json.dump(stats, f, indent=1, ensure_ascii=False)
        f.write("\n")
    return stats


def leak_check(recs):
    """Returns, per label, how many ISOT texts still show the marks that gave the label away."""
    probes = {"(Reuters)": r"\(Reuters\)", "Reuters": r"Reuters", "Getty Images": r"Getty Images",
              "featured image": r"(?i)featured image", "quote marks": "[\"'\u2018\u2019\u201c\u201d]",
              "glued sentence": r"[a-z][.!?][A-Z][a-z]", "parenthesis": r"\(", "starts with CITY (": r"^[A-Z .,/]{3,}\("}
    out = {}
    for fine in ("true", "fake"):
        sub = [r for r in recs if r["fine_label"] == fine]
        out[fine] = {"documents": len(sub)}
        out[fine].update({name: sum(1 for r in sub if re.search(rx, r["text"])) for name, rx in probes.items()})
    return out


def split_stats(splits):
    out = {}
    for name, recs in splits.items():
        labels = collections.Counter(r["label"] for r in recs)
        out[name] = {"documents": len(recs), "domains": len({r["domain"] for r in recs}),
                     "reliable": labels["reliable"], "unreliable": labels["unreliable"],
                     "unreliable_share": round(labels["unreliable"] / len(recs), 3) if recs else 0.0,
                     "by_dataset": dict(sorted(collections.Counter(r["dataset"] for r in recs).items()))}
    return out


def write_jsonl(path, recs):
    with open(path, "w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


# --------------------------------------------------------------------------- report

SHORT_DATASET = {"fakenewsnet_politifact": "politifact", "fakenewsnet_gossipcop": "gossipcop",
                 "buzzfeed_webis_2016": "buzzfeed", "isot_subset": "isot", "fakehealth_healthstory": "fakehealth",
                 "semeval2019_hyperpartisan": "hyperpartisan", "recovery_covid_news": "recovery",
                 "allsides_mbfc": "allsides", "fakenewscorpus_sample": "fnc*"}
SHORT_STAGE = {"loaded": "loaded", "boilerplate": "boilerpl", "labelled": "labelled", "short": "short", "error_pages": "errpage",
               "fact_checks": "factchk", "templates": "template", "label_conflicts": "conflict", "exact_duplicates": "exactdup",
               "near_dup_conflicts": "nearconf", "near_duplicates": "neardup"}


def format_stage_table(stages):
    """Returns the counts table: a row per dataset and label, a column per stage (what is left after it)."""
    keys = sorted({k for _, c in stages for k in c},
                  key=lambda k: (DATASETS.index(k[0]), (LABELS + ["(none)"]).index(k[1])))
    head = ["dataset / label".ljust(24)] + [SHORT_STAGE[name].rjust(8) for name, _ in stages]
    lines = [" ".join(head)]
    for k in keys:
        row = [f"{SHORT_DATASET[k[0]]} / {k[1]}".ljust(24)] + [str(c.get(k, 0)).rjust(8) for _, c in stages]
        lines.append(" ".join(row))
    lines.append(" ".join(["total".ljust(24)] + [str(sum(c.values())).rjust(8) for _, c in stages]))
    return "\n".join(lines)


def format_split_table(split_stats_by_kind):
    lines = [f"{'split':<16} {'docs':>6} {'domains':>7} {'reliable':>8} {'unreliable':>10} {'unrel%':>6}  by dataset"]
    for kind, splits in split_stats_by_kind.items():
        for name, s in splits.items():
            ds = ", ".join(f"{SHORT_DATASET[d]} {n}" for d, n in s["by_dataset"].items())
            lines.append(f"{kind + '/' + name:<16} {s['documents']:>6} {s['domains']:>7} {s['reliable']:>8} "
                         f"{s['unreliable']:>10} {100 * s['unreliable_share']:>5.1f}%  {ds}")
    return "\n".join(lines)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--shared", default=os.environ.get("CREDENCE_SHARED", os.path.join(REPO, "..", "shared")))
    p.add_argument("--out", required=True, help="output directory")
    args = p.parse_args()
    if not os.path.isdir(os.path.join(args.shared, "data")):
        sys.exit(f"build_corpus: {args.shared}/data missing (set --shared or CREDENCE_SHARED)")
    stats = build(args.shared, args.out)

    stages = [(s["stage"], collections.Counter({tuple(k.split("/")): n for k, n in s["counts"].items()}))
              for s in stats["stages"]]
    print("Documents left after each filter (fnc* = FakeNewsCorpus sample, eval_only):")
    print(format_stage_table(stages))
    print("\nerror pages by pattern:", stats["removed"]["error_pages"])
    print("templates removed:", len(stats["removed"]["templates"]), "texts,",
          sum(t["copies"] for t in stats["removed"]["templates"]), "copies")
    print("fact-checker write-ups:", stats["removed"]["fact_checks"])
    print("label conflicts:", stats["removed"]["label_conflicts"])
    nd = stats["near_duplicates"]
    print(f"near duplicates: {nd['candidate_pairs']} LSH candidate pairs, {nd['verified_pairs']} with "
          f"Jaccard >= {NEAR_DUP_JACCARD}, {nd['clusters']} clusters; pairs by datasets: {nd['pairs_by_datasets']}")
    print("ISOT cleaning per label:", stats["isot_cleaning"])
    print("FakeHealth left out:", stats["fakehealth_left_out"])
    print("AllSides join (MBFC factuality by source_url's registered domain):", stats["allsides_join"])
    print("boilerplate stripped (per dataset):")
    for ds in DATASETS:
        b = stats["boilerplate"].get(ds)
        if b:
            print(f"  {SHORT_DATASET[ds]}: {b.get('records_touched', 0)} records, {b.get('segments_removed', 0)} "
                  f"segments, {b.get('leading_names_removed', 0)} leading names, {b.get('chars_removed', 0)} chars; "
                  f"e.g. {b['commonest'][:3]}")
    print("ISOT leak check after cleaning:", stats["isot_leak_check"])
    d = stats["domains"]
    print(f"domains: {d['distinct']} distinct; unwrapped {sum(d['unwrapped'].values())} "
          f"({d['archive_unresolved']} unresolved); stand-ins {d['stand_in']}")
    print()
    print(format_split_table({"site": stats["splits"]["site"], "random": stats["splits"]["random"],
                              "eval": {"eval_only": stats["splits"]["eval_only"]}}))
    overall = sum(s["unreliable"] for s in stats["splits"]["site"].values()) / max(
        1, sum(s["documents"] for s in stats["splits"]["site"].values()))
    for name, s in stats["splits"]["site"].items():
        if abs(s["unreliable_share"] - overall) > 0.10:
            print(f"warning: site/{name} has {100 * s['unreliable_share']:.1f}% unreliable vs "
                  f"{100 * overall:.1f}% overall")
    print("site splits are domain-disjoint (checked)")
    print(f"eval_only domains also in site/train: {stats['eval_only_domains_in_site_train']}")
    print(f"time: {stats['seconds']['total']} s")


if __name__ == "__main__":
    main()
