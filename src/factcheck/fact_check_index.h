// The fact-check index on disk: an inverted index of the collection's
// retrieval terms (claim and headline) with BM25 statistics, and each
// record's texts and JSON, in one file that is memory-mapped read-only and
// shared by every thread. Layout and checks: docs/fact-checks.md.
//
//   Status s = WriteFactCheckIndex("factchecks.idx", records);
//   Result<FactCheckIndex> index = FactCheckIndex::Open("factchecks.idx");
//   for (const Bm25Hit& hit : index->Search(RetrievalTerms(sentence), 30)) ...
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "credence/fact_checks.h"
#include "credence/status.h"
#include "factcheck/match_features.h"

namespace credence::internal {

// BM25 (Robertson et al.; Lucene's idf): k1 and b as Lucene and Elasticsearch default them.
inline constexpr double kBm25K1 = 1.2;
inline constexpr double kBm25B = 0.75;
// At most this many distinct query terms are scored (the rarest first):
// a whole article as a query stays bounded.
inline constexpr std::size_t kMaxQueryTerms = 64;
// A term held by more than this share of the records only adds to the
// scores of records that a rarer term of the query found.
inline constexpr double kMaxTermShare = 0.02;

// Writes the index of `records` to `path` (through a temporary file renamed
// into place). Records are indexed in the order given.
[[nodiscard]] Status WriteFactCheckIndex(const std::string& path, const std::vector<FactCheck>& records);

struct Bm25Hit {
  std::uint32_t doc = 0;  // the record's position in the index
  double score = 0.0;
};

class FactCheckIndex {
 public:
  // Maps and checks `path`: magic, version, sizes, every offset, the
  // checksum. Fails with kNotFound, kIoError or kDataError. The file must
  // not be changed in place while it is open (credence replaces an index
  // by renaming a new file over it, which leaves open mappings intact).
  [[nodiscard]] static Result<FactCheckIndex> Open(const std::string& path);

  std::size_t size() const;  // records
  // The `k` best records for `terms` by BM25, best first (ties by position);
  // records with no term in common are not returned. Thread-safe.
  std::vector<Bm25Hit> Search(const std::vector<std::string>& terms, std::size_t k) const;
  // The record's claim and headline, as indexed (views into the mapping).
  std::string_view Claim(std::uint32_t doc) const;
  std::string_view Title(std::uint32_t doc) const;
  // Title(doc) is not empty; reads one byte (Title scans the claim).
  bool HasTitle(std::uint32_t doc) const;
  // The record's retrieval terms count (its BM25 length).
  std::uint32_t Length(std::uint32_t doc) const;
  // The record's sets for the re-ranker (views into the mapping).
  CheckSignatureView Signature(std::uint32_t doc) const;
  // The whole record. Fails with kDataError when its stored JSON is damaged.
  [[nodiscard]] Result<FactCheck> Record(std::uint32_t doc) const;
  // Every record, in index order (for `factchecks add`, which replaces records by id).
  std::vector<FactCheck> AllRecords() const;

 private:
  struct Mapping;
  explicit FactCheckIndex(std::shared_ptr<const Mapping> mapping) : mapping_(std::move(mapping)) {}
  std::shared_ptr<const Mapping> mapping_;
};

}  // namespace credence::internal
