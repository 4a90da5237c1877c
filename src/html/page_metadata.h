// PageMetadata: what a web page says about its article outside the body —
// title, authors, publication date, site name, language, canonical URL and
// description — read from the signals ParseHtmlPage collects: <title>,
// <meta name/property/itemprop=... content=...> (standard, OpenGraph,
// Twitter, Dublin Core, article:*), <link rel=canonical>, <html lang> and
// JSON-LD (schema.org NewsArticle/Article/BlogPosting/WebPage, in @graph
// arrays too).
//
//   PageMetadata m = ReadPageMetadata(page.head);
//
// Pure functions of their input; thread-safe.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace credence::internal {

// The raw signals of a page's metadata, in document order, as found by the
// HTML walk (nothing interpreted yet).
struct HeadSignals {
  std::string title;      // <title>, white space collapsed
  std::string html_lang;  // the lang attribute of <html>, as written
  // One entry per <meta> element with a content attribute: the key is its
  // name, property or itemprop attribute (in that order of preference),
  // lower-cased; the value is the content attribute as written (entities
  // decoded by the parser).
  std::vector<std::pair<std::string, std::string>> meta;
  std::vector<std::string> json_ld;  // the text of each <script type="application/ld+json">
  std::string canonical;             // href of the first <link rel="canonical">
};

struct PageMetadata {
  std::string title;          // the article's headline, site suffix (" | Site", " - Site") removed when known
  std::vector<std::string> authors;  // person names, no "By ", de-duplicated, in order found; ≤ 20
  std::string published;      // ISO 8601 as found ("2019-11-06T10:00:00Z" or "2019-11-06"); "" when none
  std::string modified;       // ISO 8601 or ""
  std::string site_name;      // "The Guardian"; "" when none
  std::string language;       // BCP 47 tag, lower-case primary subtag ("en", "en-gb"); "" when none
  std::string canonical_url;  // absolute URL or ""
  std::string description;    // the page's summary (og:description, description); "" when none
  std::string section;        // article:section or JSON-LD articleSection; "" when none
  std::string json_ld_body;   // JSON-LD articleBody/text of the article object, when present: entities
                              // decoded, tags removed, paragraph breaks kept as "\n\n" (a single line
                              // break as "\n"), other white space collapsed; never truncated
};

// Returns the metadata that `head` states; which source wins for each field
// is listed at the top of page_metadata.cc. Malformed JSON-LD blocks are
// skipped (never an error) and nothing throws; values are trimmed, white
// space collapsed and each string but json_ld_body cut to 2,000 bytes.
PageMetadata ReadPageMetadata(const HeadSignals& head);

}  // namespace credence::internal
