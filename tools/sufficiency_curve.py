#!/usr/bin/python3
"""How the content model's ranking and calibration fall as an article gets shorter, and how English
its text reads, to choose the limits behind the verdict's `insufficient` label from data.

1. Length: each test article is cut to its first N words (white-space separated, of title + text)
   for N in --lengths; `credence eval --model M --test F --predictions P` scores each cut; printed per N:
   ROC-AUC, ECE and the share the model now calls insufficient.
2. Language: the share of common English words (credence's `english_share`) of English test
   articles against the Spanish corpus and the non-English SemEval-2023 Task 3 articles; printed:
   quantiles per set and how many fall below --english-floor.

Usage: tools/sufficiency_curve.py --model M --test site/test.jsonl [--shared ../shared]
       [--lengths 5,10,20,30,50,75,100,150,200] [--credence build/release/credence] [--limit 2000]
Standard library only; run with /usr/bin/python3.
"""
import argparse
import gzip
import json
import os
import random
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def read_jsonl(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def auc(p, y):
    pairs = sorted(zip(p, y))
    ranks, i = [0.0] * len(pairs), 0
    while i < len(pairs):
        j = i
        while j < len(pairs) and pairs[j][0] == pairs[i][0]:
            j += 1
        for k in range(i, j):
            ranks[k] = (i + j + 1) / 2
        i = j
    pos = sum(1 for _, t in pairs if t)
    neg = len(pairs) - pos
    if pos == 0 or neg == 0:
        return float("nan")
    return (sum(r for r, (_, t) in zip(ranks, pairs) if t) - pos * (pos + 1) / 2) / (pos * neg)


def ece(p, y, bins=10):
    err = 0.0
    for b in range(bins):
        idx = [i for i, v in enumerate(p) if min(int(v * bins), bins - 1) == b]
        if idx:
            err += len(idx) / len(p) * abs(sum(p[i] for i in idx) / len(idx) - sum(y[i] for i in idx) / len(idx))
    return err


def score(credence, model, records, work):
    test = os.path.join(work, "test.jsonl")
    pred = os.path.join(work, "pred.jsonl")
    with open(test, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    subprocess.run([credence, "eval", "--model", model, "--test", test, "--predictions", pred],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return read_jsonl(pred)


def quantiles(values, qs=(0.01, 0.05, 0.5, 0.95)):
    v = sorted(values)
    return " ".join("q%02d %.2f" % (q * 100, v[min(len(v) - 1, int(q * len(v)))]) for q in qs) if v else "-"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", required=True)
    ap.add_argument("--test", required=True, help="a labelled corpus file (splits/site/test.jsonl)")
    ap.add_argument("--shared", default=os.environ.get("CREDENCE_SHARED", os.path.join(REPO, "..", "shared")))
    ap.add_argument("--credence", default=os.path.join(REPO, "build/release/credence"))
    ap.add_argument("--lengths", default="5,10,20,30,50,75,100,150,200")
    ap.add_argument("--limit", type=int, default=2000, help="test articles drawn (fixed seed)")
    ap.add_argument("--english-floor", type=float, default=0.15)
    args = ap.parse_args()
    records = read_jsonl(args.test)
    random.Random(15).shuffle(records)
    records = records[:args.limit]
    work = tempfile.mkdtemp(prefix="credence-sufficiency-")
    print("words\tn\troc_auc\tece\tinsufficient")
    full = score(args.credence, args.model, records, work)
    for n in [int(x) for x in args.lengths.split(",")] + [0]:
        cut = []
        for r in records:
            words = ((r.get("title") or "") + "\n" + r["text"]).split()
            cut.append(dict(r, title="", text=" ".join(words[:n]) if n else r["text"],))
            if not n:
                cut[-1]["title"] = r.get("title") or ""
        pred = full if not n else score(args.credence, args.model, cut, work)
        p = [x["probability_unreliable"] for x in pred]
        y = [x["label"] == "unreliable" for x in pred]
        insufficient = sum(1 for x in pred if x.get("insufficient_reason"))
        print("%s\t%d\t%.3f\t%.3f\t%.3f" % (n or "all", len(p), auc(p, y), ece(p, y), insufficient / len(p)))

    print("\nset\tn\tenglish_share quantiles\tbelow floor %.2f" % args.english_floor)
    shares = [x["english_share"] for x in full if "english_share" in x]
    print("english test\t%d\t%s\t%d" % (len(shares), quantiles(shares), sum(1 for s in shares if s < args.english_floor)))
    others = {}
    spanish = os.path.join(args.shared, "data", "spanish_fake_news_corpus", "spanish_fake_news.jsonl.gz")
    if os.path.exists(spanish):
        others["spanish_fake_news"] = [{"id": "es%d" % i, "dataset": "es", "domain": "", "url": "", "title": "",
                                        "text": r.get("text") or "", "label": "reliable"}
                                       for i, r in enumerate(read_jsonl(spanish)) if (r.get("text") or "").strip()]
    semeval = os.path.join(args.shared, "data", "semeval2023_task3", "semeval2023_task3_articles.jsonl.gz")
    if os.path.exists(semeval):
        for i, r in enumerate(read_jsonl(semeval)):
            if (r.get("text") or "").strip():
                others.setdefault("semeval2023_" + r.get("lang", "?"), []).append(
                    {"id": "s%d" % i, "dataset": "x", "domain": "", "url": "", "title": "", "text": r["text"],
                     "label": "reliable"})
    for name, recs in sorted(others.items()):
        pred = score(args.credence, args.model, recs, work)
        shares = [x["english_share"] for x in pred if "english_share" in x]
        print("%s\t%d\t%s\t%d" % (name, len(shares), quantiles(shares), sum(1 for s in shares if s < args.english_floor)))
    subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    sys.exit(main())
