// The features of the two learned detectors that read one run of text: a
// sentence's check-worthiness (ClaimBuster) and a headline's clickbait
// (Chakraborty et al.). Both are the run's unigrams and bigrams as the
// content model hashes them (HashNgramRuns: lower-cased, digits folded,
// unit norm), with a few dense measures; the headline adds its first and
// last words, since clickbait announces itself at the edges ("This ...",
// "... Will Shock You"). Capitalisation is never a feature: in the
// clickbait data it marks the publisher, not the headline.
//
// Training reads single sentences and headlines (TokenizeStandalone);
// analysis reads the article's own sentences and headline: both through
// TokenRun over the same token hashes, so the features are the same.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "credence/document.h"
#include "credence/structure.h"
#include "model/features.h"
#include "model/model_file.h"

namespace credence::internal {

inline constexpr std::string_view kClaimsFeatureSet = "claims";
inline constexpr std::string_view kClickbaitFeatureSet = "clickbait";

FeatureSetId ClaimsFeatureSet();
FeatureSetId ClickbaitFeatureSet();

// Tokens [first, end) of a text, with their hashes (HashTokens).
struct TokenSlice {
  std::string_view text;
  const std::vector<Token>* tokens = nullptr;
  const std::vector<std::uint64_t>* hashes = nullptr;
  std::size_t first = 0;
  std::size_t end = 0;
};

// A text read on its own, as training reads a sentence or a headline.
struct StandaloneText {
  Document document;
  std::vector<Token> tokens;
  std::vector<std::uint64_t> hashes;

  TokenSlice slice() const { return {document.text(), &tokens, &hashes, 0, tokens.size()}; }
};

// Returns `text` tokenized whole; fails as Document::FromBytes does (empty
// or binary input).
[[nodiscard]] Result<StandaloneText> TokenizeStandalone(std::string text);

// Returns the features of a sentence for the check-worthiness model.
ArticleFeatures ExtractClaimFeatures(const TokenSlice& sentence, std::uint32_t num_buckets);

// Appends the claim model's dense measures of `sentence` to *entries: what
// ExtractClaimFeatures adds after the n-grams, for a caller that has the
// sentence's n-grams already (the propaganda features make them too).
void AppendClaimDense(const TokenSlice& sentence, std::uint32_t num_buckets, std::vector<FeatureEntry>* entries);

// Returns the features of a headline for the clickbait model; the n-gram
// entries keep their origins and occurrences for explanations.
ArticleFeatures ExtractHeadlineFeatures(const TokenSlice& headline, std::uint32_t num_buckets);

}  // namespace credence::internal
