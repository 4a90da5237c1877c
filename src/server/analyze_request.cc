// ParseAnalyzeRequest (analyze_request.h).
#include "server/analyze_request.h"

#include <nlohmann/json.hpp>

#include "text/utf8.h"

namespace credence::internal {

Result<AnalyzeRequest> ParseAnalyzeRequest(std::string_view json_body, std::size_t max_bytes) {
  auto bad = [](const std::string& message) { return Error(StatusCode::kInvalidArgument, message); };
  if (!IsValidUtf8(json_body)) return bad("the request body is not valid UTF-8");
  const nlohmann::json j = nlohmann::json::parse(json_body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return bad("the request body is not valid JSON");
  if (!j.is_object()) return bad("the request body must be a JSON object with \"text\" or \"html\"");
  AnalyzeRequest request;
  request.options.max_bytes = max_bytes;
  bool has_text = false, has_html = false;
  for (const auto& [key, value] : j.items()) {
    const bool known = key == "text" || key == "html" || key == "url" || key == "title";
    if (!known) return bad("unknown field \"" + ValidUtf8(key) + "\" (expected text or html, url, title)");
    if (value.is_null() && (key == "url" || key == "title")) continue;
    if (!value.is_string()) return bad("field \"" + key + "\" must be a string");
    const std::string& s = value.get_ref<const std::string&>();
    if (key == "url") request.options.url = s;
    else if (key == "title") request.options.title = s;
    else {
      (key == "text" ? has_text : has_html) = true;
      request.body = s;
    }
  }
  if (has_text == has_html) return bad("give exactly one of \"text\" and \"html\"");
  request.options.kind = has_html ? InputKind::kHtml : InputKind::kText;
  return request;
}

}  // namespace credence::internal
