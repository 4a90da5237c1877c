// The propaganda detector: tags each token with the span model's calibrated
// probability of lying in a propaganda passage, joins tokens at or above the
// model's threshold into passages, and labels each passage with the most
// probable of the 14 techniques. Training and evaluation use the same
// pieces (TokenProbabilities, DecodePassages, TechniqueProbabilities).
#pragma once

#include <cstddef>
#include <vector>

#include "credence/detections.h"
#include "learned/article_tokens.h"
#include "learned/learned_models.h"
#include "learned/propaganda_features.h"
#include "model/model_file.h"

namespace credence::internal {

// A run of tokens [first, end).
struct TokenRange {
  std::size_t first = 0;
  std::size_t end = 0;
};

// Returns each token's calibrated probability of lying in a propaganda
// passage under `spans` (the span model's head 0).
std::vector<double> TokenProbabilities(const ArticleTokens& tokens, const ModelFile& spans);
// The same from the tokens' features made beforehand at spans.num_buckets().
std::vector<double> TokenProbabilities(const ArticleTokens& tokens, const TokenFeatures& features,
                                       const ModelFile& spans);

// Returns the passages: within a sentence, runs of tokens whose probability
// reaches `extend_threshold` (a single token below it between two above
// joined in) that hold at least one token at `threshold`, cut of punctuation
// at either end; runs without a word are dropped.
// REQUIRES: extend_threshold <= threshold.
std::vector<TokenRange> DecodePassages(const ArticleTokens& tokens, const std::vector<double>& probabilities,
                                       double threshold, double low_threshold);

// Returns the calibrated probability of each head of `techniques` for the
// passage [first, end), in head order.
std::vector<double> TechniqueProbabilities(const ArticleTokens& tokens, std::size_t first, std::size_t end,
                                           const ModelFile& techniques);

// Returns the technique passages of an article, in input order, from its
// tokens' features made at models.spans->num_buckets().
// REQUIRES: models.spans and models.techniques are loaded.
std::vector<TechniqueSpan> FindTechniqueSpans(const ArticleTokens& tokens, const TokenFeatures& features,
                                              const LearnedModels& models);

}  // namespace credence::internal
