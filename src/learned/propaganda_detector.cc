// Tagging and decoding. A token's logit is its own features' sum plus its
// sentence's shared part, which is computed once per sentence: analysis
// costs a few hashes and look-ups per token, not the sentence's length.
#include "learned/propaganda_detector.h"

#include <algorithm>
#include <numeric>

#include "model/linear.h"

namespace credence::internal {

std::vector<double> TokenProbabilities(const ArticleTokens& tokens, const ModelFile& spans) {
  return TokenProbabilities(tokens, ExtractTokenFeatures(tokens, spans.num_buckets()), spans);
}

std::vector<double> TokenProbabilities(const ArticleTokens& tokens, const TokenFeatures& f, const ModelFile& spans) {
  const ModelFile::Head& head = spans.head(0);
  const double article_part = Logit(head.weights, 0.0, f.article);
  std::vector<double> sentence_part(f.sentence.size());
  for (std::size_t s = 0; s < f.sentence.size(); ++s)
    sentence_part[s] = Logit(head.weights, 0.0, f.sentence.row(s), f.sentence.row_size(s));
  std::vector<double> p(f.local.size());
  for (std::size_t t = 0; t < p.size(); ++t) {
    const double shared = tokens.sentence_of[t] < sentence_part.size() ? sentence_part[tokens.sentence_of[t]] : 0.0;
    p[t] = Sigmoid(Logit(head.weights, head.bias + article_part + shared, f.local.row(t), f.local.row_size(t)));
  }
  return p;
}

std::vector<TokenRange> DecodePassages(const ArticleTokens& tokens, const std::vector<double>& p, double threshold,
                                       double low_threshold) {
  const std::vector<Token>& all = tokens.tokens();
  std::vector<TokenRange> out;
  for (const Sentence& s : tokens.structure->sentences) {
    const std::size_t end = std::min(s.end_token, all.size());
    auto on = [&](std::size_t t) {
      if (p[t] >= low_threshold) return true;
      return t > s.first_token && t + 1 < end && p[t - 1] >= low_threshold && p[t + 1] >= low_threshold;
    };
    for (std::size_t t = s.first_token; t < end;) {
      if (!on(t)) {
        ++t;
        continue;
      }
      std::size_t z = t;
      double peak = 0.0;
      while (z < end && on(z)) peak = std::max(peak, p[z++]);
      std::size_t first = t, last = z;  // [first, last)
      while (first < last && all[first].kind == TokenKind::kPunct) ++first;
      while (last > first && all[last - 1].kind == TokenKind::kPunct) --last;
      const bool has_word = std::any_of(all.begin() + static_cast<std::ptrdiff_t>(first),
                                        all.begin() + static_cast<std::ptrdiff_t>(last),
                                        [](const Token& k) { return k.kind == TokenKind::kWord; });
      if (has_word && peak >= threshold) out.push_back({first, last});
      t = z;
    }
  }
  return out;
}

std::vector<double> TechniqueProbabilities(const ArticleTokens& tokens, std::size_t first, std::size_t end,
                                           const ModelFile& techniques) {
  const std::vector<FeatureEntry> x = ExtractPassageFeatures(tokens, first, end, techniques.num_buckets());
  std::vector<double> p;
  p.reserve(techniques.heads().size());
  for (const ModelFile::Head& head : techniques.heads()) p.push_back(Sigmoid(Logit(head.weights, head.bias, x)));
  return p;
}

std::vector<TechniqueSpan> FindTechniqueSpans(const ArticleTokens& tokens, const TokenFeatures& features,
                                              const LearnedModels& models) {
  const std::vector<double> p = TokenProbabilities(tokens, features, *models.spans);
  std::vector<TechniqueSpan> out;
  for (const TokenRange& r : DecodePassages(tokens, p, models.spans->head(0).decision_threshold, models.spans->head(0).extend_threshold)) {
    const std::vector<double> tp = TechniqueProbabilities(tokens, r.first, r.end, *models.techniques);
    const std::size_t best = static_cast<std::size_t>(std::max_element(tp.begin(), tp.end()) - tp.begin());
    const double total = std::accumulate(tp.begin(), tp.end(), 0.0);
    TechniqueSpan t;
    t.span = {tokens.tokens()[r.first].span.start, tokens.tokens()[r.end - 1].span.end};
    t.technique = models.technique_of_head[best];
    t.probability = total > 0 ? tp[best] / total : 0.0;
    t.span_probability = std::accumulate(p.begin() + static_cast<std::ptrdiff_t>(r.first),
                                         p.begin() + static_cast<std::ptrdiff_t>(r.end), 0.0) /
                         static_cast<double>(r.end - r.first);
    out.push_back(t);
  }
  return out;
}

}  // namespace credence::internal
