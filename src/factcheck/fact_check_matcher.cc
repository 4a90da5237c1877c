// BM25 candidates re-ranked by the match model.
#include "factcheck/fact_check_matcher.h"

#include <algorithm>

#include "factcheck/match_features.h"
#include "factcheck/retrieval_terms.h"
#include "model/features.h"
#include "model/linear.h"

namespace credence::internal {

FeatureSetId RerankFeatureSetId() {
  return {std::string(kRerankFeatureSet), std::vector<std::string>(kMatchFeatureNames.begin(), kMatchFeatureNames.end())};
}

Result<FactCheckMatcher> FactCheckMatcher::Open(const std::string& index_path, const std::string& reranker_path) {
  Result<FactCheckIndex> index = FactCheckIndex::Open(index_path);
  if (!index) return tl::unexpected(index.error());
  std::optional<ModelFile> reranker;
  if (!reranker_path.empty()) {
    Result<ModelFile> file = ModelFile::Open(reranker_path, RerankFeatureSetId());
    if (!file) return tl::unexpected(file.error());
    reranker = std::move(*file);
  }
  return FactCheckMatcher(std::move(*index), std::move(reranker));
}

std::vector<RankedCandidate> FactCheckMatcher::Rank(std::string_view passage) const {
  const MatchQuery query = PrepareMatchQuery(passage);
  const std::vector<Bm25Hit> hits = index_.Search(query.terms, kRerankCandidates);
  std::vector<RankedCandidate> ranked;
  ranked.reserve(hits.size());
  if (hits.empty()) return ranked;
  const double best = hits.front().score;
  std::vector<FeatureEntry> entries;
  for (std::size_t r = 0; r < hits.size(); ++r) {
    RankedCandidate c{hits[r].doc, hits[r].score, 0.0};
    if (reranker_) {
      const auto f = MatchFeatures(query, index_.Claim(c.doc), index_.Title(c.doc), c.bm25, best, r);
      entries.clear();
      for (std::size_t k = 0; k < f.size(); ++k)
        entries.push_back({reranker_->num_buckets() + static_cast<std::uint32_t>(k), f[k]});
      const ModelFile::Head& head = reranker_->head(0);
      c.probability = Sigmoid(Logit(head.weights, head.bias, entries));
    }
    ranked.push_back(c);
  }
  if (reranker_)
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const RankedCandidate& a, const RankedCandidate& b) { return a.probability > b.probability; });
  return ranked;
}

std::vector<FactCheckMatch> FactCheckMatcher::Match(std::string_view passage, std::size_t k, double min_score) const {
  std::vector<FactCheckMatch> out;
  for (const RankedCandidate& c : Rank(passage)) {
    if (out.size() >= k) break;
    if (reranker_ && c.probability < min_score) break;
    Result<FactCheck> record = index_.Record(c.doc);
    if (!record) continue;
    out.push_back({std::move(*record), c.probability, c.bm25});
  }
  return out;
}

}  // namespace credence::internal
