#!/usr/bin/env python3
"""credence's content model against the fastText CLI on the very same split files.

Both systems train on splits/SPLIT/train.jsonl, use splits/SPLIT/valid.jsonl
(credence: L2 choice and calibration; both: the macro-F1 decision threshold),
and are tested on splits/SPLIT/test.jsonl. Printed, one tab-separated line
per figure: macro-F1 at 0.5 and at the validation-tuned threshold, ROC-AUC,
training time, model size, and prediction throughput, then the ratios.

fastText reads "__label__X text" lines: title + text, lower-cased, with
punctuation split off (its usual preparation); its training file is shuffled
with a fixed seed, since fastText does not shuffle and would otherwise learn
the file's label order. Settings: -epoch 25 -wordNgrams 2 (the fastText
tutorial's), -thread as given, everything else default.

With --lodo, leave one dataset out instead: for each dataset D of the site
split, both systems train on site/train and calibrate (credence) or tune
(both) on site/valid without D's records and without any record of a site D
holds, and are tested on all of D's records (train, valid and test): the rule
of `credence eval --corpus`. Printed per dataset: n, ROC-AUC and ECE of each
system, then the mean and lowest ROC-AUC of each.

Prediction throughput, one thread, medians of 3:
  fastText  `fasttext predict-prob` over the test file, minus the same
            command over a one-line file (so loading its model is not counted);
  credence  Model::Score over reports made beforehand (`credence eval
            --model`'s model_articles_per_second), and the whole path from
            raw text (analyze + score), which fastText has no counterpart for:
            its input was tokenized by this script beforehand.
"""
import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(REPO, "tools"))


def fasttext_line(record):
    text = ((record.get("title") or "") + " " + record["text"]).lower()
    text = re.sub(r"([.,!?;:()\"“”‘’'])", r" \1 ", text)
    return "__label__%s %s\n" % (record["label"], re.sub(r"\s+", " ", text).strip())


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def auc(p, y):
    order = sorted(range(len(p)), key=lambda i: p[i])
    ranks = [0.0] * len(p)
    i = 0
    while i < len(order):
        j = i
        while j < len(order) and p[order[j]] == p[order[i]]:
            j += 1
        for k in range(i, j):
            ranks[order[k]] = (i + j + 1) / 2
        i = j
    pos = sum(y)
    neg = len(y) - pos
    return (sum(r for r, t in zip(ranks, y) if t) - pos * (pos + 1) / 2) / (pos * neg)


def macro_f1(p, y, threshold):
    tp = sum(1 for a, b in zip(p, y) if a >= threshold and b)
    fp = sum(1 for a, b in zip(p, y) if a >= threshold and not b)
    fn = sum(1 for a, b in zip(p, y) if a < threshold and b)
    tn = len(y) - tp - fp - fn
    f1 = lambda t, a, b: 2 * t / (2 * t + a + b) if t else 0.0
    return (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2


def best_threshold(p, y):
    """The same rule as credence's BestMacroF1Threshold: 0.05..0.95 by 0.01, 0.5 wins ties."""
    best, best_f1 = 0.5, macro_f1(p, y, 0.5)
    for k in range(5, 96):
        f = macro_f1(p, y, k / 100)
        if f > best_f1 + 1e-12:
            best, best_f1 = k / 100, f
    return best


def fasttext_probs(model, path):
    out = subprocess.run(["fasttext", "predict-prob", model, path, "2"], capture_output=True, text=True, check=True)
    probs = []
    for line in out.stdout.splitlines():
        m = re.search(r"__label__unreliable ([0-9.eE+-]+)", line)
        probs.append(float(m.group(1)) if m else 1.0 - float(re.search(r"__label__reliable ([0-9.eE+-]+)", line).group(1)))
    return probs


def ece(p, y, bins=10):
    """Expected calibration error over equal-width bins, as credence's metrics compute it."""
    total, err = len(p), 0.0
    for b in range(bins):
        idx = [i for i, v in enumerate(p) if min(int(v * bins), bins - 1) == b]
        if idx:
            err += len(idx) / total * abs(sum(p[i] for i in idx) / len(idx) - sum(y[i] for i in idx) / len(idx))
    return err


def fasttext_fit(train_records, seed, threads, work, name):
    lines = [fasttext_line(r) for r in train_records]
    random.Random(seed).shuffle(lines)
    path = os.path.join(work, name + ".train.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(lines)
    model = os.path.join(work, name)
    subprocess.run(["fasttext", "supervised", "-input", path, "-output", model, "-epoch", "25", "-wordNgrams", "2",
                    "-thread", str(threads), "-seed", str(seed), "-verbose", "0"], check=True)
    os.remove(path)
    return model + ".bin"


def fasttext_predict(model, records, work):
    path = os.path.join(work, "predict.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(fasttext_line(r) for r in records)
    return fasttext_probs(model, path)


def write_jsonl(path, records):
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def run_lodo(args):
    """Leave one dataset out: both systems on the same files, dataset by dataset."""
    split = os.path.join(args.corpus, "splits", "site")
    parts = {part: read_jsonl(os.path.join(split, part + ".jsonl")) for part in ("train", "valid", "test")}
    datasets = sorted({r["dataset"] for recs in parts.values() for r in recs})
    work = tempfile.mkdtemp(prefix="credence-lodo-")
    emit = lambda *cols: print("\t".join(str(c) for c in cols), flush=True)
    emit("left_out", "n", "unreliable", "credence_auc", "fasttext_auc", "credence_ece", "fasttext_ece", "auc_difference")
    results = []
    for d in datasets:
        test = [r for recs in parts.values() for r in recs if r["dataset"] == d]
        domains = {r["domain"] for r in test}
        keep = lambda r: r["dataset"] != d and r["domain"] not in domains
        train = [r for r in parts["train"] if keep(r)]
        valid = [r for r in parts["valid"] if keep(r)]
        y = [r["label"] == "unreliable" for r in test]
        if not (0 < sum(y) < len(y)) or len({r["label"] for r in train}) < 2 or len({r["label"] for r in valid}) < 2:
            emit(d, len(test), sum(y), "-", "-", "-", "-", "one label only")
            continue
        files = {}
        for part, recs in (("train", train), ("valid", valid), ("test", test)):
            files[part] = os.path.join(work, part + ".jsonl")
            write_jsonl(files[part], recs)
        cr_model = os.path.join(work, "credence.bin")
        subprocess.run([args.credence, "train", "--train", files["train"], "--valid", files["valid"], "--out", cr_model,
                        "--threads", str(args.threads)] + args.credence_args,
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        pred = os.path.join(work, "pred.jsonl")
        subprocess.run([args.credence, "eval", "--model", cr_model, "--test", files["test"], "--predictions", pred],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        cr = [r["probability_unreliable"] for r in read_jsonl(pred)]
        ft_model = fasttext_fit(train, args.seed, args.threads, work, "ft")
        ft = fasttext_predict(ft_model, test, work)
        row = (d, len(test), sum(y), auc(cr, y), auc(ft, y), ece(cr, y), ece(ft, y))
        results.append(row)
        emit(*row[:3], *("%.3f" % v for v in row[3:]), "%+.3f" % (row[3] - row[4]))
    if results:
        for name, col in (("credence", 3), ("fasttext", 4)):
            aucs = [r[col] for r in results]
            emit("mean", "", "", "", "", "", "", "%s mean ROC-AUC %.3f, lowest %.3f over %d datasets" %
                 (name, statistics.mean(aucs), min(aucs), len(aucs)))
        above = sum(1 for r in results if r[3] > r[4])
        emit("ratio", "", "", "", "", "", "", "credence above fastText on %d of %d datasets" % (above, len(results)))
    subprocess.run(["rm", "-rf", work])


def child_cpu(cmd, **kw):
    """Runs cmd; returns its user+sys CPU seconds."""
    before = os.times()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)
    after = os.times()
    return (after.children_user - before.children_user) + (after.children_system - before.children_system)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", required=True, help="folder made by tools/build_corpus.py")
    ap.add_argument("--split", default="site", choices=["site", "random"])
    ap.add_argument("--credence", default=os.path.join(REPO, "build/release/credence"))
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--lodo", action="store_true", help="leave one dataset out instead of one split")
    ap.add_argument("--credence-arg", dest="credence_args", action="append", default=[],
                    help="an extra option for credence train (repeatable), e.g. --credence-arg=--keep-names")
    args = ap.parse_args()
    if args.lodo:
        run_lodo(args)
        return
    split = os.path.join(args.corpus, "splits", args.split)
    work = tempfile.mkdtemp(prefix="credence-vs-fasttext-")
    files = {}
    labels = {}
    for part in ("train", "valid", "test"):
        records = read_jsonl(os.path.join(split, part + ".jsonl"))
        lines = [fasttext_line(r) for r in records]
        if part == "train":
            random.Random(args.seed).shuffle(lines)
        files[part] = os.path.join(work, part + ".txt")
        with open(files[part], "w", encoding="utf-8") as f:
            f.writelines(lines)
        labels[part] = [r["label"] == "unreliable" for r in records]
    one_line = os.path.join(work, "one.txt")
    with open(files["test"], encoding="utf-8") as f, open(one_line, "w", encoding="utf-8") as g:
        g.write(f.readline())

    rows = []
    emit = lambda *cols: print("\t".join(str(c) for c in cols), flush=True)
    emit("system", "figure", "value", "unit", "note")

    # fastText
    ft_model = os.path.join(work, "ft")
    start = time.monotonic()
    subprocess.run(["fasttext", "supervised", "-input", files["train"], "-output", ft_model, "-epoch", "25",
                    "-wordNgrams", "2", "-thread", str(args.threads), "-seed", str(args.seed), "-verbose", "0"],
                   check=True)
    ft_train_s = time.monotonic() - start
    ft_valid = fasttext_probs(ft_model + ".bin", files["valid"])
    ft_test = fasttext_probs(ft_model + ".bin", files["test"])
    ft_threshold = best_threshold(ft_valid, labels["valid"])
    n_test = len(labels["test"])
    ft_times = [child_cpu(["fasttext", "predict-prob", ft_model + ".bin", files["test"], "2"]) -
                child_cpu(["fasttext", "predict-prob", ft_model + ".bin", one_line, "2"]) for _ in range(3)]
    ft_speed = n_test / max(1e-9, statistics.median(ft_times))
    ft = {"f1_05": macro_f1(ft_test, labels["test"], 0.5), "f1_tuned": macro_f1(ft_test, labels["test"], ft_threshold),
          "auc": auc(ft_test, labels["test"]), "train_s": ft_train_s, "size": os.path.getsize(ft_model + ".bin"),
          "speed": ft_speed, "threshold": ft_threshold}

    # credence
    cr_model = os.path.join(work, "credence-model.bin")
    start = time.monotonic()
    subprocess.run([args.credence, "train", "--train", os.path.join(split, "train.jsonl"), "--valid",
                    os.path.join(split, "valid.jsonl"), "--out", cr_model, "--threads", str(args.threads)] +
                   args.credence_args,
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    cr_train_s = time.monotonic() - start
    speeds, speeds_e2e = [], []
    for _ in range(3):
        out = subprocess.run([args.credence, "eval", "--model", cr_model, "--test", os.path.join(split, "test.jsonl"),
                              "--format", "json"], capture_output=True, text=True, check=True)
        speed = json.loads(out.stdout)[0]["speed_one_thread"]
        speeds.append(speed["model_articles_per_second"])
        speeds_e2e.append(speed["analyze_and_model_articles_per_second"])

    def credence_probs(part):
        pred = os.path.join(work, part + ".pred.jsonl")
        subprocess.run([args.credence, "eval", "--model", cr_model, "--test", os.path.join(split, part + ".jsonl"),
                        "--predictions", pred], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return [r["probability_unreliable"] for r in read_jsonl(pred)]

    cr_valid, cr_test = credence_probs("valid"), credence_probs("test")
    cr_threshold = best_threshold(cr_valid, labels["valid"])
    cr = {"f1_05": macro_f1(cr_test, labels["test"], 0.5), "f1_tuned": macro_f1(cr_test, labels["test"], cr_threshold),
          "auc": auc(cr_test, labels["test"]), "train_s": cr_train_s, "size": os.path.getsize(cr_model),
          "speed": statistics.median(speeds), "speed_e2e": statistics.median(speeds_e2e), "threshold": cr_threshold}

    emit("fasttext", "macro_f1_at_0.5", "%.3f" % ft["f1_05"], "", "test, " + args.split + " split")
    emit("fasttext", "macro_f1_tuned", "%.3f" % ft["f1_tuned"], "", "threshold %.2f from valid" % ft["threshold"])
    emit("credence", "macro_f1_at_0.5", "%.3f" % cr["f1_05"], "", "test, " + args.split + " split")
    emit("credence", "macro_f1_tuned", "%.3f" % cr["f1_tuned"], "", "threshold %.2f from valid" % cr["threshold"])
    emit("fasttext", "roc_auc", "%.3f" % ft["auc"], "", "")
    emit("credence", "roc_auc", "%.3f" % cr["auc"], "", "")
    emit("fasttext", "train_time", "%.1f" % ft["train_s"], "s", "wall, %d threads" % args.threads)
    emit("credence", "train_time", "%.1f" % cr["train_s"], "s", "wall, %d threads, includes analyzing the texts" % args.threads)
    emit("fasttext", "model_size", "%.1f" % (ft["size"] / 1e6), "MB", "")
    emit("credence", "model_size", "%.1f" % (cr["size"] / 1e6), "MB", "")
    emit("fasttext", "predict", "%.0f" % ft["speed"], "articles/s", "one thread, pre-tokenized input, load excluded, median of 3")
    emit("credence", "predict", "%.0f" % cr["speed"], "articles/s", "one thread, Model::Score on analyzed reports, median of 3")
    emit("credence", "analyze_and_predict", "%.0f" % cr["speed_e2e"], "articles/s", "one thread, raw text to verdict")
    # Per dataset: the pooled figure is mostly GossipCop's (two thirds of the test); the mean of the
    # datasets' own ROC-AUCs weighs each dataset alike.
    test_records = read_jsonl(os.path.join(split, "test.jsonl"))
    per_dataset = {"credence": [], "fasttext": []}
    for d in sorted({r["dataset"] for r in test_records}):
        idx = [i for i, r in enumerate(test_records) if r["dataset"] == d]
        y = [labels["test"][i] for i in idx]
        if not 0 < sum(y) < len(y):
            continue
        for name, probs in (("credence", cr_test), ("fasttext", ft_test)):
            p = [probs[i] for i in idx]
            per_dataset[name].append(auc(p, y))
            emit(name, "roc_auc " + d, "%.3f" % auc(p, y), "", "%d records, %d unreliable; ECE %.3f" % (len(y), sum(y), ece(p, y)))
    for name, probs in (("credence", cr_test), ("fasttext", ft_test)):
        emit(name, "ece", "%.3f" % ece(probs, labels["test"]), "", "10 bins, all test records")
        emit(name, "roc_auc mean of datasets", "%.3f" % statistics.mean(per_dataset[name]), "",
             "%d datasets with both labels" % len(per_dataset[name]))
    emit("ratio", "macro_f1_tuned credence/fasttext", "%.3f" % (cr["f1_tuned"] / ft["f1_tuned"]), "", "")
    emit("ratio", "roc_auc credence/fasttext", "%.3f" % (cr["auc"] / ft["auc"]), "", "")
    emit("ratio", "predict credence/fasttext", "%.2f" % (cr["speed"] / ft["speed"]), "", "> 1: credence faster")
    emit("ratio", "model_size fasttext/credence", "%.0f" % (ft["size"] / cr["size"]), "", "")
    emit("difference", "roc_auc credence-fasttext", "%+.3f" % (cr["auc"] - ft["auc"]), "", "all test records")
    emit("difference", "roc_auc mean of datasets credence-fasttext",
         "%+.3f" % (statistics.mean(per_dataset["credence"]) - statistics.mean(per_dataset["fasttext"])), "", "")
    subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    main()
