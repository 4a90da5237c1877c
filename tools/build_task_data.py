#!/usr/bin/python3
"""Builds the labelled files behind credence's three learned detectors (issue 7).

Reads three sets from ../shared/data, as their SOURCE.txt describe them, and writes JSONL that
`credence train --tasks DIR` and `credence eval --tasks DIR` read:

  DIR/propaganda.jsonl  PTC v2 (SemEval-2020 Task 11) training articles, one a line:
                        {"id", "fold" (0-4), "text", "spans": [[start, end, technique], ...]}
                        Offsets are UTF-8 byte offsets into "text" (the corpus gives character
                        offsets; 346 of 371 articles hold non-ASCII characters). Only the training
                        part has gold labels, so the five folds are made by article: articles are
                        ordered by a salted hash of their id and dealt round-robin.
  DIR/claims.jsonl      ClaimBuster two-class sentences: {"id", "text", "label" (1 = check-worthy),
                        "part": "train" | "valid" | "test"}. test is the set's own test.json (702,
                        balanced); valid is 10% of train.json drawn with a fixed seed.
  DIR/clickbait.jsonl   Chakraborty et al.'s 32,000 headlines: {"id", "text", "label" (1 =
                        clickbait), "style", "cluster", "random": part, "publisher": part}.

The clickbait set names no publisher per headline, and each class comes from other publishers
(clickbait: BuzzFeed, Upworthy, ViralNova, ...; not clickbait: The New York Times, The Guardian,
The Hindu, WikiNews). Two splits are written, each 70/10/20 train/valid/test:
  random     headlines drawn at random (fixed seed): what most papers report.
  publisher  keeps look-alike publishers apart as far as the data allows. Non-clickbait
             headlines in title case ("Bill Changing Credit Card Rules Is Sent to Obama") are The
             New York Times' house style; those in sentence case come from WikiNews, The Guardian
             and The Hindu. The title-case ones are the test side, the sentence-case ones train
             and validation. Clickbait headlines all share one capitalisation (every word
             capitalised), so they are grouped by topic instead: k-means over their word vectors
             (20 clusters, fixed seed), whole clusters to one side. A model that learned one
             publisher group's vocabulary is then tested on another's. credence lower-cases
             every word before hashing, so capitalisation itself is never a feature.

Usage: tools/build_task_data.py [--shared ../shared] --out DIR
Standard library only; run with Debian's /usr/bin/python3. docs/learned-detectors.md explains the
splits and gives the counts.
"""

import argparse
import gzip
import hashlib
import io
import json
import math
import os
import random
import re
import sys
import tarfile
from collections import Counter, defaultdict

FOLDS = 5
FOLD_SALT = "credence-ptc-folds-v1"
SEED = 20261202
CLAIM_VALID_SHARE = 0.1
CLICKBAIT_CLUSTERS = 20
TECHNIQUES = [
    "Appeal_to_Authority", "Appeal_to_fear-prejudice", "Bandwagon,Reductio_ad_hitlerum",
    "Black-and-White_Fallacy", "Causal_Oversimplification", "Doubt", "Exaggeration,Minimisation",
    "Flag-Waving", "Loaded_Language", "Name_Calling,Labeling", "Repetition", "Slogans",
    "Thought-terminating_Cliches", "Whataboutism,Straw_Men,Red_Herring",
]

# ---------------------------------------------------------------------------- propaganda


def char_to_byte_offsets(text):
    """Returns a list b where b[i] is the UTF-8 byte offset of character i (len(text) + 1 long)."""
    offsets = [0] * (len(text) + 1)
    pos = 0
    for i, ch in enumerate(text):
        offsets[i] = pos
        pos += len(ch.encode("utf-8"))
    offsets[len(text)] = pos
    return offsets


def fold_of(article_ids):
    """Deals articles round-robin into FOLDS folds, ordered by a salted hash of their ids."""
    ordered = sorted(article_ids, key=lambda a: hashlib.sha256((FOLD_SALT + a).encode()).hexdigest())
    return {a: i % FOLDS for i, a in enumerate(ordered)}


def read_ptc(tar_path):
    """Returns [(id, text, [(char_start, char_end, technique)])] for the training articles."""
    texts, spans = {}, defaultdict(list)
    with tarfile.open(tar_path, "r:gz") as tar:
        for member in tar:
            name = member.name
            m = re.search(r"train-articles/article(\d+)\.txt$", name)
            if m:
                texts[m.group(1)] = tar.extractfile(member).read().decode("utf-8")
            elif name.endswith("train-task2-TC.labels"):
                for line in io.TextIOWrapper(tar.extractfile(member), encoding="utf-8"):
                    if not line.strip():
                        continue
                    article, technique, start, end = line.rstrip("\n").split("\t")
                    spans[article].append((int(start), int(end), technique))
    if not texts:
        raise SystemExit(f"no training articles in {tar_path}")
    return [(a, texts[a], sorted(spans.get(a, []))) for a in sorted(texts)]


def propaganda_records(tar_path):
    articles = read_ptc(tar_path)
    folds = fold_of([a for a, _, _ in articles])
    records, unknown = [], Counter()
    for article, text, spans in articles:
        to_byte = char_to_byte_offsets(text)
        out = []
        for start, end, technique in spans:
            if not (0 <= start < end <= len(text)):
                raise SystemExit(f"article {article}: span {start}-{end} outside its {len(text)} characters")
            if technique not in TECHNIQUES:
                unknown[technique] += 1
                continue
            out.append([to_byte[start], to_byte[end], technique])
        records.append({"id": article, "fold": folds[article], "text": text, "spans": out})
    if unknown:
        raise SystemExit(f"techniques not in the list of 14: {dict(unknown)}")
    return records


# ---------------------------------------------------------------------------- claims


def claim_records(tar_path):
    parts = {}
    with tarfile.open(tar_path, "r:gz") as tar:
        for member in tar:
            for part in ("train", "test"):
                if member.name.endswith(f"data/two_class/{part}.json"):
                    parts[part] = json.load(tar.extractfile(member))
    if set(parts) != {"train", "test"}:
        raise SystemExit(f"{tar_path}: data/two_class/train.json or test.json missing")
    rng = random.Random(SEED)
    records = []
    for part in ("train", "test"):
        for item in parts[part]:
            if item["label"] not in (0, 1):
                raise SystemExit(f"claim {item['sentence_id']}: label {item['label']!r}")
            p = part
            if part == "train" and rng.random() < CLAIM_VALID_SHARE:
                p = "valid"
            records.append({"id": str(item["sentence_id"]), "text": item["text"], "label": item["label"], "part": p})
    return records


# ---------------------------------------------------------------------------- clickbait

SMALL_WORDS = {"a", "an", "the", "and", "but", "or", "for", "nor", "on", "at", "to", "from", "by", "of", "in",
               "with", "as", "vs", "via", "per", "into", "onto", "upon", "over"}
WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def capitalisation_style(headline):
    """'title' when the words after the first that are not small words are capitalised (at least 80%),
    else 'sentence'; 'short' under three words."""
    words = WORD.findall(headline)
    rest = [w for w in words[1:] if w.lower() not in SMALL_WORDS]
    if len(words) < 3 or not rest:
        return "short"
    capitalised = sum(1 for w in rest if w[0].isupper())
    return "title" if capitalised >= 0.8 * len(rest) else "sentence"


def word_vector(headline):
    counts = Counter(w.lower() for w in WORD.findall(headline))
    norm = math.sqrt(sum(v * v for v in counts.values())) or 1.0
    return {w: v / norm for w, v in counts.items()}


def kmeans(vectors, k, seed, iterations=12):
    """Spherical k-means over sparse unit vectors; returns each vector's cluster."""
    rng = random.Random(seed)
    centroids = [dict(vectors[i]) for i in rng.sample(range(len(vectors)), k)]
    assign = [0] * len(vectors)
    for _ in range(iterations):
        for i, v in enumerate(vectors):
            best, best_sim = 0, -1.0
            for c, centroid in enumerate(centroids):
                sim = sum(x * centroid.get(w, 0.0) for w, x in v.items())
                if sim > best_sim:
                    best, best_sim = c, sim
            assign[i] = best
        sums = [defaultdict(float) for _ in range(k)]
        for i, v in enumerate(vectors):
            for w, x in v.items():
                sums[assign[i]][w] += x
        for c in range(k):
            norm = math.sqrt(sum(x * x for x in sums[c].values()))
            if norm > 0:  # keep an emptied cluster's old centroid
                centroids[c] = {w: x / norm for w, x in sums[c].items()}
    return assign


def read_headlines(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip()]


def cut(items, shares, rng):
    """Shuffles items and cuts them at the cumulative shares; returns one list per share."""
    items = list(items)
    rng.shuffle(items)
    out, start = [], 0
    for i, share in enumerate(shares):
        end = len(items) if i == len(shares) - 1 else start + round(share * len(items))
        out.append(items[start:end])
        start = end
    return out


def clickbait_records(folder):
    clickbait = read_headlines(os.path.join(folder, "clickbait_data.gz"))
    plain = read_headlines(os.path.join(folder, "non_clickbait_data.gz"))
    records = [{"id": f"c{i}", "text": h, "label": 1} for i, h in enumerate(clickbait)]
    records += [{"id": f"n{i}", "text": h, "label": 0} for i, h in enumerate(plain)]
    for r in records:
        r["style"] = capitalisation_style(r["text"])

    rng = random.Random(SEED)
    for part, chunk in zip(("train", "valid", "test"), cut(range(len(records)), (0.7, 0.1, 0.2), rng)):
        for i in chunk:
            records[i]["random"] = part

    # publisher split, non-clickbait: title case (The New York Times) tested, the rest trained on.
    plain_idx = [i for i, r in enumerate(records) if r["label"] == 0]
    for i in plain_idx:
        records[i]["cluster"] = -1
        records[i]["publisher"] = "test" if records[i]["style"] == "title" else "train"
    sentence_side = [i for i in plain_idx if records[i]["publisher"] == "train"]
    for i in cut(sentence_side, (0.125, 0.875), rng)[0]:
        records[i]["publisher"] = "valid"
    # clickbait: topic clusters, whole clusters to test until a share like the non-clickbait one's.
    bait_idx = [i for i, r in enumerate(records) if r["label"] == 1]
    assign = kmeans([word_vector(records[i]["text"]) for i in bait_idx], CLICKBAIT_CLUSTERS, SEED)
    for i, c in zip(bait_idx, assign):
        records[i]["cluster"] = c
    test_share = sum(1 for i in plain_idx if records[i]["publisher"] == "test") / len(plain_idx)
    sizes = Counter(assign)
    clusters = sorted(sizes, key=lambda c: hashlib.sha256(f"{SEED}-{c}".encode()).hexdigest())
    test_clusters, valid_clusters, taken = set(), set(), 0
    for c in clusters:
        if taken < test_share * len(bait_idx):
            test_clusters.add(c)
            taken += sizes[c]
        elif sum(sizes[v] for v in valid_clusters) < 0.1 * len(bait_idx):
            valid_clusters.add(c)
    for i in bait_idx:
        c = records[i]["cluster"]
        records[i]["publisher"] = "test" if c in test_clusters else "valid" if c in valid_clusters else "train"
    return records


# ---------------------------------------------------------------------------- main


def write_jsonl(path, records):
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def summary(records, key):
    table = Counter((r[key], r["label"]) for r in records)
    return {f"{part}/{label}": n for (part, label), n in sorted(table.items())}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", default=os.environ.get("CREDENCE_SHARED", "../shared"))
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    data = os.path.join(args.shared, "data")
    os.makedirs(args.out, exist_ok=True)

    propaganda = propaganda_records(os.path.join(data, "ptc_semeval2020_task11", "ptc_v2_semeval2020.tar.gz"))
    write_jsonl(os.path.join(args.out, "propaganda.jsonl"), propaganda)
    by_fold = Counter(r["fold"] for r in propaganda)
    spans = Counter(s[2] for r in propaganda for s in r["spans"])
    print(f"propaganda: {len(propaganda)} articles, {sum(spans.values())} spans; folds {dict(sorted(by_fold.items()))}")

    claims = claim_records(os.path.join(data, "claimbuster_checkthat", "claimbuster_spotter_data.tar.gz"))
    write_jsonl(os.path.join(args.out, "claims.jsonl"), claims)
    print(f"claims: {len(claims)} sentences; part/label {summary(claims, 'part')}")

    clickbait = clickbait_records(os.path.join(data, "clickbait_chakraborty"))
    write_jsonl(os.path.join(args.out, "clickbait.jsonl"), clickbait)
    print(f"clickbait: {len(clickbait)} headlines; styles {dict(Counter((r['style'], r['label']) for r in clickbait))}")
    print(f"  random split {summary(clickbait, 'random')}")
    print(f"  publisher split {summary(clickbait, 'publisher')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
