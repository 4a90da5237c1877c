#!/usr/bin/python3
"""Builds credence's site-reputation table, data/source_reputation.tsv, from four source lists.

Reads, from ../shared/data (each directory's SOURCE.txt gives repository, commit and licence):
  opensources/sources.json                       OpenSources.co (Zimdars), snapshot 2017-04
  mbfc_baly/corpus_{emnlp18,acl2020}.tsv         MBFC factuality + bias in Baly et al. 2018 / 2020
  mbfc_mbfcext/combined_v5.json.gz               MBFC table of the mbfcext browser extension
  misinformation_domains_lasser/misinformation_domains_data.tar.gz
                                                 Lasser & Rupp's collection (data/clean/
                                                 domain_list_clean.csv, read inside the archive),
                                                 one list per sub-list: lasser/mbfc, lasser/zimdars...
and writes one row per (registered domain, list):
  domain  list  date  rating  factuality  bias  detail      (TAB-separated, "-" when empty)
after a block of "#" comment lines giving provenance, licences and the mapping rules. The rules
are in RULES below (they are copied into the file header) and in docs/reputation.md.

Usage: tools/build_reputation.py [--shared ../shared] [--out data/source_reputation.tsv]
--shared defaults to $CREDENCE_SHARED, else ../shared next to the repository. Prints the rows
and ratings per list and the number of distinct domains. Standard library only (Debian's
/usr/bin/python3); same input -> same bytes.
"""

import argparse
import collections
import csv
import gzip
import io
import json
import os
import re
import sys
import tarfile
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_corpus  # noqa: E402  (registered_domain, unwrap_url)

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REBUILD = "/usr/bin/python3 tools/build_reputation.py --shared ../shared --out data/source_reputation.tsv"
DETAIL_MAX = 160

RATINGS = ("reliable", "mixed", "satire", "unreliable")          # ascending severity
SEVERITY = {"-": 0, "reliable": 1, "mixed": 2, "satire": 3, "unreliable": 4}
FACTUALITY = ("very-high", "high", "mostly-factual", "mixed", "low", "very-low")
FACT_SEVERITY = {"-": 0, **{f: i + 1 for i, f in enumerate(FACTUALITY)}}

RULES = """\
domain: host of the entry (archive/redirect wrappers unwrapped), lower-cased, folded to its
  registered domain by build_corpus.registered_domain (www., m., amp., news. ... -> the site;
  bbc.co.uk stays) plus the hosting platforms in EXTRA_SUFFIXES (x.altervista.org stays);
  "CALL–site.com" (en dash) -> site.com; IP addresses and non-domains dropped.
  An entry with a path (site.com/section) is a section: dropped on social platforms
  (facebook.com/page...), dropped when any list rates the bare site, else folded to the site.
  Paths that only name a home page or a language edition (/en, /english, /index.html) count as the site.
  One list naming a domain twice: one row, most severe rating (unreliable > satire > mixed >
  reliable > -), lowest factuality, bias of the most severe entry, details joined
  ("N entries (K sections): ..."); a row from one section starts "section /path; ".
opensources: most severe of type/2nd/3rd type: fake, conspiracy, junksci, hate, unreliable,
  rumor, clickbait, state -> unreliable; satire -> satire; bias, political -> mixed;
  reliable -> reliable. factuality/bias -. detail: types and notes.
mbfc_emnlp18, mbfc_acl2020: fact low -> unreliable, mixed -> mixed, high -> reliable;
  factuality = fact; bias as given (7-way in emnlp18, 3-way in acl2020). detail: MBFC page.
mbfcext: bias fake-news (shown as bias questionable) or conspiracy-pseudoscience -> unreliable
  whatever the credibility; satire -> satire; else credibility high/medium/low ->
  reliable/mixed/unreliable, or when credibility is n/a or missing reporting very-high/high/
  mostly-factual -> reliable, mixed -> mixed, low/very-low -> unreliable. factuality = reporting.
  detail: credibility and questionable flags (if any). Aliases of the table (bbc.co.uk -> bbc.com) get
  the target's row, detail "alias of ...".
lasser/<sub-list>: label satire or parody site -> satire; Lasser type unreliable (accuracy
  <= 2 or transparency 1) -> unreliable; accuracy 3 (bias, left/right bias, political, state)
  -> mixed; accuracy 4-5 -> reliable. bias from MBFC/BuzzFeed labels, factuality -.
  date: the sub-list's last_update; year-only dates -> the collection's snapshot date.
  detail: label; accuracy, transparency."""

# Hosting platforms and public suffixes that build_corpus.MULTI_PART_SUFFIXES lacks: the
# label below them is the publisher (news.altervista.org is not altervista.org).
EXTRA_SUFFIXES = {"altervista.org", "myblog.it", "over-blog.it", "over-blog.com", "wp.com",
                  "mastertopforum.eu", "forumfree.it", "blogfree.net", "jimdo.com",
                  "jimdofree.com", "webnode.com", "netlify.app", "herokuapp.com",
                  "webhosting.comcast.net", "weixin.qq.com",
                  "qc.ca", "on.ca", "bc.ca", "ab.ca", "us.org", "in.ua", "rep.kp"}
# Hosts whose paths are accounts or pages of other publishers: a path entry there is dropped.
PLATFORMS = {"facebook.com", "twitter.com", "x.com", "youtube.com", "instagram.com", "t.me",
             "telegram.me", "tiktok.com", "vk.com", "linkedin.com", "reddit.com", "rumble.com",
             "bitchute.com", "gab.com", "medium.com", "patreon.com", "pinterest.com",
             "soundcloud.com", "odysee.com", "truthsocial.com", "gettr.com", "parler.com"}
# Paths that stand for the site itself: home pages and language editions.
HOME_PATH = re.compile(r"(?i)^/*(?:(?:index|home|default|main_page|wiki/main_page|amp)"
                       r"(?:\.[a-z]+)?|(?:en|eng|english|en-us|en-gb|us|international|int|de|"
                       r"fr|es|it|pt|ru|ar|zh|ja|id|tr|fa|nl|pl|ko|he|hi)"
                       r"(?:/index(?:\.[a-z]+)?|\.html?)?)?/*$")
DOMAIN = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]+)$")

Entry = collections.namedtuple("Entry", "key domain section list date rating factuality bias detail")


# --------------------------------------------------------------------------- domains

def fold_domain(host):
    """Returns the site a host belongs to: build_corpus.registered_domain, except that a host
    under one of EXTRA_SUFFIXES keeps the label below the suffix."""
    host = (host or "").strip().lower().rstrip(".")
    host = re.sub(r"\.{2,}", ".", host)
    for suffix in sorted(EXTRA_SUFFIXES, key=len, reverse=True):
        if host.endswith("." + suffix):
            labels = [x for x in host[:-len(suffix) - 1].split(".") if x]
            while len(labels) > 1 and re.fullmatch(r"www\d*", labels[0]):
                labels = labels[1:]
            return labels[-1] + "." + suffix if labels else suffix
    return build_corpus.registered_domain(host)


def parse_entry(raw):
    """Returns (domain, section path or "", host) for a list's entry: a bare domain, a
    domain/path or a URL. domain is "" when the entry names no domain."""
    s = re.sub(r"\s+", "", str(raw or "")).strip("/")
    if not s:
        return "", "", ""
    s, _ = build_corpus.unwrap_url(s)
    if not re.match(r"(?i)^[a-z][a-z0-9+.-]*://", s):
        s = "http://" + s.lstrip("/")
    parts = urllib.parse.urlsplit(s)
    host = (parts.netloc.rsplit("@", 1)[-1].split(":", 1)[0]).lower()
    if re.search("[\u2013\u2014]", host):               # "kbmt–12newsnow.com": call sign – site
        host = re.split("[\u2013\u2014]", host)[-1]
    try:
        host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:
        return "", "", host
    domain = fold_domain(host)
    if not DOMAIN.match(domain) or re.fullmatch(r"[\d.]+", domain):
        return "", "", host
    path = urllib.parse.unquote(parts.path or "")
    section = "" if HOME_PATH.match(path) else path.rstrip("/")
    return domain, section, host


# --------------------------------------------------------------------------- helpers

def clean(text):
    return re.sub(r"\s+", " ", str(text or "")).strip()


def shorten(text, limit=DETAIL_MAX):
    text = clean(text)
    return text if len(text) <= limit else text[:limit - 3].rstrip() + "..."


def most_severe(ratings):
    return max(ratings, key=lambda r: SEVERITY[r]) if ratings else "-"


def read_source_txt(shared, name):
    """Returns {"repo", "commit", "licence", "text"} from data/<name>/SOURCE.txt."""
    with open(os.path.join(shared, "data", name, "SOURCE.txt"), encoding="utf-8") as f:
        text = f.read()
    m = re.search(r"^Repo:\s*(\S+)\s+commit\s+([0-9a-f]{40})", text, re.M)
    lic = re.search(r"^Licen[cs]e:\s*(.+)$", text, re.M)
    if not m or not lic:
        raise SystemExit(f"{name}/SOURCE.txt: no Repo/commit or License line")
    return {"repo": m.group(1), "commit": m.group(2), "licence": clean(lic.group(1)), "text": text}


# --------------------------------------------------------------------------- opensources

OPENSOURCES_TYPES = {
    "fake": "unreliable", "fake news": "unreliable", "conspiracy": "unreliable",
    "junksci": "unreliable", "hate": "unreliable", "unreliable": "unreliable",
    "unrealiable": "unreliable", "rumor": "unreliable", "clickbait": "unreliable",
    "state": "unreliable", "satire": "satire", "satirical": "satire", "bias": "mixed",
    "political": "mixed", "reliable": "reliable", "blog": "-"}


def opensources_rating(types):
    """Maps OpenSources types (type, 2nd type, 3rd type) to (rating, normalised types)."""
    norm = []
    for t in types:
        t = clean(t).lower()
        if t and t not in norm:
            norm.append(t)
    unknown = [t for t in norm if t not in OPENSOURCES_TYPES]
    if unknown:
        raise ValueError(f"unknown OpenSources type {unknown}")
    return most_severe([OPENSOURCES_TYPES[t] for t in norm]), norm


def read_opensources(shared, date="2017-04"):
    with open(os.path.join(shared, "data", "opensources", "sources.json"), encoding="utf-8") as f:
        table = json.load(f)
    out = []
    for key in sorted(table):
        v = table[key]
        rating, types = opensources_rating([v.get("type"), v.get("2nd type"), v.get("3rd type")])
        notes = clean(v.get("Source Notes (things to know?)") or "")
        detail = "types " + (",".join(types) or "none") + (f"; notes: {notes}" if notes else "")
        out.append(("opensources", key, date, rating, "-", "-", detail))
    return out


# --------------------------------------------------------------------------- MBFC (Baly et al.)

BALY_FACT = {"low": "unreliable", "mixed": "mixed", "high": "reliable"}


def baly_rating(fact):
    """Maps a Baly et al. MBFC factuality label to (rating, factuality)."""
    fact = clean(fact).lower()
    if fact not in BALY_FACT:
        raise ValueError(f"unknown Baly fact label {fact!r}")
    return BALY_FACT[fact], fact


def read_baly(shared, corpus, date):
    path = os.path.join(shared, "data", "mbfc_baly", f"corpus_{corpus}.tsv")
    out = []
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            rating, fact = baly_rating(r["fact"])
            bias = clean(r["bias"]).lower().replace(" ", "-") or "-"
            page = urllib.parse.urlsplit(clean(r["ref"])).path.strip("/")
            out.append((f"mbfc_{corpus}", r["source_url"], date, rating, fact, bias,
                        f"mbfc page {page}" if page else "-"))
    return out


# --------------------------------------------------------------------------- MBFC (mbfcext)

CREDIBILITY = {"high": "reliable", "medium": "mixed", "low": "unreliable"}
REPORTING = {"very-high": "reliable", "high": "reliable", "mostly-factual": "reliable",
             "mixed": "mixed", "low": "unreliable", "very-low": "unreliable"}


def mbfcext_rating(bias, credibility, reporting):
    """Maps an mbfcext source's bias, credibility and reporting to (rating, factuality, bias)."""
    bias = clean(bias).lower() or "-"
    cred = clean(credibility).lower().replace("-credibility", "") or "n/a"
    reporting = clean(reporting).lower() or "-"
    if reporting not in FACT_SEVERITY:
        raise ValueError(f"unknown mbfcext reporting {reporting!r}")
    shown_bias = "questionable" if bias == "fake-news" else bias
    if bias in ("fake-news", "conspiracy-pseudoscience"):
        rating = "unreliable"
    elif bias == "satire":
        rating = "satire"
    elif cred in CREDIBILITY:
        rating = CREDIBILITY[cred]
    else:
        rating = REPORTING.get(reporting, "-")
    return rating, reporting, shown_bias


def read_mbfcext(shared):
    with gzip.open(os.path.join(shared, "data", "mbfc_mbfcext", "combined_v5.json.gz"), "rt",
                   encoding="utf-8") as f:
        table = json.load(f)
    date = clean(table["date"])[:10]
    if not re.fullmatch(r"\d{4}-\d\d-\d\d", date):
        raise SystemExit(f"mbfcext: unexpected date {table['date']!r}")
    out, by_domain = [], {}
    for s in table["sources"]:
        rating, fact, bias = mbfcext_rating(s.get("bias"), s.get("credibility"), s.get("reporting"))
        cred = clean(s.get("credibility")).replace("-credibility", "") or "none"
        flags = ",".join(s.get("questionable") or [])
        detail = f"credibility {cred}" + (f"; flags {flags}" if flags else "")
        row = ("mbfcext", s["domain"], date, rating, fact, bias, detail)
        out.append(row)
        by_domain.setdefault(clean(s["domain"]).lower(), row)
    for alias in sorted(table.get("aliases") or {}):
        target = table["aliases"][alias]
        row = by_domain.get(target)
        if row and alias not in by_domain and fold_domain(alias) != fold_domain(target):
            out.append(row[:1] + (alias,) + row[2:6] + (f"alias of {target}; {row[6]}",))
    return out, date


# --------------------------------------------------------------------------- Lasser & Rupp

LASSER_ARCHIVE = ("misinformation_domains_lasser", "misinformation_domains_data.tar.gz")
LASSER_SNAPSHOT = "2021-05-18"     # README: "Snapshots of the lists that were taken on May 18th 2021"
# source column -> (list name, licence the README table gives for that sub-list)
LASSER_SUBLISTS = {
    "media_bias_fact_check": ("mbfc", "none specified"),
    "zimdars": ("zimdars", "CC-BY 4.0"),
    "columbia_journalism_review": ("cjr", "none specified"),
    "buzzfeed": ("buzzfeed", "none specified"),
    "girnberg": ("grinberg", "none specified"),
    "politifact": ("politifact", "none specified"),
    "butac": ("butac", "none specified"),
    "bufale": ("bufale", "none specified"),
    "bufalopedia": ("bufalopedia", "none specified"),
    "fake_news_watch": ("fakenewswatch", "none specified"),
}
LASSER_BIAS = {"questionable sources": "questionable",
               "conspiracy/pseudoscience": "conspiracy-pseudoscience",
               "right bias": "right", "center right bias": "right-center",
               "left center bias": "left-center", "left bias": "left", "least biased": "center",
               "satire": "satire", "pro science": "pro-science"}
LASSER_SATIRE = {"satire", "parody site"}


def lasser_rating(label, accuracy, transparency, kind):
    """Maps a Lasser row (label, accuracy 1-5, transparency 1-3, type) to a rating."""
    label = clean(label).lower()
    kind = clean(kind).lower()
    if label in LASSER_SATIRE:
        return "satire"
    if kind == "unreliable":
        return "unreliable"
    try:
        acc = int(accuracy)
    except (TypeError, ValueError):
        acc = None
    if kind == "reliable":
        return "mixed" if acc is not None and acc <= 3 else "reliable"
    return "-"


def lasser_date(last_update, snapshot=LASSER_SNAPSHOT):
    """Returns the sub-list's date when it names a month, else the collection's snapshot date."""
    last_update = clean(last_update)
    return last_update if re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", last_update) else snapshot


def read_lasser(shared):
    path = os.path.join(shared, "data", *LASSER_ARCHIVE)
    with tarfile.open(path, "r:gz") as tar:
        text = tar.extractfile("data/clean/domain_list_clean.csv").read().decode("utf-8")
        readme = tar.extractfile("README.md").read().decode("utf-8")
    if "May 18th 2021" not in readme:
        raise SystemExit("lasser README: snapshot date changed; check LASSER_SNAPSHOT")
    out, dates = [], {}
    for r in csv.DictReader(io.StringIO(text)):
        if r["source"] not in LASSER_SUBLISTS:
            raise SystemExit(f"lasser: unknown sub-list {r['source']!r}")
        name = "lasser/" + LASSER_SUBLISTS[r["source"]][0]
        date = lasser_date(r["last_update"])
        dates.setdefault(name, set()).add((date, clean(r["last_update"])))
        rating = lasser_rating(r["label"], r["accuracy"], r["transparency"], r["type"])
        label = clean(r["label"]).lower()
        bias = LASSER_BIAS.get(label, "-") if name == "lasser/mbfc" else \
            {"left bias": "left", "right bias": "right"}.get(label, "-")
        detail = f"{label}; accuracy {r['accuracy'] or '-'}, transparency {r['transparency'] or '-'}"
        if date != clean(r["last_update"]):
            detail += f"; list dated {clean(r['last_update']) or 'unknown'}"
        out.append((name, r["url"], date, rating, "-", bias, detail))
    return out, dates


# --------------------------------------------------------------------------- assembly

def make_entries(raw_rows, stats):
    """Turns (list, entry, date, rating, factuality, bias, detail) rows into Entries, dropping
    those that name no domain and pages on social platforms."""
    out = []
    for lst, key, date, rating, fact, bias, detail in raw_rows:
        domain, section, host = parse_entry(key)
        if not domain:
            stats[lst]["dropped: not a domain"] += 1
            continue
        if section and domain in PLATFORMS:
            stats[lst]["dropped: page on a platform"] += 1
            continue
        out.append(Entry(clean(key).lower(), domain, section, lst, date, rating, fact, bias,
                         clean(detail) or "-"))
    return out


def drop_superseded_sections(entries, stats):
    """Drops section entries (site.com/path) of sites that some list rates as a whole."""
    whole = {e.domain for e in entries if not e.section}
    kept = []
    for e in entries:
        if e.section and e.domain in whole:
            stats[e.list]["dropped: section of a rated site"] += 1
            continue
        kept.append(e)
    return kept


def merge(entries):
    """Merges the entries one list has for one domain into a row (a tuple of 7 strings)."""
    entries = sorted(entries, key=lambda e: (-SEVERITY[e.rating], -FACT_SEVERITY[e.factuality],
                                             e.key))
    head = entries[0]
    if len(entries) == 1:
        detail = (f"section {head.section}; " if head.section else "") + head.detail
        return (head.domain, head.list, head.date, head.rating, head.factuality, head.bias,
                shorten(detail))
    fact = max((e.factuality for e in entries), key=lambda f: FACT_SEVERITY[f])
    details = []
    for e in entries:
        if e.detail not in details:
            details.append(e.detail)
    sections = sum(1 for e in entries if e.section)
    detail = (f"{len(entries)} entries" + (f" ({sections} sections)" if sections else "") + ": "
              + " | ".join(details))
    return (head.domain, head.list, head.date, head.rating, fact, head.bias, shorten(detail))


def build_rows(raw_rows, stats=None):
    """Returns the sorted table rows for raw list rows (see make_entries)."""
    stats = stats if stats is not None else collections.defaultdict(collections.Counter)
    entries = drop_superseded_sections(make_entries(raw_rows, stats), stats)
    groups = collections.defaultdict(list)
    for e in entries:
        groups[(e.domain, e.list)].append(e)
    rows = [merge(g) for g in groups.values()]
    for row in rows:
        if len(groups[(row[0], row[1])]) > 1:
            stats[row[1]]["merged duplicates"] += len(groups[(row[0], row[1])]) - 1
    rows.sort(key=lambda r: (r[0], r[1]))
    return rows


def format_row(row):
    fields = [clean(x).replace("\t", " ") or "-" for x in row]
    assert len(fields) == 7
    return "\t".join(fields) + "\n"


def header_lines(lists, notes=()):
    lines = ["# source_reputation.tsv: site reputation by source list (credence). One row per",
             "# (registered domain, list); no header row; 7 TAB-separated fields, '-' when empty:",
             "# domain, list, date (rating's snapshot, YYYY-MM or YYYY-MM-DD), rating (reliable |",
             "# mixed | unreliable | satire | -), factuality (very-high | high | mostly-factual |",
             "# mixed | low | very-low | -), bias (the list's term, hyphenated), detail (list's words).",
             f"# rebuild: {REBUILD}",
             "# see docs/reputation.md"]
    for name, repo, commit, date, licence in lists:
        lines.append(f"# list {name}: {repo} commit {commit} {date} licence: {licence}")
    lines += [f"# note: {n}" for n in notes]
    lines += ["# rules: " + line if i == 0 else "#   " + line
              for i, line in enumerate(RULES.splitlines())]
    return [clean(x) if not x.startswith("#   ") else x.rstrip() for x in lines]


def build(shared):
    """Reads the four lists and returns (header lines, rows, stats)."""
    src = {n: read_source_txt(shared, n) for n in
           ("opensources", "mbfc_baly", "mbfc_mbfcext", "misinformation_domains_lasser")}
    if "2017-04" not in src["opensources"]["text"]:
        raise SystemExit("opensources/SOURCE.txt: snapshot date changed")
    raw = read_opensources(shared, "2017-04")
    raw += read_baly(shared, "emnlp18", "2018-10")   # EMNLP 2018, Brussels, Oct 31 - Nov 4
    raw += read_baly(shared, "acl2020", "2020-07")   # ACL 2020, July 5-10
    ext_rows, ext_date = read_mbfcext(shared)
    raw += ext_rows
    lasser_rows, lasser_dates = read_lasser(shared)
    raw += lasser_rows

    def meta(key):
        return src[key]["repo"], src[key]["commit"]
    lists = [("opensources", *meta("opensources"), "2017-04", src["opensources"]["licence"]),
             ("mbfc_emnlp18", *meta("mbfc_baly"), "2018-10", src["mbfc_baly"]["licence"]),
             ("mbfc_acl2020", *meta("mbfc_baly"), "2020-07", src["mbfc_baly"]["licence"]),
             ("mbfcext", *meta("mbfc_mbfcext"), ext_date, src["mbfc_mbfcext"]["licence"])]
    lic = src["misinformation_domains_lasser"]["licence"]
    notes = []
    for key, (short, sub_lic) in sorted(LASSER_SUBLISTS.items(), key=lambda kv: kv[1][0]):
        name = "lasser/" + short
        dates = sorted(lasser_dates.get(name, set()))
        shown = ",".join(sorted({d for d, _ in dates})) or LASSER_SNAPSHOT
        stated = ",".join(sorted({s for _, s in dates}))
        if stated and stated != shown:
            notes.append(f"{name} is dated {stated} (year only): its rows carry {shown}")
        lists.append((name, *meta("misinformation_domains_lasser"), shown,
                      f"{lic.rstrip('.')}; README for this list: {sub_lic}"))
    stats = collections.defaultdict(collections.Counter)
    rows = build_rows(raw, stats)
    return header_lines(lists, notes), rows, stats


def write_table(path, header, rows):
    tmp = path + ".tmp"
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        for line in header:
            f.write(line + "\n")
        for row in rows:
            f.write(format_row(row))
    os.replace(tmp, path)


def report(rows, stats, out=None):
    out = out or sys.stdout
    per_list = collections.defaultdict(collections.Counter)
    for r in rows:
        per_list[r[1]][r[3]] += 1
    print(f"{'list':22} {'rows':>6} " + " ".join(f"{x:>10}" for x in RATINGS + ("-",)), file=out)
    for lst in sorted(per_list):
        c = per_list[lst]
        print(f"{lst:22} {sum(c.values()):6} " + " ".join(f"{c[x]:10}" for x in RATINGS + ("-",)),
              file=out)
    print(f"{'total':22} {len(rows):6}", file=out)
    print(f"distinct domains: {len({r[0] for r in rows})}", file=out)
    for lst in sorted(stats):
        notes = ", ".join(f"{k} {v}" for k, v in sorted(stats[lst].items()))
        if notes:
            print(f"  {lst}: {notes}", file=out)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=os.environ.get("CREDENCE_SHARED") or
                    os.path.join(os.path.dirname(REPO), "shared"))
    ap.add_argument("--out", default=os.path.join(REPO, "data", "source_reputation.tsv"))
    args = ap.parse_args(argv)
    header, rows, stats = build(args.shared)
    write_table(args.out, header, rows)
    report(rows, stats)
    print(f"wrote {args.out} ({os.path.getsize(args.out)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
