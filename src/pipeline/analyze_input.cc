// AnalyzeInput: text or a web page into a Document and its Report.
#include "pipeline/analyze_input.h"

#include <utility>

namespace credence::internal {

Result<AnalyzedInput> AnalyzeInput(const Analyzer& analyzer, std::string bytes, const InputOptions& options) {
  const bool is_html = options.kind == InputKind::kHtml || (options.kind == InputKind::kAuto && LooksLikeHtml(bytes));
  std::optional<HtmlArticle> html;
  if (is_html) {
    Result<HtmlArticle> page = ExtractHtml(bytes, {.url = options.url});
    if (!page) return tl::unexpected(page.error());
    html = std::move(*page);
  }
  DocumentOptions doc_options{.url = options.url, .title = options.title, .max_bytes = options.max_bytes};
  if (html && doc_options.url.empty()) doc_options.url = html->page.canonical_url;
  if (html && doc_options.title.empty()) doc_options.title = html->page.title;
  Result<Document> doc = Document::FromBytes(html ? html->text : std::move(bytes), std::move(doc_options));
  if (!doc) return tl::unexpected(doc.error());
  Report report = html ? analyzer.Analyze(*doc, *html) : analyzer.Analyze(*doc);
  return AnalyzedInput{.document = std::move(*doc), .html = std::move(html), .report = std::move(report)};
}

}  // namespace credence::internal
