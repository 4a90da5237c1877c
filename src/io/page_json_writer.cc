// JSON for an extracted page. Strings come from the decoded page and are
// valid UTF-8 already; metadata strings pass through ValidUtf8 all the same.
#include "io/page_json_writer.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "text/utf8.h"

namespace credence::internal {
namespace {

using Json = nlohmann::ordered_json;

Json OrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(ValidUtf8(s)); }

std::string_view Slice(const HtmlArticle& html, Span span) {
  return std::string_view(html.text).substr(span.start, span.size());
}

Json SpanText(const HtmlArticle& html, const std::optional<Span>& span) {
  return span ? Json(std::string(Slice(html, *span))) : Json(nullptr);
}

}  // namespace

std::string BodyText(const HtmlArticle& html) {
  std::string out;
  for (const Span& span : html.article.body) {
    if (!out.empty()) out += "\n\n";
    out += Slice(html, span);
  }
  return out;
}

Json PageInfoToJson(std::string_view text, const PageInfo& p) {
  Json j = Json::object();
  j["title"] = OrNull(p.title);
  Json authors = Json::array();
  for (const std::string& a : p.authors) authors.push_back(ValidUtf8(a));
  j["authors"] = std::move(authors);
  j["published"] = OrNull(p.published);
  j["modified"] = OrNull(p.modified);
  j["site_name"] = OrNull(p.site_name);
  j["language"] = OrNull(p.language);
  j["canonical_url"] = OrNull(p.canonical_url);
  j["description"] = OrNull(p.description);
  j["section"] = OrNull(p.section);
  j["encoding"] = p.encoding;
  j["encoding_source"] = p.encoding_source;
  j["html_bytes"] = p.html_bytes;
  Json links = Json::array();
  for (const PageLink& link : p.links)
    links.push_back({{"start", link.span.start},
                     {"end", link.span.end},
                     {"text", std::string(text.substr(link.span.start, link.span.size()))},
                     {"url", ValidUtf8(link.url)}});
  j["links"] = std::move(links);
  return j;
}

Json ExtractionToJson(const HtmlArticle& html) {
  const Article& a = html.article;
  Json j = PageInfoToJson(html.text, html.page);
  j.erase("links");  // written below with offsets into "text", the body
  j["headline"] = SpanText(html, a.headline);
  j["standfirst"] = SpanText(html, a.standfirst);
  j["byline"] = SpanText(html, a.byline);
  j["date"] = SpanText(html, a.date);
  // The body text, and where each body block starts in it.
  const std::string body = BodyText(html);
  std::vector<std::size_t> starts;
  for (std::size_t i = 0, at = 0; i < a.body.size(); ++i) {
    starts.push_back(at);
    at += a.body[i].size() + 2;
  }
  Json links = Json::array();
  for (const PageLink& link : html.page.links) {
    // The body block that holds the link (body spans are in order).
    auto it = std::upper_bound(a.body.begin(), a.body.end(), link.span.start,
                               [](std::size_t at, const Span& s) { return at < s.start; });
    if (it == a.body.begin()) continue;
    const std::size_t block = static_cast<std::size_t>(it - a.body.begin()) - 1;
    const std::size_t start = starts[block] + (link.span.start - a.body[block].start);
    links.push_back({{"start", start},
                     {"end", start + link.span.size()},
                     {"text", body.substr(start, link.span.size())},
                     {"url", ValidUtf8(link.url)}});
  }
  j["text"] = body;
  Json blocks = Json::array();
  for (std::size_t i = 0; i < a.body.size(); ++i)
    blocks.push_back({{"shape", std::string(BlockShapeName(html.page.body_shapes[i]))},
                      {"text", std::string(Slice(html, a.body[i]))}});
  j["blocks"] = std::move(blocks);
  j["links"] = std::move(links);
  Json removed = Json::array();
  for (const RemovedBlock& r : a.removed)
    removed.push_back({{"category", std::string(RemovedCategoryName(r.category))},
                       {"rule", r.rule},
                       {"text", std::string(Slice(html, r.span))}});
  j["removed"] = std::move(removed);
  Json warnings = Json::array();
  for (const std::string& w : html.warnings) warnings.push_back(w);
  j["warnings"] = std::move(warnings);
  return j;
}

}  // namespace credence::internal
