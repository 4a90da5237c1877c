// AnalyzeRequest: the body of POST /v1/analyze, read and checked before any
// analysis, so that every problem with it becomes a 400 that names it.
//
//   {"text": "...", "url": "https://...", "title": "..."}   or   {"html": "<html>...", "url": ...}
//
// Exactly one of text and html, a non-empty string; url and title optional
// strings (or null). Unknown keys are refused, so that a misspelt field
// ("txt") is not silently ignored.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "credence/status.h"
#include "pipeline/analyze_input.h"

namespace credence::internal {

struct AnalyzeRequest {
  std::string body;     // the article: text, or HTML when options.kind is kHtml
  InputOptions options;
};

// Returns the request in `json_body`, or kInvalidArgument with a message
// naming the problem: not UTF-8, not JSON, not an object, a field of the
// wrong type, both or neither of text and html, an unknown field.
Result<AnalyzeRequest> ParseAnalyzeRequest(std::string_view json_body, std::size_t max_bytes);

}  // namespace credence::internal
