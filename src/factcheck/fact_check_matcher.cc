// BM25 candidates re-ranked by the match model.
#include "factcheck/fact_check_matcher.h"

#include <algorithm>
#include <cmath>

#include "factcheck/match_features.h"
#include "factcheck/retrieval_terms.h"
#include "model/features.h"
#include "model/linear.h"

namespace credence::internal {

FeatureSetId RerankFeatureSetId() {
  return {std::string(kRerankFeatureSet), std::vector<std::string>(kMatchFeatureNames.begin(), kMatchFeatureNames.end())};
}

Status CheckSearchText(std::string_view text) {
  if (text.size() <= kMaxPassageBytes) return Status::Ok();
  return Status(StatusCode::kTooLarge, "a fact-check search takes a claim or a sentence of at most " +
                                           std::to_string(kMaxPassageBytes) + " bytes, not " + std::to_string(text.size()));
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

std::vector<RankedCandidate> FactCheckMatcher::Rank(std::string_view passage, double min_probability) const {
  // A passage is searched by its first kMaxPassageBytes (a giant "sentence" of a
  // broken input would otherwise cost its whole length in sets).
  if (passage.size() > kMaxPassageBytes) passage = passage.substr(0, kMaxPassageBytes);
  const MatchQuery query = PrepareMatchQuery(passage);
  const std::vector<Bm25Hit> hits = index_.Search(query.terms, kRerankCandidates);
  std::vector<RankedCandidate> ranked;
  ranked.reserve(hits.size());
  if (hits.empty()) return ranked;
  const double best = hits.front().score;
  std::vector<FeatureEntry> entries;
  const ModelFile::Head* match = reranker_ ? &reranker_->head(reranker_->heads().size() > 1 ? 1 : 0) : nullptr;
  const double min_logit = min_probability > 0 && min_probability < 1 ? std::log(min_probability / (1 - min_probability)) : -1e300;
  for (std::size_t r = 0; r < hits.size(); ++r) {
    RankedCandidate c{hits[r].doc, hits[r].score, 0.0};
    if (match != nullptr && min_probability > 0) {
      // The most the match head's logit can reach, whatever the record holds.
      const auto cheap = RankOnlyFeatures(true, c.bm25, best, r);
      double bound = match->bias;
      for (std::size_t k = 0; k < cheap.size(); ++k) {
        const double w = match->weights[reranker_->num_buckets() + k];
        bound += kRankOnlyFeature[k] ? w * cheap[k] : (w > 0 ? w * kMatchFeatureMax[k] : 0.0);
      }
      if (bound < min_logit) continue;
    }
    const auto f = MatchFeatures(query, index_.Signature(c.doc), index_.HasTitle(c.doc), c.bm25, best, r);
    c.words_shared = f[4];
    if (reranker_) {
      entries.clear();
      for (std::size_t k = 0; k < f.size(); ++k)
        entries.push_back({reranker_->num_buckets() + static_cast<std::uint32_t>(k), f[k]});
      const ModelFile::Head& order = reranker_->head(0);
      c.order = Logit(order.weights, order.bias, entries);
      c.probability = Sigmoid(Logit(match->weights, match->bias, entries));
    }
    ranked.push_back(c);
  }
  if (reranker_)
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const RankedCandidate& a, const RankedCandidate& b) { return a.order > b.order; });
  return ranked;
}

std::vector<FactCheckMatch> FactCheckMatcher::Match(std::string_view passage, std::size_t k, double min_score) const {
  std::vector<RankedCandidate> ranked = Rank(passage, reranker_ ? min_score : 0.0);
  if (reranker_) {
    std::erase_if(ranked, [&](const RankedCandidate& c) { return c.probability < min_score; });
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const RankedCandidate& a, const RankedCandidate& b) { return a.probability > b.probability; });
  }
  std::vector<FactCheckMatch> out;
  for (const RankedCandidate& c : ranked) {
    if (out.size() >= k) break;
    Result<FactCheck> record = index_.Record(c.doc);
    if (!record) continue;
    out.push_back({std::move(*record), c.probability, c.bm25, c.words_shared});
  }
  return out;
}

}  // namespace credence::internal
