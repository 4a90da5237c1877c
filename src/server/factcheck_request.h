// The body of POST /v1/factchecks/search: {"text": "...", "k": 5,
// "min_score": 0.5}, checked with a message naming what is wrong.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "credence/status.h"
#include "factcheck/fact_check_matcher.h"

namespace credence::internal {

inline constexpr std::size_t kMaxSearchMatches = 50;
// A search is for a claim or a passage: longer text is refused, not cut.
inline constexpr std::size_t kMaxSearchTextBytes = kMaxPassageBytes;

struct FactCheckSearchRequest {
  std::string text;
  std::size_t k = 5;        // 1..kMaxSearchMatches
  double min_score = 0.5;   // 0..1
};

// Returns the request, or kInvalidArgument: not JSON, not an object, no or
// empty "text", text too long, "k" not an integer in 1..50, "min_score" not
// a number in 0..1, an unknown field.
Result<FactCheckSearchRequest> ParseFactCheckSearchRequest(std::string_view json_body);

}  // namespace credence::internal
