// HTML input: finds the article in a web page and renders the page as the
// text the rest of credence reads. The page's visible blocks become lines of
// one text (blank lines between blocks), so that every span of the report —
// body, headline, removed leftovers, cues — points into text the user sees.
//
//   credence::Result<credence::HtmlArticle> page = credence::ExtractHtml(bytes);
//   if (!page) return page.error();
//   for (const credence::Span& p : page->article.body)
//     std::cout << std::string_view(page->text).substr(p.start, p.size()) << "\n\n";
//
// Thread-safe: each call works on its own parse tree.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "credence/article.h"
#include "credence/span.h"
#include "credence/status.h"

namespace credence {

// A link inside the article body: its anchor text and where it points.
struct PageLink {
  Span span;        // the anchor text in HtmlArticle::text
  std::string url;  // absolute when the page gave a base (canonical URL or the url passed in), else as written
};

// How a body block was marked up.
enum class BlockShape { kParagraph, kHeading, kListItem, kBlockquote, kPreformatted };

// Returns the stable snake_case name of `shape`, e.g. "list_item".
std::string_view BlockShapeName(BlockShape shape);

// What the page says about itself beyond its text (meta tags, OpenGraph,
// JSON-LD, <title>, <html lang>). Empty strings when not stated.
struct PageInfo {
  std::string title;
  std::vector<std::string> authors;
  std::string published;      // ISO 8601 as stated
  std::string modified;
  std::string site_name;
  std::string language;       // BCP 47, lower case
  std::string canonical_url;
  std::string description;
  std::string section;
  std::string encoding;         // what the bytes were decoded as, e.g. "utf-8", "windows-1252"
  std::string encoding_source;  // "bom", "meta", "utf-8 check" or "fallback"
  std::size_t html_bytes = 0;
  std::vector<BlockShape> body_shapes;  // one per Article::body span
  std::vector<PageLink> links;          // links inside the body, in order
};

struct HtmlArticle {
  std::string text;    // every visible block of the page, in order, separated by blank lines
  Article article;     // spans into `text`: headline, byline, date, body, removed blocks
  PageInfo page;
  std::vector<std::string> warnings;  // e.g. a declared charset the bytes contradict
};

struct HtmlOptions {
  std::string url;  // where the page came from, to resolve relative links; "" when unknown
};

// Returns the article found in the HTML document `html` (raw bytes in any
// encoding a browser would read). Fails with kEmptyInput for no bytes or a
// page without any visible text, kInternal when the parser cannot be set up.
[[nodiscard]] Result<HtmlArticle> ExtractHtml(std::string_view html, const HtmlOptions& options = {});

// Returns whether `bytes` look like an HTML document rather than plain text:
// the first non-blank characters (after a BOM) are a doctype, <html>, <head>,
// <body>, a comment or <meta>; or markup of common block tags is frequent.
bool LooksLikeHtml(std::string_view bytes);

}  // namespace credence
