#!/usr/bin/python3
"""Evaluates credence's quote detection against BuzzFeed-Webis 2016's quote spans.

The corpus marks quotations in each article's mainText with <quote> spans
(the jsonl field `quotes`: [[start, end], ...], as strings). Those offsets
count UTF-16 code units, as Java does: they equal code-point offsets except
after a character outside the Basic Multilingual Plane (an emoji), where
only the UTF-16 reading keeps the spans on their quotation marks (article
1554.xml shows it). The gold spans cover the quoted words without the
quotation marks (this script prints examples and counts), so credence's
`inner` span is compared; the full span with its marks is reported beside.
Gold cleaning: spans starting at -1 or empty are dropped, and so are exact
duplicates and twins that differ from another gold span only by quotation
marks or white space at the ends (90 quotes are annotated both ways).

Runs `credence analyze --format json -` on each non-empty mainText (UTF-8 on
stdin, two credence processes at a time, `--dictionary ""` unless --spelling),
converts credence's byte offsets to UTF-16 offsets, and computes precision and
recall:
  exact    a predicted span equals a gold span;
  overlap  a predicted span overlaps a gold span by >= 50% of the shorter of
           the two; each gold span is matched at most once (greedy, largest
           overlap first, then the tighter pair).
The recall on gold spans that sit between quotation marks is printed too:
the rest are mostly embedded tweets and block quotes, which have none.
Prints a table, writes --out (docs/quotes-eval.json), and writes 10 false
positives and 10 false negatives (overlap criterion, seed 2) with their
context to --errors (docs/quotes-errors.md); a "## Diagnosis" section written
by hand at the end of that file is kept when it is written again.

Usage: tools/eval_quotes.py [--credence build/release/credence] [--shared ../shared]
Standard library only; run with Debian's /usr/bin/python3.
"""

import ast
import collections
import concurrent.futures
import datetime
import gzip
import json
import os
import random
import re
import sys

from credence_run import REPO, common_parser, run_credence
DATA = "data/buzzfeed_webis_2016/buzzfeed_webis_2016.jsonl.gz"
QUOTE_MARKS = set('"\'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201f\u2039\u203a')
SEED = 2
N_ERRORS = 10


def parse_args():
    p = common_parser(__doc__.split("\n")[0], "docs/quotes-eval.json")
    p.add_argument("--errors", default=os.path.join(REPO, "docs/quotes-errors.md"))
    p.add_argument("--limit", type=int, default=0, help="only the first N articles (testing)")
    return p.parse_args()


def load(shared, limit):
    path = os.path.join(shared, DATA)
    if not os.path.exists(path):
        sys.exit(f"eval_quotes: {path} missing (set --shared or CREDENCE_SHARED)")
    docs = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if limit and i >= limit:
                break
            d = json.loads(line)
            q = d.get("quotes") or []
            if isinstance(q, str):  # some exports keep the Python repr
                q = ast.literal_eval(q)
            docs.append({"id": d["id"], "text": d.get("mainText") or "", "quotes": [(int(a), int(b)) for a, b in q]})
    return docs


def utf16_len(ch):
    return 2 if ord(ch) > 0xFFFF else 1


def byte_to_utf16(text):
    """Returns a list mapping each UTF-8 byte offset to a UTF-16 offset
    (a byte inside a character maps to that character's start)."""
    out = []
    u = 0
    for ch in text:
        n = len(ch.encode("utf-8", "surrogatepass"))
        out.extend([u] * n)
        u += utf16_len(ch)
    out.append(u)
    return out


def utf16_indexable(text):
    """Returns `text` with each astral character as two U+FFFD, so that
    string indices are UTF-16 offsets."""
    return "".join(c if ord(c) <= 0xFFFF else "\ufffd\ufffd" for c in text)


def match(pred, gold):
    """Returns (exact TP, overlap TP, matched gold set, matched pred set)."""
    gold_set = set(gold)
    exact = sum(1 for p in set(pred) if p in gold_set)
    cands = []
    for pi, (ps, pe) in enumerate(pred):
        for gi, (gs, ge) in enumerate(gold):
            ov = min(pe, ge) - max(ps, gs)
            if ov > 0 and ov >= 0.5 * min(pe - ps, ge - gs):
                # Largest overlap first; on a tie the tighter pair (a quote
                # can sit inside a longer, nested gold span too).
                cands.append((-ov, max(pe, ge) - min(ps, gs), pi, gi))
    cands.sort()
    used_p, used_g = set(), set()
    for _, _, pi, gi in cands:
        if pi in used_p or gi in used_g:
            continue
        used_p.add(pi)
        used_g.add(gi)
    return exact, len(used_p), used_g, used_p


def prf(tp_p, n_pred, tp_g, n_gold):
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_g / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def trim(text16, a, b):
    """Returns [a, b) without quotation marks and white space at its ends."""
    while a < b and (text16[a] in QUOTE_MARKS or text16[a].isspace()):
        a += 1
    while b > a and (text16[b - 1] in QUOTE_MARKS or text16[b - 1].isspace()):
        b -= 1
    return a, b


def flanked(text16, a, b):
    """True when the gold span sits between quotation marks (within one
    character of white space or punctuation)."""
    before = text16[max(0, a - 2):a]
    after = text16[b:b + 2]
    return any(c in QUOTE_MARKS for c in before) and any(c in QUOTE_MARKS for c in after)


def context(text, a, b, width=120):
    left = text[max(0, a - width):a]
    right = text[b:b + width]
    mid = text[a:b]
    if len(mid) > 400:
        mid = mid[:250] + " … " + mid[-100:]
    s = ("…" if a > width else "") + left + "⟦" + mid + "⟧" + right + ("…" if b + width < len(text) else "")
    s = s.replace("|", "¦").replace("\n", " ⏎ ")
    return re.sub("[\x00-\x1f\x7f-\x9f]", " ", s)  # C0/C1 controls (mojibake carries C1)


def main():
    args = parse_args()
    if not os.access(args.credence, os.X_OK):
        sys.exit(f"eval_quotes: {args.credence} is not an executable (build it or pass --credence)")
    docs = load(args.shared, args.limit)

    # What do the gold spans cover? Count spans that start or end on a
    # quotation mark (marks included) against spans between marks.
    cover = collections.Counter()
    examples = []
    invalid = duplicates = near_duplicates = 0
    for d in docs:
        t16 = d["t16"] = utf16_indexable(d["text"])
        by_key = {}  # trimmed span -> gold spans that trim to it
        for a, b in d["quotes"]:
            if a < 0 or b > len(t16) or a >= b:
                invalid += 1
                continue
            spans = by_key.setdefault(trim(t16, a, b), [])
            if (a, b) in spans:
                duplicates += 1
                continue
            spans.append((a, b))
        golds = []
        for key, spans in by_key.items():
            # Some quotes are annotated twice, with and without their marks:
            # keep one, the one without marks when there is one.
            near_duplicates += len(spans) - 1
            golds.append(key if key in spans else spans[0])
        for a, b in sorted(golds):
            s = t16[a:b]
            cover["spans"] += 1
            cover["starts_with_mark"] += s[:1] in QUOTE_MARKS
            cover["ends_with_mark"] += s[-1:] in QUOTE_MARKS
            cover["mark_just_before"] += a > 0 and t16[a - 1] in QUOTE_MARKS
            cover["mark_just_after"] += b < len(t16) and t16[b] in QUOTE_MARKS
            cover["flanked_by_marks"] += flanked(t16, a, b)
            if len(examples) < 8 and (a, b) == min(golds):  # the first gold span of the first articles
                examples.append(f"{d['id']} [{a},{b}) …{t16[max(0, a - 25):a]}⟦{s[:70]}⟧{t16[b:b + 15]}…")
        d["gold"] = sorted(golds)
    print("gold spans: what they cover:")
    for k in ("spans", "starts_with_mark", "ends_with_mark", "mark_just_before", "mark_just_after", "flanked_by_marks"):
        print(f"  {k}\t{cover[k]}")
    print("  examples:")
    for e in examples:
        print("   ", e.replace("\n", " "))
    print(f"  gold spans dropped: {invalid} invalid (start -1 or empty), {duplicates} exact duplicates, "
          f"{near_duplicates} twins that differ only by quotation marks or white space at the ends")
    print("  => gold spans exclude the quotation marks: comparing credence's `inner` span.\n")

    todo = [d for d in docs if d["text"].strip()]
    empty = len(docs) - len(todo)

    def work(d):
        return run_credence(args.credence, d["text"].encode("utf-8", "surrogatepass"), spelling=args.spelling)

    errors = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for d, (report, err) in zip(todo, pool.map(work, todo)):
            if err:
                errors.append(f"{d['id']}: {err}")
                d["pred_inner"] = d["pred_full"] = None
                continue
            m = byte_to_utf16(d["text"])
            d["pred_inner"] = sorted({(m[q["inner"]["start"]], m[q["inner"]["end"]]) for q in report.get("quotes") or []})
            d["pred_full"] = sorted({(m[q["start"]], m[q["end"]]) for q in report.get("quotes") or []})

    scored = [d for d in todo if d["pred_inner"] is not None]
    results = {}
    for variant in ("inner", "full"):
        n_pred = n_gold = ex = ov = 0
        fl_gold = fl_hit = 0
        for d in scored:
            pred = d["pred_" + variant]
            e, o, used_g, used_p = match(pred, d["gold"])
            n_pred += len(pred)
            n_gold += len(d["gold"])
            ex += e
            ov += o
            if variant == "inner":
                d["fp"] = [p for i, p in enumerate(pred) if i not in used_p]
                d["fn"] = [g for i, g in enumerate(d["gold"]) if i not in used_g]
                for i, (a, b) in enumerate(d["gold"]):
                    if flanked(d["t16"], a, b):
                        fl_gold += 1
                        fl_hit += i in used_g
        results[variant] = {
            "predicted": n_pred, "gold": n_gold, "exact_tp": ex, "overlap_tp": ov,
            "exact": prf(ex, n_pred, ex, n_gold), "overlap": prf(ov, n_pred, ov, n_gold),
        }
        if variant == "inner":
            results[variant]["gold_flanked_by_marks"] = fl_gold
            results[variant]["overlap_recall_on_flanked_gold"] = round(fl_hit / fl_gold, 4) if fl_gold else 0.0

    print(f"articles {len(docs)}, empty skipped {empty}, analysis errors {len(errors)}, scored {len(scored)}")
    for e in errors[:5]:
        print("  error", e, file=sys.stderr)
    print("span\tmatch\tpredicted\tgold\tTP\tprecision\trecall\tF1")
    for variant in ("inner", "full"):
        r = results[variant]
        for kind in ("exact", "overlap"):
            tp = r[kind + "_tp"]
            m = r[kind]
            print(f"{variant}\t{kind}\t{r['predicted']}\t{r['gold']}\t{tp}\t{m['precision']:.3f}\t{m['recall']:.3f}\t{m['f1']:.3f}")
    ri = results["inner"]
    print(f"overlap recall on the {ri['gold_flanked_by_marks']} gold spans that sit between quotation marks: "
          f"{ri['overlap_recall_on_flanked_gold']:.3f}")

    mtime = datetime.datetime.fromtimestamp(os.path.getmtime(args.credence)).strftime("%Y-%m-%d %H:%M")
    binary = f"{os.path.relpath(args.credence, REPO)} built {mtime}"
    out = {
        "tool": "tools/eval_quotes.py", "credence": binary, "dataset": DATA, "offsets": "UTF-16 code units (credence bytes converted)",
        "compared_span": "inner", "articles": len(docs), "empty_skipped": empty, "analysis_errors": len(errors),
        "scored": len(scored), "gold_invalid_dropped": invalid, "gold_duplicates_dropped": duplicates,
        "gold_mark_twins_dropped": near_duplicates,
        "gold_coverage": dict(cover), "results": results,
    }
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1)
        f.write("\n")

    rng = random.Random(SEED)
    fps = [(d, s) for d in scored for s in d["fp"]]
    fns = [(d, s) for d in scored for s in d["fn"]]
    lines = ["# Quote detection: sample errors on BuzzFeed-Webis 2016", "",
             f"Made by `tools/eval_quotes.py` (binary {binary}): {N_ERRORS} false positives and {N_ERRORS} false negatives (overlap",
             f"criterion, credence's `inner` span; seed {SEED}) of {len(fps)} and {len(fns)}. ⟦…⟧ marks the span;",
             "offsets are UTF-16 code units into mainText. \"flanked\" says whether a gold span sits between",
             "quotation marks (unmarked gold quotes are mostly embedded tweets and block quotes).", ""]
    for title, items in (("False positives (credence quote, no gold quote)", fps),
                         ("False negatives (gold quote, no credence quote)", fns)):
        lines += [f"## {title}", "", "| # | article | span | text in context |", "|---|---|---|---|"]
        for n, (d, (a, b)) in enumerate(sorted(rng.sample(items, min(N_ERRORS, len(items))),
                                              key=lambda x: (x[0]["id"], x[1])), 1):
            ctx = context(d["t16"], a, b)
            note = ""
            if items is fns:
                note = " (flanked)" if flanked(d["t16"], a, b) else " (not flanked)"
            lines.append(f"| {n} | {d['id']} | {a}-{b}{note} | {ctx} |")
        lines.append("")
    # A "## Diagnosis" section written by hand below the tables is kept.
    diagnosis = ""
    if os.path.exists(args.errors):
        with open(args.errors, encoding="utf-8") as f:
            old = f.read()
        if "## Diagnosis" in old:
            diagnosis = old[old.index("## Diagnosis"):].rstrip() + "\n"
    with open(args.errors, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n" + diagnosis)
    print(f"eval_quotes: wrote {args.out} and {args.errors}", file=sys.stderr)


if __name__ == "__main__":
    main()
