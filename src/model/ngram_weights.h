// NgramTally: which n-grams a content model weighs most, by name. A model
// keeps hashed buckets, not words, so the names come from articles it reads:
// each n-gram whose bucket is among the strongest is counted by document.
// `credence eval --model M --test F --top-ngrams N` prints them.
//
//   NgramTally tally(head.weights, file.num_buckets());
//   for (...) tally.Add(text, report, options);
//   std::vector<NamedNgram> up = tally.Strongest(30, true);
//
// Not thread-safe: one tally per thread, or Add under a lock.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "credence/report.h"
#include "model/features.h"

namespace credence::internal {

struct NamedNgram {
  std::string name;        // as the features read it ("<name> said")
  FeatureKind kind = FeatureKind::kWords;  // body words or the headline's
  double weight = 0.0;     // the bucket's weight; > 0 pushes towards unreliable
  std::size_t documents = 0;  // articles read that hold it
  std::size_t bucket_names = 1;  // distinct n-grams seen in its bucket (hash collisions)
};

class NgramTally {
 public:
  // Watches the `candidates` buckets of largest weight each way.
  // REQUIRES: weights.size() >= num_buckets.
  NgramTally(const std::vector<float>& weights, std::uint32_t num_buckets, std::size_t candidates = 400);

  // Counts the watched n-grams of one article.
  void Add(std::string_view text, const Report& report, const ContentFeatureOptions& options);

  // Returns the n strongest n-grams towards unreliable (positive) or
  // reliable, each bucket named by its most frequent n-gram, seen in at
  // least `min_documents` articles.
  std::vector<NamedNgram> Strongest(std::size_t n, bool positive, std::size_t min_documents = 3) const;

 private:
  struct Seen {
    FeatureKind kind = FeatureKind::kWords;
    std::size_t documents = 0;
  };
  const std::vector<float>& weights_;
  std::uint32_t num_buckets_;
  std::unordered_map<std::uint32_t, std::unordered_map<std::string, Seen>> watched_;  // bucket -> n-gram -> count
};

}  // namespace credence::internal
