#!/usr/bin/python3
"""Builds credence's built-in fact-check collection and the claim-retrieval task files (issue 16).

Reads two sets from ../shared/data, as their SOURCE.txt describe them, and writes:

  OUT/factchecks.jsonl   one fact-check a line, in credence's documented format
                         (docs/fact-checks.md): {"id", "claim", "title", "verdict", "rating_scale",
                         "falsity", "publisher", "date", "url", "language", "speaker", "source"}.
                         - The 10,373 Snopes claims of CheckThat! 2020 task 2 (v3): claim and the
                           Snopes headline; this release carries no verdict, no date and no URL,
                           so those fields are null (the report says "checked by Snopes").
                           id "snopes-ct2020-<vclaim id>".
                         - LIAR's 12,836 PolitiFact statements (train, valid and test: all are
                           published fact-checks): statement, six-level verdict, speaker, the
                           statement's context. LIAR carries no date and no article URL (its
                           README names only PolitiFact's API), so date and url are null.
                           id "politifact-liar-<statement id>".
  OUT/retrieval/vclaims.jsonl
                         the task's collection: the Snopes records alone, as in factchecks.jsonl.
  OUT/retrieval/train.jsonl, OUT/retrieval/dev.jsonl
                         CheckThat! 2020 task 2 queries: {"id", "text" (the tweet as given),
                         "relevant": ["snopes-ct2020-<id>", ...]}.

  OUT/retrieval/unmatched.jsonl
                         4,500 news sentences with no fact-check to find ({"id", "text",
                         "relevant": []}): 1,500 each from ReCOVery (COVID-19 news of 2020, after
                         the collection's claims), FakeNewsNet's GossipCop articles and SemEval-2019
                         hyperpartisan (political news and opinion), 10 to 60 words each, drawn with
                         a fixed seed. The re-ranker's probability is fitted
                         on them too, so that a sentence on the topic of a fact-check without its
                         claim scores low: tweets of the task always have an answer, news sentences
                         mostly do not. A few may in truth repeat a checked claim (label noise,
                         docs/fact-checks.md).

Usage: tools/build_factchecks.py [--shared ../shared] --out DIR
Standard library only; run with Debian's /usr/bin/python3.
"""

import argparse
import csv
import gzip
import io
import json
import os
import random
import re
import sys
import tarfile

CHECKTHAT = "checkthat2020_task2_claim_retrieval/checkthat2020_task2_v3.tar.gz"
LIAR_PARTS = ["train", "valid", "test"]
POLITIFACT_SCALE = "PolitiFact Truth-O-Meter: true, mostly-true, half-true, barely-true, false, pants-fire"
# How false each PolitiFact level says the statement is (docs/fact-checks.md).
POLITIFACT_FALSITY = {"true": 0.0, "mostly-true": 0.25, "half-true": 0.5, "barely-true": 0.75,
                      "false": 1.0, "pants-fire": 1.0}
POLITIFACT_WORDS = {"true": "True", "mostly-true": "Mostly True", "half-true": "Half True",
                    "barely-true": "Mostly False", "false": "False", "pants-fire": "Pants on Fire"}


def read_tsv(data, quoted=False):
    """Rows of a tab-separated text. quoted: fields may be in double quotes and hold line
    breaks (verified_claims.docs.tsv); LIAR's statements hold bare quotes, which are text."""
    text = data.decode("utf-8")
    if quoted:
        return [row for row in csv.reader(io.StringIO(text), delimiter="\t") if row]
    return [line.split("\t") for line in text.split("\n") if line.strip()]


def checkthat_members(shared):
    with tarfile.open(os.path.join(shared, "data", CHECKTHAT)) as tar:
        return {m.name: tar.extractfile(m).read() for m in tar.getmembers() if m.isfile()}


def snopes_records(members):
    rows = read_tsv(members["v3.0/verified_claims.docs.tsv"], quoted=True)
    out = []
    for row in rows[1:]:
        if len(row) < 3:
            raise ValueError(f"verified_claims.docs.tsv: short row {row[:1]}")
        vid, claim, title = row[0].strip(), " ".join(row[1].split()), " ".join(row[2].split())
        out.append({"id": f"snopes-ct2020-{vid}", "claim": claim, "title": title or None,
                    "verdict": None, "rating_scale": None, "falsity": None, "publisher": "Snopes",
                    "date": None, "url": None, "language": "en", "speaker": None,
                    "source": f"CLEF-2020 CheckThat! task 2 v3, verified_claims.docs.tsv id {vid}"})
    return out


def liar_records(shared):
    out = []
    for part in LIAR_PARTS:
        with gzip.open(os.path.join(shared, "data", "liar", f"{part}.tsv.gz"), "rb") as f:
            rows = read_tsv(f.read())
        for row in rows:
            if len(row) < 14:
                raise ValueError(f"liar {part}: short row {row[:1]}")
            sid = row[0].removesuffix(".json")
            label = row[1].strip()
            speaker = row[4].strip().replace("-", " ").title() or None
            context = row[13].strip() or None
            out.append({"id": f"politifact-liar-{sid}", "claim": row[2].strip(), "title": None,
                        "verdict": POLITIFACT_WORDS[label], "rating_scale": POLITIFACT_SCALE,
                        "falsity": POLITIFACT_FALSITY[label], "publisher": "PolitiFact",
                        "date": None, "url": None, "language": "en", "speaker": speaker,
                        "context": context,
                        "source": f"LIAR (Wang 2017) {part}.tsv statement {sid}"})
    return out


def retrieval_queries(members, part):
    tweets = read_tsv(members[f"v3.0/{part}/tweets.queries.tsv"], quoted=True)
    qrels = read_tsv(members[f"v3.0/{part}/tweet-vclaim-pairs.qrels"])
    relevant = {}
    for row in qrels:
        qid, vid = row[0].strip(), row[2].strip()
        if qid == "tweet_id" or row[-1].strip() != "1":
            continue
        relevant.setdefault(qid, []).append(f"snopes-ct2020-{vid}")
    out = []
    for row in tweets[1:]:
        qid, text = row[0].strip(), row[1].strip()
        if qid in relevant:
            out.append({"id": f"{part}-{qid}", "text": text, "relevant": relevant[qid]})
    return out


UNMATCHED_SEED = 20261207
UNMATCHED_SOURCES = [("recovery_covid_news/recovery_news_by_site.jsonl.gz", "recovery", 1500),
                     ("fakenewsnet_text/fakenewsnet_gossipcop.jsonl.gz", "gossipcop", 1500),
                     ("semeval2019_hyperpartisan_byarticle/hyperpartisan_byarticle.jsonl.gz", "hyperpartisan", 1500)]
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"\u201c])")


def unmatched_sentences(shared):
    rng = random.Random(UNMATCHED_SEED)
    out = []
    for path, name, count in UNMATCHED_SOURCES:
        sentences = []
        with gzip.open(os.path.join(shared, "data", path), "rt", encoding="utf-8") as f:
            for line in f:
                text = json.loads(line).get("text") or ""
                for para in text.split("\n"):
                    for sentence in SENTENCE_END.split(para.strip()):
                        if 10 <= len(sentence.split()) <= 60:
                            sentences.append(sentence)
        for i, sentence in enumerate(rng.sample(sentences, count)):
            out.append({"id": f"unmatched-{name}-{i}", "text": sentence, "relevant": []})
    return out


def write_jsonl(path, records):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared"))
    ap.add_argument("--out", required=True)
    args = ap.parse_args(argv)
    members = checkthat_members(args.shared)
    snopes = snopes_records(members)
    collection = snopes + liar_records(args.shared)
    write_jsonl(os.path.join(args.out, "factchecks.jsonl"), collection)
    write_jsonl(os.path.join(args.out, "retrieval", "vclaims.jsonl"), snopes)
    counts = {"factchecks": len(collection)}
    for part in ["train", "dev"]:
        queries = retrieval_queries(members, part)
        write_jsonl(os.path.join(args.out, "retrieval", f"{part}.jsonl"), queries)
        counts[part] = len(queries)
    unmatched = unmatched_sentences(args.shared)
    write_jsonl(os.path.join(args.out, "retrieval", "unmatched.jsonl"), unmatched)
    counts["unmatched"] = len(unmatched)
    print(json.dumps(counts))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
