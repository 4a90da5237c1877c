#!/usr/bin/python3
"""Peer for bench/extraction.sh: readability-lxml (Debian's python3-readability).

Usage: /usr/bin/python3 readability_lxml.py PAGES_DIR PREDICTIONS.json

Reads every PAGES_DIR/html/KEY.html.gz into memory first, then times (single
thread, time.perf_counter) only the loop that extracts each page and turns the
summary HTML into text: one block (p, h2, li, ...) per paragraph, blank lines
between. Each page is decoded before the clock starts with readability's own
charset choice (get_encoding: meta declaration, else chardet), as Document()
would do inside with bytes; chardet alone would take ~1.6 s of the run for the
27 pages that declare no charset (all 123 are UTF-8). No url is passed:
readability-lxml only makes links absolute with it (no text changes, ~10%
slower). Writes {"KEY": {"articleBody": TEXT}}; prints `pages N`, `seconds S`.
"""
import gzip
import json
import os
import re
import sys
import time

import lxml.html
from readability import Document
from readability.encoding import get_encoding

BLOCKS = {"address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
          "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header",
          "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th",
          "tr", "ul"}
SPACES = re.compile(r"\s+")


def html_to_text(html):
    """Text of an HTML fragment, blocks separated by blank lines."""
    if not html.strip():
        return ""
    parts = []  # text pieces, with "\n" marking a block boundary

    def walk(node):
        if isinstance(node.tag, str):
            block = node.tag.lower() in BLOCKS
            if block:
                parts.append("\n")
            if node.text:
                parts.append(node.text)
            for child in node:
                walk(child)
            if block:
                parts.append("\n")
        if node.tail:
            parts.append(node.tail)

    walk(lxml.html.fromstring(html))
    blocks = (SPACES.sub(" ", b).strip() for b in "".join(parts).split("\n"))
    return "\n\n".join(b for b in blocks if b)


def main():
    pages_dir, out = sys.argv[1], sys.argv[2]
    truth = json.load(open(os.path.join(pages_dir, "ground-truth.json"), encoding="utf8"))
    pages = []
    for key in sorted(truth):
        with open(os.path.join(pages_dir, "html", key + ".html.gz"), "rb") as f:
            raw = gzip.decompress(f.read())
        pages.append((key, raw.decode(get_encoding(raw) or "utf-8", "replace")))
    predictions = {}
    start = time.perf_counter()
    for key, html in pages:
        predictions[key] = {"articleBody": html_to_text(Document(html).summary())}
    seconds = time.perf_counter() - start
    with open(out, "w", encoding="utf8") as f:
        json.dump(predictions, f, ensure_ascii=False)
    print(f"pages {len(pages)}")
    print(f"seconds {seconds:.6f}")


if __name__ == "__main__":
    main()
