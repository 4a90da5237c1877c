// Fuzz target: the body of POST /v1/factchecks/search from any bytes.
// ParseFactCheckSearchRequest must return a request within its bounds or a
// Status, never crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "server/factcheck_request.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace credence::internal;
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  if (credence::Result<FactCheckSearchRequest> r = ParseFactCheckSearchRequest(body))
    if (r->text.empty() || r->text.size() > kMaxSearchTextBytes || r->k < 1 || r->k > kMaxSearchMatches ||
        !(r->min_score >= 0.0 && r->min_score <= 1.0))
      std::abort();
  return 0;
}
