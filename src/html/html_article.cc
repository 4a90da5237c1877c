// ExtractHtml: parse (html_page) -> metadata (page_metadata) -> which block
// is what (content_finder) -> one text with spans. Removed blocks that
// follow each other with the same category and rule become one span.
#include <algorithm>
#include <cctype>

#include "credence/html.h"
#include "html/content_finder.h"
#include "html/html_page.h"
#include "html/page_metadata.h"
#include "extract/line_blocks.h"
#include "extract/metadata_finder.h"
#include "extract/widget_counts.h"
#include "text/utf8.h"

namespace credence {
namespace {

using internal::BlockKind;
using internal::BlockRole;
using internal::HtmlPage;

BlockShape ShapeOf(const HtmlPage& page, const internal::HtmlBlock& block) {
  const std::string& tag = block.tag;
  if (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6') return BlockShape::kHeading;
  if (tag == "li" || tag == "dd" || tag == "dt") return BlockShape::kListItem;
  if (tag == "pre") return BlockShape::kPreformatted;
  for (std::size_t e = block.element; e != 0; e = page.elements[e].parent)
    if (page.elements[e].tag == "blockquote") return BlockShape::kBlockquote;
  return BlockShape::kParagraph;
}

// Returns `href` made absolute against `base`, or "" for links that lead
// nowhere a reader could follow (fragments, javascript:).
std::string ResolveLink(std::string_view href, std::string_view base) {
  while (!href.empty() && (href.front() == ' ' || href.front() == '\n' || href.front() == '\t'))
    href.remove_prefix(1);
  while (!href.empty() && (href.back() == ' ' || href.back() == '\n' || href.back() == '\t')) href.remove_suffix(1);
  const std::string lower = internal::ToLower(href.substr(0, std::min<std::size_t>(href.size(), 11)));
  if (href.empty() || href.front() == '#' || lower.rfind("javascript:", 0) == 0) return "";
  const std::size_t colon = href.find(':');
  const std::size_t slash = href.find('/');
  if (colon != std::string_view::npos && (slash == std::string_view::npos || colon < slash))
    return std::string(href);  // has a scheme: http:, https:, mailto:, ...
  const std::size_t scheme_end = base.find("://");
  if (scheme_end == std::string_view::npos) return std::string(href);
  if (href.rfind("//", 0) == 0) return std::string(base.substr(0, scheme_end + 1)) + std::string(href);
  std::size_t host_end = base.find('/', scheme_end + 3);
  if (host_end == std::string_view::npos) host_end = base.size();
  if (href.front() == '/') return std::string(base.substr(0, host_end)) + std::string(href);
  std::string_view dir = base.substr(0, base.find_first_of("?#"));
  const std::size_t last_slash = dir.rfind('/');
  dir = last_slash != std::string_view::npos && last_slash >= host_end ? dir.substr(0, last_slash + 1)
                                                                        : base.substr(0, host_end);
  return std::string(dir) + (dir.back() == '/' ? "" : "/") + std::string(href);
}

}  // namespace

std::string_view BlockShapeName(BlockShape shape) {
  switch (shape) {
    case BlockShape::kParagraph: return "paragraph";
    case BlockShape::kHeading: return "heading";
    case BlockShape::kListItem: return "list_item";
    case BlockShape::kBlockquote: return "blockquote";
    case BlockShape::kPreformatted: return "preformatted";
  }
  return "paragraph";
}

Result<HtmlArticle> ExtractHtml(std::string_view html, const HtmlOptions& options) {
  Result<HtmlPage> parsed = internal::ParseHtmlPage(html);
  if (!parsed) return tl::unexpected(parsed.error());
  const HtmlPage& page = *parsed;
  if (page.blocks.empty()) return Error(StatusCode::kEmptyInput, "the page has no visible text");
  const internal::PageMetadata meta = internal::ReadPageMetadata(page.head);
  const std::vector<BlockRole> roles = internal::FindContent(page, meta);

  HtmlArticle out;
  out.warnings = page.warnings;
  PageInfo& info = out.page;
  info.title = meta.title;
  info.authors = meta.authors;
  info.published = meta.published;
  info.modified = meta.modified;
  info.site_name = meta.site_name;
  info.language = meta.language;
  info.canonical_url = meta.canonical_url;
  info.description = meta.description;
  info.section = meta.section;
  info.encoding = page.encoding;
  info.encoding_source = page.encoding_source;
  info.html_bytes = html.size();
  const std::string base = !options.url.empty() ? options.url : meta.canonical_url;

  std::size_t total = 0;
  for (const internal::HtmlBlock& b : page.blocks) total += b.text.size() + 2;
  out.text.reserve(total);
  Article& article = out.article;
  article.given_title = meta.title;
  for (const std::string& name : meta.authors)
    (article.metadata_author += article.metadata_author.empty() ? "" : ", ") += name;
  article.metadata_date = !meta.published.empty() ? meta.published : meta.modified;
  for (std::size_t i = 0; i < page.blocks.size(); ++i) {
    const internal::HtmlBlock& block = page.blocks[i];
    if (!out.text.empty()) out.text += "\n\n";
    const Span span{out.text.size(), out.text.size() + block.text.size()};
    out.text += block.text;
    const BlockRole& role = roles[i];
    switch (role.kind) {
      case BlockKind::kHeadline:
        article.headline = span;
        break;
      case BlockKind::kStandfirst:
        if (!article.standfirst) article.standfirst = span;
        break;
      case BlockKind::kByline:
        if (!article.byline) article.byline = span;
        // "By Jane Doe | March 3, 2017": the byline line carries the date.
        if (!article.date) article.date = internal::FindDateLine(block.text, span.start);
        break;
      case BlockKind::kDate:
        if (!article.date) article.date = span;
        break;
      case BlockKind::kBody:
        article.body.push_back(span);
        info.body_shapes.push_back(ShapeOf(page, block));
        for (const internal::HtmlLink& link : block.links) {
          std::string url = ResolveLink(link.href, base);
          if (url.empty()) continue;
          info.links.push_back({{span.start + link.start, span.start + link.end}, std::move(url)});
        }
        break;
      case BlockKind::kRemoved: {
        const std::string rule = "html:" + role.rule;
        if (!article.removed.empty() && article.removed.back().category == role.category &&
            article.removed.back().rule == rule && i > 0 && roles[i - 1].kind == BlockKind::kRemoved) {
          article.removed.back().span.end = span.end;
        } else {
          article.removed.push_back({span, role.category, rule, {}});
        }
        if (role.category == RemovedCategory::kWidget)  // keep the numbers a widget shows
          internal::ReadWidgetLine(internal::NormalizeLine(block.text), &article.removed.back().widget);
        break;
      }
    }
  }
  return out;
}

bool LooksLikeHtml(std::string_view bytes) {
  if (bytes.rfind("\xEF\xBB\xBF", 0) == 0) bytes.remove_prefix(3);
  const std::size_t first = bytes.find_first_not_of(" \t\r\n\f");
  if (first == std::string_view::npos) return false;
  const std::string head = internal::ToLower(bytes.substr(first, 64));
  for (std::string_view start : {"<!doctype html", "<html", "<head", "<body", "<!--", "<meta", "<?xml"})
    if (head.rfind(start, 0) == 0) return true;
  // Scraped text rarely has tags; a page fragment has many.
  const std::string sample = internal::ToLower(bytes.substr(0, 65536));
  std::size_t tags = 0;
  for (std::string_view tag : {"<p>", "<p ", "<div", "</p>", "</div>", "<br", "<a href", "<span", "<li"}) {
    for (std::size_t i = sample.find(tag); i != std::string::npos; i = sample.find(tag, i + 1)) ++tags;
  }
  return tags >= 3;
}

}  // namespace credence
