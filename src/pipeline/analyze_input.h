// AnalyzeInput: one article as the user gave it (text or a web page, with
// its url and title) through the whole pipeline, the way every edge does it:
// `credence analyze`, each record of `credence batch`, and the Python module.
// A web page is read by ExtractHtml; its text becomes the Document, and its
// canonical URL and title stand in for a url and title not given.
//
//   Result<AnalyzedInput> done = AnalyzeInput(analyzer, bytes, {.url = url});
//   if (done) Write(done->document, done->report);
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "credence/analyzer.h"
#include "credence/document.h"
#include "credence/html.h"
#include "credence/report.h"
#include "credence/status.h"

namespace credence::internal {

enum class InputKind {
  kAuto,  // HTML when the first bytes look like a page (LooksLikeHtml), else text
  kText,
  kHtml,
};

struct InputOptions {
  std::string url;
  std::string title;
  InputKind kind = InputKind::kAuto;
  std::size_t max_bytes = std::size_t{256} << 20;  // refused above, never truncated
};

struct AnalyzedInput {
  Document document;                // what the report's spans point into
  std::optional<HtmlArticle> html;  // the page, when the input was HTML
  Report report;
};

// Returns the report for `bytes`, or the failure of reading them (empty,
// binary, too large, a page that cannot be decoded).
Result<AnalyzedInput> AnalyzeInput(const Analyzer& analyzer, std::string bytes, const InputOptions& options);

}  // namespace credence::internal
