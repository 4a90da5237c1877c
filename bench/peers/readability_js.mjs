// Peer for bench/extraction.sh: Mozilla Readability.js (Firefox's reader view) on jsdom.
//
// Usage: node readability_js.mjs PAGES_DIR PREDICTIONS.json
//
// Reads every PAGES_DIR/html/KEY.html.gz into memory first (decoded as UTF-8:
// all 123 pages are; jsdom given bytes would fall back to windows-1252 for the
// 27 that declare no charset), then times (performance.now) only the loop that
// parses each page with jsdom (url from ground-truth.json, no scripts run),
// runs Readability and turns the article into text: one block (p, h2, li, ...)
// per paragraph, blank lines between (Readability's `serializer` option walks
// the article's DOM, so nothing is serialised and parsed again). A page that
// throws gets an empty text and is counted. jsdom's console messages (CSS it
// can't parse) are dropped. Writes {"KEY": {"articleBody": TEXT}}; prints
// `pages N`, `seconds S` and `failed N`.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { performance } from "node:perf_hooks";
import { JSDOM, VirtualConsole } from "jsdom";
import { Readability } from "@mozilla/readability";

const BLOCKS = new Set(["ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "BR", "DD", "DIV", "DL",
  "DT", "FIGCAPTION", "FIGURE", "FOOTER", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR",
  "LI", "MAIN", "NAV", "OL", "P", "PRE", "SECTION", "TABLE", "TD", "TH", "TR", "UL"]);

// Text of an element, blocks separated by blank lines.
function blockText(root) {
  const parts = [];  // text pieces, with "\n" marking a block boundary
  const walk = (node) => {
    if (node.nodeType === 3) { parts.push(node.nodeValue); return; }
    if (node.nodeType !== 1) return;
    const block = BLOCKS.has(node.tagName);
    if (block) parts.push("\n");
    for (const child of node.childNodes) walk(child);
    if (block) parts.push("\n");
  };
  walk(root);
  return parts.join("").split("\n").map((b) => b.replace(/\s+/g, " ").trim())
    .filter((b) => b).join("\n\n");
}

const [pagesDir, out] = process.argv.slice(2);
const truth = JSON.parse(fs.readFileSync(path.join(pagesDir, "ground-truth.json"), "utf8"));
const pages = Object.keys(truth).sort().map((key) => ({
  key,
  url: truth[key].url,
  html: zlib.gunzipSync(fs.readFileSync(path.join(pagesDir, "html", `${key}.html.gz`))).toString("utf8"),
}));

const predictions = {};
let failed = 0;
const start = performance.now();
for (const { key, url, html } of pages) {
  let text = "";
  try {
    const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
    const article = new Readability(dom.window.document, { serializer: blockText }).parse();
    text = article ? article.content : "";
    dom.window.close();
  } catch (err) {
    failed++;
    console.error(`${key}: ${err.message}`);
  }
  predictions[key] = { articleBody: text };
}
const seconds = (performance.now() - start) / 1000;
fs.writeFileSync(out, JSON.stringify(predictions));
console.log(`pages ${pages.length}`);
console.log(`seconds ${seconds.toFixed(6)}`);
console.log(`failed ${failed}`);
