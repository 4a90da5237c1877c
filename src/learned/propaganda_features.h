// The features of the propaganda detector's two models, shared by training
// (credence train --tasks) and analysis:
//
// - span identification tags tokens: a token's features are its word and
//   its neighbours' (two each side, by position), the word pairs and the
//   triple around it, its shape, what covers it (a quote, the headline, a
//   hand-written cue's evidence), whether its word recurs in the article,
//   and, shared by every token of its sentence, the sentence's unigrams and
//   bigrams, and by every token of the article, the article's words (how
//   propagandistic the whole article reads);
// - technique classification labels a passage: its unigrams and bigrams,
//   first and last words, two words either side, the rest of its sentence,
//   its length and share of the sentence, how often it or its words recur
//   in the article (Repetition), punctuation and the cue evidence inside it.
//
// Hashed features fill buckets [0, num_buckets); dense ones follow.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "learned/article_tokens.h"
#include "model/features.h"
#include "model/model_file.h"

namespace credence::internal {

inline constexpr std::string_view kPropagandaSpansFeatureSet = "propaganda_spans";
inline constexpr std::string_view kPropagandaTechniquesFeatureSet = "propaganda_techniques";

// The dense feature names of each model, in index order.
const std::vector<std::string>& TokenDenseNames();
const std::vector<std::string>& PassageDenseNames();
FeatureSetId PropagandaSpansFeatureSet();
FeatureSetId PropagandaTechniquesFeatureSet();

// The span-identification features of every token: row t of `local` is
// token t's own; row s of `sentence` is shared by every token of sentence s;
// `article` by every token. A token's full vector is local.row(t) +
// sentence.row(tokens.sentence_of[t]) + article.
struct TokenFeatures {
  FeatureRows local;
  FeatureRows sentence;
  std::vector<FeatureEntry> article;
};

// REQUIRES: num_buckets is a power of two.
TokenFeatures ExtractTokenFeatures(const ArticleTokens& tokens, std::uint32_t num_buckets);

// Returns the technique-classification features of the passage made of
// tokens [first, end), which lie in one sentence or run across several.
// REQUIRES: first < end <= tokens.tokens().size(); num_buckets a power of two.
std::vector<FeatureEntry> ExtractPassageFeatures(const ArticleTokens& tokens, std::size_t first, std::size_t end,
                                                 std::uint32_t num_buckets);

}  // namespace credence::internal
