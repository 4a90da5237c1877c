#!/usr/bin/env python3
"""Does repeating a fact-checked claim help the verdict? (issue 16, point 4)

Measures the feature "the best fact-check match's score times its verdict's
falsity" (0 when no match carries a verdict) against the shared datasets'
labels, leave-one-dataset-out: for each dataset, a two-input logistic
regression (the content model's logit, the feature) is fitted on the other
datasets' site-test records and scored on this one's, next to the content
model's probability alone. Only site-test records are used (the content
model never saw their sites), and every record's match is guarded against
the article's own fact-check (below).

Leak guards, in order:
  * a match whose fact-check URL is the article's URL is dropped;
  * a match whose fact-check claim or headline is the article's title
    (lower-cased, letters and digits only) is dropped;
  * fakenewsnet_politifact is reported apart and left out of every fit:
    its labels are PolitiFact's own verdicts on the very claims LIAR holds,
    so a PolitiFact match there may be the label itself, not evidence.

Inputs: the corpus (tools/build_corpus.py's corpus.jsonl and splits/) and
`credence batch CORPUS/corpus.jsonl --fields id,probability,fact_checks -o B`.
Pure Python (Debian's python3 has no numpy here); about a minute.

Usage: tools/eval_factcheck_evidence.py --corpus DIR --batch B [--json OUT]
"""
import argparse
import collections
import json
import math
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sufficiency_curve  # noqa: E402

HELD_APART = "fakenewsnet_politifact"
FEATURES = {
    "falsity": "the best match's score times its verdict's falsity (PolitiFact's six levels; Snopes records carry none)",
    "any": "the best match's score, whatever the verdict (the claim was fact-checked at all)",
}


def norm(text):
    return re.sub(r"[^a-z0-9]+", " ", (text or "").lower()).strip()


def auc(scores, labels):
    """ROC-AUC with ties shared (sufficiency_curve.auc); None when one class is missing."""
    value = sufficiency_curve.auc(scores, labels)
    return None if math.isnan(value) else value


def fit_logistic(xs, ys, l2=1e-3, steps=50):
    """Newton's method for a small dense logistic regression with a bias; returns weights (bias last)."""
    d = len(xs[0]) + 1
    w = [0.0] * d
    for _ in range(steps):
        grad = [0.0] * d
        hess = [[0.0] * d for _ in range(d)]
        for x, y in zip(xs, ys):
            v = list(x) + [1.0]
            z = sum(a * b for a, b in zip(w, v))
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            for a in range(d):
                grad[a] += (p - y) * v[a]
                for b in range(d):
                    hess[a][b] += p * (1 - p) * v[a] * v[b]
        n = len(xs)
        for a in range(d):
            grad[a] = grad[a] / n + (l2 * w[a] if a < d - 1 else 0.0)
            for b in range(d):
                hess[a][b] = hess[a][b] / n + (l2 if a == b and a < d - 1 else 0.0)
        step = solve(hess, grad)
        w = [a - b for a, b in zip(w, step)]
        if max(abs(s) for s in step) < 1e-9:
            break
    return w


def solve(m, v):
    n = len(v)
    a = [row[:] + [v[i]] for i, row in enumerate(m)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(a[r][c]))
        a[c], a[p] = a[p], a[c]
        if abs(a[c][c]) < 1e-12:
            a[c][c] = 1e-12
        for r in range(n):
            if r != c:
                f = a[r][c] / a[c][c]
                for k in range(c, n + 1):
                    a[r][k] -= f * a[c][k]
    return [a[i][n] / a[i][i] for i in range(n)]


def match_features(record, batch_line, dropped):
    """(falsity feature, its match, any-verdict feature, whether any match is left) of one article's
    report, after the leak guards; counts what the guards drop in `dropped`."""
    best, best_match, any_best, any_match = 0.0, None, 0.0, False
    title = norm(record.get("title"))
    url = (record.get("url") or "").rstrip("/")
    for m in (batch_line.get("fact_checks") or {}).get("matches") or []:
        if url and (m.get("url") or "").rstrip("/") == url:
            dropped["own url"] += 1
            continue
        if title and title in (norm(m.get("claim")), norm(m.get("title"))):
            dropped["own title"] += 1
            continue
        any_match = True
        any_best = max(any_best, m["score"])
        if m.get("falsity") is not None and m["score"] * m["falsity"] > best:
            best, best_match = m["score"] * m["falsity"], m
    return best, best_match, any_best, any_match


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--batch", required=True)
    parser.add_argument("--json")
    args = parser.parse_args()
    test_ids = set()
    with open(f"{args.corpus}/splits/site/test.jsonl", encoding="utf-8") as f:
        for line in f:
            test_ids.add(json.loads(line)["id"])
    corpus = {}
    with open(f"{args.corpus}/corpus.jsonl", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["id"] in test_ids and r["label"] in ("reliable", "unreliable"):
                corpus[r["id"]] = r
    rows = []
    dropped = collections.Counter()
    with open(args.batch, encoding="utf-8") as f:
        for line in f:
            b = json.loads(line)
            r = corpus.get(b.get("id"))
            if r is None or b.get("probability") is None:
                continue
            best, best_match, any_best, any_match = match_features(r, b, dropped)
            p = min(max(b["probability"], 1e-6), 1 - 1e-6)
            rows.append({"dataset": r["dataset"], "y": 1 if r["label"] == "unreliable" else 0,
                         "logit": math.log(p / (1 - p)), "p": p, "falsity": best, "any": any_best, "matched": any_match,
                         "example": (r["title"][:80], best_match["claim"][:100], best_match["verdict"]) if best_match else None})
    datasets = sorted({r["dataset"] for r in rows})
    out = {"records": len(rows), "guards": dict(dropped), "features": {}}
    print(f"{len(rows)} site-test records; matches dropped by the guards: {dict(dropped) or 'none'}")
    for feature, meaning in FEATURES.items():
        for r in rows:
            r["f"] = r[feature]
        print(f"\n{feature}: {meaning}")
        out["features"][feature] = measure(rows, datasets)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(out, f, indent=1)


def measure(rows, datasets):
    out = {"datasets": {}}
    print(f"{'dataset':28} {'n':>5} {'matched':>8} {'f>0':>6} {'unrel|f>0':>9} {'unrel':>6} {'AUC f':>6} {'AUC p':>6} {'AUC p+f':>8} {'w_f':>6}")
    gains = []
    for d in datasets:
        test = [r for r in rows if r["dataset"] == d]
        train = [r for r in rows if r["dataset"] not in (d, HELD_APART)]
        w = fit_logistic([(r["logit"], r["f"]) for r in train], [r["y"] for r in train])
        stacked = [w[0] * r["logit"] + w[1] * r["f"] + w[2] for r in test]
        ys = [r["y"] for r in test]
        fired = [r for r in test if r["f"] > 0]
        a_f, a_p, a_pf = auc([r["f"] for r in test], ys), auc([r["p"] for r in test], ys), auc(stacked, ys)
        row = {"records": len(test), "matched": sum(r["matched"] for r in test), "fired": len(fired),
               "unreliable_when_fired": (sum(r["y"] for r in fired) / len(fired)) if fired else None,
               "unreliable": sum(ys) / len(ys), "auc_feature": a_f, "auc_model": a_p, "auc_model_plus_feature": a_pf,
               "feature_weight": w[1], "examples": [r["example"] for r in fired[:3]]}
        out["datasets"][d] = row
        fmt = lambda v: "  -  " if v is None else f"{v:.3f}"
        print(f"{d + (' *' if d == HELD_APART else ''):28} {len(test):5} {row['matched']:8} {len(fired):6} "
              f"{fmt(row['unreliable_when_fired']):>9} {row['unreliable']:6.3f} {fmt(a_f):>6} {fmt(a_p):>6} {fmt(a_pf):>8} {w[1]:6.2f}")
        if d != HELD_APART and a_p is not None and a_pf is not None:
            gains.append(a_pf - a_p)
    mean_gain = sum(gains) / len(gains) if gains else 0.0
    out["mean_auc_gain"] = mean_gain
    print(f"* reported apart, left out of every fit (its labels are PolitiFact's verdicts on LIAR's claims)")
    print(f"mean ROC-AUC change, model + feature vs model alone, leave-one-dataset-out over {len(gains)} datasets: {mean_gain:+.4f}")
    return out


if __name__ == "__main__":
    sys.exit(main())
