// Fuzz target: a fact-check collection from any bytes (JSONL, ClaimReview
// JSON-LD, anything else). ReadFactCheckCollection must return records or a
// Status, never crash, hang or read out of bounds; every record it returns
// must have a claim within the limit.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "factcheck/collection_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  credence::Result<credence::internal::FactCheckCollection> c = credence::internal::ReadFactCheckCollection(bytes, "fuzz");
  if (c)
    for (const credence::FactCheck& f : c->records)
      if (f.claim.empty() || f.claim.size() > credence::internal::kMaxClaimBytes || f.id.empty()) std::abort();
  return 0;
}
