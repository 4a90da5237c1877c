// The small pieces the record readers and the batch command share: how a
// record's body is chosen, and what a file name says about its content.
#include "io/record_reader.h"

namespace credence::internal {

void SetRecordBody(std::string text, std::string html, const RecordFields& fields, BatchRecord* out) {
  if (!text.empty()) {
    out->body = std::move(text);
  } else if (!html.empty()) {
    out->body = std::move(html);
    out->html = true;
  } else {
    out->error = "no \"" + fields.text + "\" or \"" + fields.html + "\" field with content";
  }
}

std::string_view NameWithoutGz(std::string_view path) {
  return path.ends_with(".gz") ? path.substr(0, path.size() - 3) : path;
}

ArticleFileKind ArticleFileKindOf(std::string_view path) {
  const std::string_view name = NameWithoutGz(path);
  if (name.ends_with(".txt")) return ArticleFileKind::kText;
  if (name.ends_with(".html") || name.ends_with(".htm")) return ArticleFileKind::kHtml;
  return ArticleFileKind::kUnknown;
}

}  // namespace credence::internal
