// Matching a passage against the fact-check index: BM25 gives the
// candidates, the re-ranker (a logistic regression over match_features,
// trained by TrainReranker) orders them by the probability that the
// fact-check checks the passage's claim.
//
//   Result<FactCheckMatcher> m = FactCheckMatcher::Open(index_path, reranker_path);
//   for (const FactCheckMatch& hit : m->Match("Obama released 122 Guantanamo prisoners", 3, 0.5)) ...
//
// Thread-safe after Open: the index is mapped read-only and shared.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "credence/fact_checks.h"
#include "credence/status.h"
#include "factcheck/fact_check_index.h"
#include "model/model_file.h"

namespace credence::internal {

// The bytes of a passage that are searched: a claim is a sentence or two;
// the rest of a longer passage is not read (searches of longer text given
// by a user are refused at the edges: Analyzer::SearchFactChecks).
inline constexpr std::size_t kMaxPassageBytes = 4096;
// kTooLarge when a user's search text is longer than kMaxPassageBytes (the
// one check behind `factchecks search` and Analyzer::SearchFactChecks).
[[nodiscard]] Status CheckSearchText(std::string_view text);
// BM25 candidates the re-ranker sees per passage.
inline constexpr std::size_t kRerankCandidates = 30;
// The re-ranker's two heads: the first orders one passage's candidates
// (trained on pairs), the second gives the probability that a candidate
// checks the passage's claim (trained on candidates, news sentences that
// nothing checks among them); a model with one head uses it for both.
inline constexpr std::string_view kOrderHead = "orders_candidates";
inline constexpr std::string_view kMatchHead = "checks_the_claim";
// The re-ranker's feature set, as its model file names it.
inline constexpr std::string_view kRerankFeatureSet = "factcheck-rerank";
FeatureSetId RerankFeatureSetId();

// One candidate as ranked: its index position, BM25 score and, with a
// re-ranker, its order score and probability (else BM25's order, 0).
struct RankedCandidate {
  std::uint32_t doc = 0;
  double bm25 = 0.0;
  double order = 0.0;
  double probability = 0.0;
  double words_shared = 0.0;  // the check_terms_found feature
};

class FactCheckMatcher {
 public:
  // Opens the index; `reranker_path` "" ranks by BM25 alone.
  [[nodiscard]] static Result<FactCheckMatcher> Open(const std::string& index_path, const std::string& reranker_path);
  FactCheckMatcher(FactCheckIndex index, std::optional<ModelFile> reranker)
      : index_(std::move(index)), reranker_(std::move(reranker)) {}

  const FactCheckIndex& index() const { return index_; }
  bool has_reranker() const { return reranker_.has_value(); }

  // All kRerankCandidates candidates of `passage`, by the order head; with
  // `min_probability` > 0, only those whose probability can reach it (the
  // others are dropped before their costlier features are computed).
  std::vector<RankedCandidate> Rank(std::string_view passage, double min_probability = 0.0) const;
  // The `k` most probable whose probability is at least `min_score` (BM25
  // alone: the best `k`, score 0), with their records, most probable first.
  std::vector<FactCheckMatch> Match(std::string_view passage, std::size_t k, double min_score) const;

 private:
  FactCheckIndex index_;
  std::optional<ModelFile> reranker_;
};

}  // namespace credence::internal
