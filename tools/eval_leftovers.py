#!/usr/bin/python3
"""Evaluates credence's page-leftover removal on scraped news text.

Runs `credence analyze --format json --title TITLE -` (text on stdin) over every
text of FakeNewsNet (PolitiFact and GossipCop) and BuzzFeed-Webis 2016, with
two credence processes at a time (and `--dictionary ""` unless --spelling:
spelling does not touch extraction, and loading the dictionary would triple the
run time), and reports per dataset: documents, empty
texts skipped, documents with at least one removal, removed blocks and bytes
per category (and per rule), and documents with a headline found. Writes
them to --out (docs/leftovers-eval.json).

Then draws a deterministic sample (seed 2) of 50 removed blocks, stratified by
category (every category with >= 5 removals gets at least 3), and 50 kept body
blocks, stratified by dataset (at least 5 each), and writes them as a table to
--review (docs/leftovers-review.md) with an empty "correct?" column to fill in
by eye. Verdicts already in that file are kept when it is written again (rows
are keyed by dataset, id and byte span), and the precision figures at its top
are computed from them:

  removed blocks   y    leftover, right category
                   cat  leftover, wrong category
                   n    article body wrongly removed
  kept blocks      y    article body
                   n    leftover that was kept

Usage:
  tools/eval_leftovers.py [--credence build/release/credence] [--shared ../shared]
  tools/eval_leftovers.py --score-only      # recount the verdicts in --review
  tools/eval_leftovers.py --context         # print each sampled block in its document
About 10 minutes for the ~24k texts on 2 cores; --cache FILE keeps the results
so that the sample and the tables can be remade without running credence.

Standard library only; run with Debian's /usr/bin/python3.
"""

import collections
import concurrent.futures
import datetime
import gzip
import json
import os
import random
import re
import subprocess
import sys

from credence_run import REPO, common_parser, run_credence

# (name, path under shared/, text field)
DATASETS = [
    ("fakenewsnet_politifact", "data/fakenewsnet_text/fakenewsnet_politifact.jsonl.gz", "text"),
    ("fakenewsnet_gossipcop", "data/fakenewsnet_text/fakenewsnet_gossipcop.jsonl.gz", "text"),
    ("buzzfeed_webis_2016", "data/buzzfeed_webis_2016/buzzfeed_webis_2016.jsonl.gz", "mainText"),
]
CATEGORIES = ["site_chrome", "related", "signature", "appeal", "widget", "comment_prompt", "share", "copyright"]
SEED = 2
N_REMOVED = 50
N_KEPT = 50
MIN_PER_CATEGORY = 3      # for categories with >= MIN_CATEGORY_SIZE removals
MIN_CATEGORY_SIZE = 5
MIN_PER_DATASET = 5
TEXT_CHARS = 300


def parse_args():
    p = common_parser(__doc__.split("\n")[0], "docs/leftovers-eval.json")
    p.add_argument("--review", default=os.path.join(REPO, "docs/leftovers-review.md"))
    p.add_argument("--limit", type=int, default=0, help="only the first N records of each dataset (testing)")
    p.add_argument("--cache", help="JSONL of per-document results: those in it are not run again; "
                                   "new ones are appended (made with the same binary!)")
    p.add_argument("--score-only", action="store_true", help="only recount the verdicts in --review")
    p.add_argument("--context", action="store_true", help="print each sampled block in its document")
    return p.parse_args()


def load_records(shared, limit):
    """Yields (dataset, index, id, title, text) for every record."""
    for name, rel, field in DATASETS:
        path = os.path.join(shared, rel)
        if not os.path.exists(path):
            sys.exit(f"eval_leftovers: {path} missing (set --shared or CREDENCE_SHARED)")
        seen = set()
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for i, line in enumerate(f):
                if limit and i >= limit:
                    break
                d = json.loads(line)
                doc_id = str(d.get("id", i))
                if doc_id in seen:  # PolitiFact repeats two ids: tell them apart by line
                    doc_id = f"{doc_id}@{i}"
                seen.add(doc_id)
                yield name, i, doc_id, d.get("title") or "", d.get(field) or ""


def encode(text):
    # Lone surrogates can come out of JSON; keep them as the bytes credence
    # would have to repair rather than changing the text's length.
    return text.encode("utf-8", "surrogatepass")


def summarise(report):
    """The parts of a report this evaluation needs."""
    art = report.get("article") or {}
    return {
        "headline": art.get("headline") is not None,
        "body": [[s["start"], s["end"]] for s in art.get("body") or []],
        "removed": [[r["category"], r.get("rule", ""), r["start"], r["end"]] for r in report.get("removed") or []],
    }


def analyse_all(args):
    """Returns {(dataset, index): result} and the records, running credence where needed."""
    records = list(load_records(args.shared, args.limit))
    results = {}
    if args.cache and os.path.exists(args.cache):
        with open(args.cache, encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                results[(r["dataset"], r["index"])] = r
        print(f"eval_leftovers: {len(results)} cached results from {args.cache}", file=sys.stderr)
    todo = [rec for rec in records if (rec[0], rec[1]) not in results]
    if not todo:
        return records, results
    if not os.access(args.credence, os.X_OK):
        sys.exit(f"eval_leftovers: {args.credence} is not an executable (build it or pass --credence)")

    def work(rec):
        name, i, doc_id, title, text = rec
        if not text.strip():
            return {"dataset": name, "index": i, "id": doc_id, "empty": True}
        report, err = run_credence(args.credence, encode(text), title, args.spelling)
        out = {"dataset": name, "index": i, "id": doc_id}
        if err:
            out["error"] = err
        else:
            out.update(summarise(report))
        return out

    # A cache is appended to, so an interrupted run resumes where it stopped.
    cache = open(args.cache, "a", encoding="utf-8") if args.cache else None
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        # Each worker thread drives one credence process, so at most
        # args.jobs processes run; map() keeps input order (determinism).
        for n, r in enumerate(pool.map(work, todo), 1):
            results[(r["dataset"], r["index"])] = r
            if cache and "error" not in r:
                cache.write(json.dumps(r) + "\n")
            if n % 2000 == 0:
                print(f"eval_leftovers: {n}/{len(todo)}", file=sys.stderr)
    if cache:
        cache.close()
    return records, results


def count(records, results):
    stats = {}
    for name, _, _ in DATASETS:
        stats[name] = {
            "documents": 0, "empty_texts_skipped": 0, "analyzed": 0, "errors": 0, "input_bytes": 0,
            "documents_with_removal": 0, "documents_with_headline": 0, "body_blocks": 0, "body_bytes": 0,
            "removed_blocks": {c: 0 for c in CATEGORIES}, "removed_bytes": {c: 0 for c in CATEGORIES},
            "removed_blocks_by_rule": collections.Counter(), "error_examples": [],
        }
    for name, i, doc_id, _, text in records:
        s = stats[name]
        s["documents"] += 1
        r = results[(name, i)]
        if r.get("empty"):
            s["empty_texts_skipped"] += 1
            continue
        if "error" in r:
            s["errors"] += 1
            if len(s["error_examples"]) < 5:
                s["error_examples"].append(f"{doc_id}: {r['error']}")
            continue
        s["analyzed"] += 1
        s["input_bytes"] += len(encode(text))
        s["documents_with_headline"] += r["headline"]
        s["documents_with_removal"] += bool(r["removed"])
        s["body_blocks"] += len(r["body"])
        s["body_bytes"] += sum(e - b for b, e in r["body"])
        for cat, rule, b, e in r["removed"]:
            s["removed_blocks"][cat] = s["removed_blocks"].get(cat, 0) + 1
            s["removed_bytes"][cat] = s["removed_bytes"].get(cat, 0) + (e - b)
            s["removed_blocks_by_rule"][f"{cat}/{rule}"] += 1
    for s in stats.values():
        s["removed_blocks_by_rule"] = dict(s["removed_blocks_by_rule"].most_common())
    return stats


def print_stats(stats):
    names = [n for n, _, _ in DATASETS]
    rows = [("documents", lambda s: s["documents"]),
            ("empty texts skipped", lambda s: s["empty_texts_skipped"]),
            ("analysis errors", lambda s: s["errors"]),
            ("documents with >=1 removal", lambda s: s["documents_with_removal"]),
            ("documents with headline", lambda s: s["documents_with_headline"]),
            ("body blocks kept", lambda s: s["body_blocks"])]
    for c in CATEGORIES:
        rows.append((f"blocks {c}", lambda s, c=c: s["removed_blocks"].get(c, 0)))
    for c in CATEGORIES:
        rows.append((f"bytes {c}", lambda s, c=c: s["removed_bytes"].get(c, 0)))
    print("\t".join(["measure"] + names + ["total"]))
    for label, f in rows:
        vals = [f(stats[n]) for n in names]
        print("\t".join([label] + [str(v) for v in vals] + [str(sum(vals))]))
    for n in names:
        for ex in stats[n]["error_examples"]:
            print(f"error {n}: {ex}", file=sys.stderr)


def allocate(sizes, total, minimum, min_size):
    """Splits `total` draws over strata: `minimum` for each stratum of at
    least `min_size`, the rest proportionally (largest remainder)."""
    alloc = {k: (min(minimum, v) if v >= min_size else 0) for k, v in sizes.items()}
    left = total - sum(alloc.values())
    pool = sum(sizes.values())
    if left > 0 and pool:
        quota = {k: left * v / pool for k, v in sizes.items()}
        extra = {k: int(q) for k, q in quota.items()}
        rest = left - sum(extra.values())
        for k in sorted(quota, key=lambda k: (-(quota[k] - extra[k]), k))[:rest]:
            extra[k] += 1
        for k in alloc:
            alloc[k] += extra[k]
    for k in alloc:  # never more than a stratum holds
        alloc[k] = min(alloc[k], sizes[k])
    return alloc


def draw_sample(records, results):
    rng = random.Random(SEED)
    removed, kept = collections.defaultdict(list), collections.defaultdict(list)
    for name, i, doc_id, _, _ in records:
        r = results[(name, i)]
        if r.get("empty") or "error" in r:
            continue
        for cat, rule, b, e in r["removed"]:
            removed[cat].append((name, i, doc_id, f"{cat}/{rule}", b, e))
        for b, e in r["body"]:
            kept[name].append((name, i, doc_id, "body", b, e))
    ra = allocate({k: len(v) for k, v in removed.items()}, N_REMOVED, MIN_PER_CATEGORY, MIN_CATEGORY_SIZE)
    ka = allocate({k: len(v) for k, v in kept.items()}, N_KEPT, MIN_PER_DATASET, 1)
    rs = [x for k in sorted(ra) for x in rng.sample(removed[k], ra[k])]
    ks = [x for k in sorted(ka) for x in rng.sample(kept[k], ka[k])]
    population = {"removed": {k: len(v) for k, v in removed.items()}, "kept": {k: len(v) for k, v in kept.items()}}
    return rs, ks, population


def cell(s):
    s = s.replace("|", "¦")  # a pipe would end the table cell
    s = re.sub(r"\r?\n", " ⏎ ", s)
    return re.sub("[\x00-\x1f\x7f-\x9f]", " ", s)  # C0/C1 controls (mojibake carries C1)


ROW = re.compile(r"^\|\s*(\d+)\s*\|(.*)\|\s*$")


NOTES = "## Reviewer notes"


def read_notes(path):
    """Returns the "## Reviewer notes" section of the review file, kept
    verbatim when the file is written again, or ""."""
    if not os.path.exists(path):
        return ""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    start = text.find(NOTES)
    if start < 0:
        return ""
    end = text.find("<!-- population: ", start)
    return text[start:end if end >= 0 else len(text)].rstrip() + "\n\n"


def read_review(path):
    """Returns {(section, dataset, id, span): (verdict, why, category/rule)}
    and the population line."""
    verdicts, population = {}, None
    if not os.path.exists(path):
        return verdicts, population
    section = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith(NOTES):
                section = None
            elif line.startswith("## Removed blocks"):
                section = "removed"
            elif line.startswith("## Kept body blocks"):
                section = "kept"
            elif line.startswith("<!-- population: "):
                population = json.loads(line[len("<!-- population: "):-len(" -->\n")])
            m = ROW.match(line.rstrip("\n"))
            if not m or section is None:
                continue
            cols = [c.strip() for c in m.group(2).split("|")]
            # dataset, id, category/rule, bytes, text, correct?, why
            if len(cols) < 7:
                continue
            verdicts[(section, cols[0], cols[1], cols[3])] = (cols[-2], cols[-1], cols[2])
    return verdicts, population


def score(verdicts, population):
    """Counts verdicts; weighted figures re-weight each stratum by its share
    of the population, since the sample is stratified, not proportional."""
    out = {}
    for section in ("removed", "kept"):
        items = [(k, v) for k, v in verdicts.items() if k[0] == section]
        judged = [(k, v) for k, v in items if v[0] in ("y", "n", "cat")]
        strata = collections.defaultdict(lambda: [0, 0, 0])  # judged, leftover-or-body ok, fully ok
        for k, (v, _, catrule) in judged:
            stratum = catrule.split("/")[0] if section == "removed" else k[1]
            st = strata[stratum]
            st[0] += 1
            st[1] += v in ("y", "cat") if section == "removed" else v == "y"
            st[2] += v == "y"
        res = {"sample": len(items), "judged": len(judged),
               "ok": sum(s[1] for s in strata.values()), "ok_exact": sum(s[2] for s in strata.values()),
               "per_stratum": {k: {"judged": s[0], "ok": s[1], "ok_exact": s[2]} for k, s in sorted(strata.items())}}
        pop = (population or {}).get(section) or {}
        tot = sum(pop.get(k, 0) for k in strata)
        if tot:
            res["weighted_ok"] = sum(pop.get(k, 0) / tot * s[1] / s[0] for k, s in strata.items())
            res["weighted_ok_exact"] = sum(pop.get(k, 0) / tot * s[2] / s[0] for k, s in strata.items())
        out[section] = res
    return out


def pct(a, b):
    return f"{100.0 * a / b:.0f}%" if b else "n/a"


def wilson(a, b, z=1.96):
    """The 95% Wilson score interval of a/b, as "lo-hi%"."""
    if not b:
        return "n/a"
    p = a / b
    centre = (p + z * z / (2 * b)) / (1 + z * z / b)
    half = z * ((p * (1 - p) / b + z * z / (4 * b * b)) ** 0.5) / (1 + z * z / b)
    return f"{100 * (centre - half):.0f}-{100 * (centre + half):.0f}%"


def header(scores, meta):
    r, k = scores["removed"], scores["kept"]
    lines = [
        "# Page-leftover removal: blocks reviewed by eye",
        "",
        f"Made by `tools/eval_leftovers.py` ({meta}). Sample: seed {SEED}; {N_REMOVED} removed blocks stratified by",
        f"category (each category with >= {MIN_CATEGORY_SIZE} removals gets >= {MIN_PER_CATEGORY}), {N_KEPT} kept body blocks",
        f"stratified by dataset (>= {MIN_PER_DATASET} each). Offsets are UTF-8 byte offsets into the text as given.",
        "Verdicts: removed `y` = leftover, right category; `cat` = leftover, wrong category; `n` = article",
        "body wrongly removed. Kept `y` = article body; `n` = a leftover that was kept.",
        "",
        "| measure | correct / judged | precision (sample) | 95% interval (Wilson) | re-weighted by stratum size |",
        "|---|---|---|---|---|",
    ]
    def w(res, key):
        return f"{100.0 * res[key]:.0f}%" if key in res else "n/a"
    for label, res, a, key in (("removed blocks that are leftovers", r, r["ok"], "weighted_ok"),
                               ("removed blocks in the right category", r, r["ok_exact"], "weighted_ok_exact"),
                               ("kept blocks that are article body", k, k["ok"], "weighted_ok")):
        lines.append(f"| {label} | {a} / {res['judged']} | {pct(a, res['judged'])} | {wilson(a, res['judged'])} "
                     f"| {w(res, key)} |")
    lines.append("")
    per = ", ".join(f"{c} {s['ok']}/{s['judged']} ({s['ok_exact']} right category)" for c, s in r["per_stratum"].items())
    if per:
        lines.append(f"Removed, per category (leftover/judged): {per}.")
    per = ", ".join(f"{c} {s['ok']}/{s['judged']}" for c, s in k["per_stratum"].items())
    if per:
        lines.append(f"Kept, per dataset (body/judged): {per}.")
    lines.append("")
    return lines


def write_review(path, rs, ks, records_by_key, old, population, meta):
    new = {}
    body = []
    for section, title, items in (("removed", "## Removed blocks", rs), ("kept", "## Kept body blocks", ks)):
        body += ["", title, "", "| # | dataset | id | category/rule | bytes | text | correct? | why |",
                 "|---|---|---|---|---|---|---|---|"]
        for n, (name, i, doc_id, catrule, b, e) in enumerate(items, 1):
            data = records_by_key[(name, i)]
            text = data[b:e].decode("utf-8", "replace")
            if len(text) > TEXT_CHARS:
                text = text[:TEXT_CHARS] + "…"
            span = f"{b}-{e}"
            verdict, why, old_catrule = old.get((section, name, cell(doc_id), span), ("", "", ""))
            if old_catrule != cell(catrule):  # judged under another category or rule: judge again
                verdict, why = "", ""
            new[(section, name, cell(doc_id), span)] = (verdict, why, catrule)
            body.append(f"| {n} | {name} | {cell(doc_id)} | {cell(catrule)} | {span} | {cell(text)} | {verdict} | {why} |")
    scores = score(new, population)
    notes = read_notes(path)
    lines = header(scores, meta) + ([notes.rstrip(), ""] if notes else []) + \
        [f"<!-- population: {json.dumps(population, sort_keys=True)} -->"] + body
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return scores


def rewrite_scores(path):
    """--score-only: recompute the header of an already filled review file."""
    verdicts, population = read_review(path)
    if not verdicts:
        sys.exit(f"eval_leftovers: no rows in {path}")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    meta = re.search(r"\(([^)]*)\)\. Sample", text)
    rest = text[text.index("<!-- population: "):]
    scores = score(verdicts, population)
    notes = read_notes(path)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(header(scores, meta.group(1) if meta else "")) + "\n" + notes + rest)
    return scores


def show_context(args):
    """Prints each sampled block with the document's layout around it."""
    verdicts, _ = read_review(args.review)
    wanted = {(k[1], k[2]) for k in verdicts}
    docs = {(name, cell(doc_id)): (title, text) for name, i, doc_id, title, text in load_records(args.shared, 0)
            if (name, cell(doc_id)) in wanted}
    for n, (k, (v, why, catrule)) in enumerate(verdicts.items(), 1):
        section, name, doc_id, span = k
        title, text = docs[(name, doc_id)]
        data = encode(text)
        report, err = run_credence(args.credence, data, title, args.spelling)
        b, e = map(int, span.split("-"))
        print(f"=== {n} {section} {name} {doc_id} {catrule} {span} verdict={v!r} {why}")
        print(f"title: {title}")
        if err:
            print("error:", err)
            continue
        marks = [(s["start"], s["end"], "body") for s in report["article"]["body"]]
        marks += [(r["start"], r["end"], f"REMOVED {r['category']}/{r.get('rule', '')}") for r in report["removed"]]
        if report["article"].get("headline"):
            h = report["article"]["headline"]
            marks.append((h["start"], h["end"], "HEADLINE"))
        marks.sort()
        idx = next((j for j, m in enumerate(marks) if m[0] == b and m[1] == e), None)
        if idx is None:
            print("  (block not found in the current report)")
            continue
        for j in range(max(0, idx - 3), min(len(marks), idx + 4)):
            mb, me, what = marks[j]
            t = data[mb:me].decode("utf-8", "replace").replace("\n", " ⏎ ")
            t = t if len(t) <= 400 else t[:300] + " … " + t[-100:]
            print(f"{'>>' if j == idx else '  '} [{what}] {t}")
        print()


def main():
    args = parse_args()
    if args.score_only:
        scores = rewrite_scores(args.review)
        if os.path.exists(args.out):  # keep the JSON's copy of the figures in step
            with open(args.out, encoding="utf-8") as f:
                out = json.load(f)
            out["review"] = scores
            with open(args.out, "w", encoding="utf-8") as f:
                json.dump(out, f, indent=1)
                f.write("\n")
        print(json.dumps({k: {m: v[m] for m in ("judged", "ok", "ok_exact")} for k, v in scores.items()}))
        return
    if args.context:
        show_context(args)
        return
    records, results = analyse_all(args)
    stats = count(records, results)
    print_stats(stats)
    rs, ks, population = draw_sample(records, results)
    records_by_key = {(name, i): encode(text) for name, i, _, _, text in records}
    mtime = os.path.getmtime(args.credence) if os.path.exists(args.credence) else 0
    try:
        rev = subprocess.run(["git", "-C", REPO, "describe", "--always", "--dirty"], capture_output=True,
                             text=True, timeout=30).stdout.strip() or "unknown"
    except OSError:
        rev = "unknown"
    meta = (f"binary {os.path.relpath(args.credence, REPO)} built "
            f"{datetime.datetime.fromtimestamp(mtime).strftime('%Y-%m-%d %H:%M')}, repository at run time {rev}")
    old, _ = read_review(args.review)
    scores = write_review(args.review, rs, ks, records_by_key, old, population, meta)
    out = {"tool": "tools/eval_leftovers.py", "credence": meta, "datasets": stats,
           "sample": {"seed": SEED, "removed": len(rs), "kept": len(ks), "population": population},
           "review": scores}
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print(f"eval_leftovers: wrote {args.out} and {args.review}", file=sys.stderr)
    r, k = scores["removed"], scores["kept"]
    if r["judged"] or k["judged"]:
        print(f"review: removed leftover {r['ok']}/{r['judged']}, right category {r['ok_exact']}/{r['judged']}; "
              f"kept body {k['ok']}/{k['judged']}")


if __name__ == "__main__":
    main()
