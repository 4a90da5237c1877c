// Writes what ExtractHtml found as JSON: the page's metadata, the article's
// parts, its body blocks with their shapes, its links and the removed
// blocks. Used by `credence extract --format json` and, as the "page"
// object, by the analyze report of an HTML input (docs/report-schema.md).
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "credence/html.h"

namespace credence::internal {

// Returns the page's metadata and links; `text` is the text the links' spans
// point into (HtmlArticle::text).
nlohmann::ordered_json PageInfoToJson(std::string_view text, const PageInfo& page);

// Returns the whole extraction: metadata, headline, byline, date, "text"
// (the body, paragraphs separated by blank lines), blocks, links (offsets
// into "text"), removed.
nlohmann::ordered_json ExtractionToJson(const HtmlArticle& html);

// Returns the body blocks joined by blank lines.
std::string BodyText(const HtmlArticle& html);

}  // namespace credence::internal
