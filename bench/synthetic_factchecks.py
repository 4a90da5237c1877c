#!/usr/bin/env python3
"""Writes a synthetic fact-check collection of any size, for bench/factcheck_scale.sh.

Each record is made from a real one of credence's built-in collection
(data/factchecks.jsonl.gz, 23,211 records): its claim and headline keep
their length and shape, but every word is drawn at random from the words
of the whole collection, in proportion to their counts (so the vocabulary
and its Zipf curve are the real collection's, and BM25's posting lists grow
as they would). Numbers are redrawn too. Verdicts, publishers and dates
are drawn from the real records. Deterministic for a given --seed.

Usage: bench/synthetic_factchecks.py --records N [--seed S] > collection.jsonl
"""
import argparse
import gzip
import json
import os
import random
import re
import sys

WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*|\d[\d,.]*|\S")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, required=True)
    parser.add_argument("--seed", type=int, default=20261208)
    parser.add_argument("--collection", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                             "..", "data", "factchecks.jsonl.gz"))
    args = parser.parse_args()
    if args.records < 1:
        parser.error("--records needs a positive number")
    rng = random.Random(args.seed)
    with gzip.open(args.collection, "rt", encoding="utf-8") as f:
        real = [json.loads(line) for line in f if line.strip()]
    words = [w for r in real for field in ("claim", "title") for w in WORD.findall(r.get(field) or "")
             if w[0].isalpha()]

    def redraw(text):
        out = []
        for w in WORD.findall(text or ""):
            if w[0].isalpha():
                n = rng.choice(words)
                out.append(n.capitalize() if w[0].isupper() else n.lower())
            elif w[0].isdigit():
                out.append(str(rng.randint(1, 10 ** min(len(w), 6))))
            else:
                out.append(w)
        return " ".join(out)

    write = sys.stdout.write
    for i in range(args.records):
        base = real[rng.randrange(len(real))]
        meta = real[rng.randrange(len(real))]
        record = {"id": f"synthetic-{i}", "claim": redraw(base["claim"]), "title": redraw(base.get("title")) or None,
                  "verdict": meta.get("verdict"), "rating_scale": meta.get("rating_scale"), "falsity": meta.get("falsity"),
                  "publisher": meta.get("publisher"), "date": meta.get("date"), "url": None, "language": "en",
                  "speaker": None, "source": f"synthetic from {base['id']}"}
        write(json.dumps(record) + "\n")


if __name__ == "__main__":
    main()
