// Naming a model's strongest buckets by the n-grams that fill them.
#include "model/ngram_weights.h"

#include <algorithm>
#include <numeric>

namespace credence::internal {

NgramTally::NgramTally(const std::vector<float>& weights, std::uint32_t num_buckets, std::size_t candidates)
    : weights_(weights), num_buckets_(num_buckets) {
  std::vector<std::uint32_t> order(num_buckets);
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return weights[a] < weights[b]; });
  const std::size_t k = std::min<std::size_t>(candidates, order.size() / 2);
  for (std::size_t i = 0; i < k; ++i) {
    watched_[order[i]];
    watched_[order[order.size() - 1 - i]];
  }
}

void NgramTally::Add(std::string_view text, const Report& report, const ContentFeatureOptions& options) {
  const ArticleFeatures f = ExtractFeatures(text, report, num_buckets_, nullptr, options);
  for (std::size_t i = 0; i < f.origins.size(); ++i) {
    auto it = watched_.find(f.entries[i].index);
    if (it == watched_.end()) continue;
    Seen& seen = it->second[NgramName(f, i, text, report)];
    seen.kind = f.origins[i].kind;
    ++seen.documents;
  }
}

std::vector<NamedNgram> NgramTally::Strongest(std::size_t n, bool positive, std::size_t min_documents) const {
  std::vector<NamedNgram> out;
  for (const auto& [bucket, names] : watched_) {
    const double w = weights_[bucket];
    if (names.empty() || (positive ? w <= 0 : w >= 0)) continue;
    const auto top = std::max_element(names.begin(), names.end(), [](const auto& a, const auto& b) {
      return a.second.documents != b.second.documents ? a.second.documents < b.second.documents : a.first > b.first;
    });
    if (top->second.documents < min_documents) continue;
    out.push_back({top->first, top->second.kind, w, top->second.documents, names.size()});
  }
  std::sort(out.begin(), out.end(), [&](const NamedNgram& a, const NamedNgram& b) {
    return positive ? a.weight > b.weight : a.weight < b.weight;
  });
  if (out.size() > n) out.resize(n);
  return out;
}

}  // namespace credence::internal
