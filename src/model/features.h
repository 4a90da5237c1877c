// Features: turns an article (its Report and text) into the sparse vector the
// linear model scores. Hashed n-grams fill buckets [0, num_buckets); the cue
// measures ("dense" features) follow at num_buckets + k.
//
//   ArticleFeatures f = ExtractFeatures(text, report, 1u << 18);
//   double logit = bias; for (const FeatureEntry& e : f.entries) logit += w[e.index] * e.value;
//
// N-grams: every token of the headline, standfirst and body, lower-cased
// (digits of numbers folded to 0), as unigrams and as bigrams within a
// sentence; headline n-grams hash apart from body ones (a title given beside
// a text without a headline counts as its headline). Values are
// log(1 + count), scaled so the n-gram part has unit L2 norm. Thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "credence/report.h"
#include "credence/structure.h"
#include "credence/verdict.h"

namespace credence::internal {

// The content model's feature sets, as its model file names them: names
// masked (the shipped model since issue 15), or every word as written (the
// models before it, still read).
inline constexpr std::string_view kContentFeatureSet = "content_names_masked";
inline constexpr std::string_view kContentUnmaskedFeatureSet = "content";

// How ExtractFeatures reads the words.
struct ContentFeatureOptions {
  // Words that are names (people, outlets, places, organisations, fact-
  // checkers) become one placeholder word, <name>, so that the model learns
  // how an article is written rather than whom it is about or who wrote it:
  // a capitalised word inside a sentence, and a capitalised word at a
  // sentence's start that the article also capitalises inside one and never
  // writes in lower case (MaskNames). Off: every word as written.
  bool mask_names = true;
};

// Returns the feature set name a model with these options is stored under.
std::string_view ContentFeatureSetName(const ContentFeatureOptions& options);

// The names of the content model's dense features, in index order ("cue:hedging", ...).
const std::vector<std::string>& DenseFeatureNames();

// Which way a dense feature may move the unreliable score. The trainer holds
// each weight to its direction (docs/model.md lists them).
enum class DenseDirection {
  kRaises,  // a sign of low credibility (a cue, anonymous or state-run sources): weight >= 0
  kEither,  // neutral in meaning (named sources, quotes, length): any sign
};

// Returns the direction of each dense feature, in DenseFeatureNames() order.
const std::vector<DenseDirection>& DenseFeatureDirections();

// Returns whether dense feature k is a confounder the model adjusts for
// rather than evidence (the article's length): explanations show it apart.
bool IsAdjustmentFeature(std::string_view name);

struct FeatureEntry {
  std::uint32_t index = 0;  // bucket, or num_buckets + dense feature number
  float value = 0.0f;
};

// Sparse rows of features: row r holds entries[begin[r], begin[r + 1]).
// Rows shared by many examples (a sentence's words, shared by its tokens)
// are kept once.
struct FeatureRows {
  std::vector<FeatureEntry> entries;
  std::vector<std::uint32_t> begin{0};

  std::size_t size() const { return begin.size() - 1; }
  void EndRow() { begin.push_back(static_cast<std::uint32_t>(entries.size())); }
  const FeatureEntry* row(std::size_t r) const { return entries.data() + begin[r]; }
  std::size_t row_size(std::size_t r) const { return begin[r + 1] - begin[r]; }
};

// Where an n-gram feature came from, for explanations.
struct NgramOrigin {
  FeatureKind kind = FeatureKind::kWords;
  std::uint8_t length = 1;              // 1 or 2 tokens
  std::uint32_t occurrences_begin = 0;  // range in ArticleFeatures::occurrences
  std::uint32_t occurrences_end = 0;
};

struct ArticleFeatures {
  // One entry per distinct n-gram (so two n-grams may share a bucket), then
  // one per dense feature whose value is not 0.
  std::vector<FeatureEntry> entries;
  // For entries[i] with i < origins.size(): the n-gram's kind and occurrences.
  std::vector<NgramOrigin> origins;
  // First-token indices, grouped per n-gram. Indices below
  // report.structure.tokens.size() are the text's tokens; index
  // tokens.size() + j is title_tokens[j].
  std::vector<std::uint32_t> occurrences;
  // The normalised tokens of a title given beside the text
  // (report.article.given_title) when the text has no headline of its own.
  std::vector<std::string> title_tokens;
  // 1 for each token (text tokens, then title tokens) read as <name>.
  std::vector<std::uint8_t> masked;
};

// The placeholder a masked name is read as.
inline constexpr std::string_view kNamePlaceholder = "<name>";

// Returns 1 for each of `tokens` that reads as a name (see
// ContentFeatureOptions::mask_names), 0 for the others. `sentences` and
// `headline_sentences` (the headline's, whose words may all be capitalised)
// index into tokens.
// `token_hash` is HashTokens' (equal words, equal hashes).
std::vector<std::uint8_t> MaskNames(std::string_view text, const std::vector<Token>& tokens,
                                    const std::vector<std::uint64_t>& token_hash, const std::vector<Sentence>& sentences,
                                    const std::vector<bool>& headline_sentence);

// Returns the hash of each token as the n-gram features see it: lower-cased
// and normalised (NormalizeForLookup), digits of numbers folded to 0.
// `normalized_tokens`, when of tokens' size, is NormalizeTokens(text, tokens)
// made beforehand.
std::vector<std::uint64_t> HashTokens(std::string_view text, const std::vector<Token>& tokens,
                                      const std::vector<std::string>* normalized_tokens);

// Returns the hash of an already normalised word, as HashTokens makes it.
std::uint64_t HashWord(std::string_view normalized);

// Returns a hash of the pair (a, b) in the space of `seed`: the way every
// feature set combines token hashes into n-gram and position features.
std::uint64_t MixHashes(std::uint64_t a, std::uint64_t b, std::uint64_t seed);

// A run of tokens [begin, end) whose n-grams count as `kind`.
struct TokenRun {
  std::size_t begin = 0;
  std::size_t end = 0;
  FeatureKind kind = FeatureKind::kWords;
};

// Returns the unigrams and bigrams within each run of `token_hash`, one
// entry per distinct n-gram (log(1 + count), the whole scaled to unit L2
// norm), with their origins and occurrences for explanations: the n-gram
// part of ExtractFeatures, shared by the learned detectors' sentence and
// headline features. REQUIRES: num_buckets is a power of two.
ArticleFeatures HashNgramRuns(const std::vector<std::uint64_t>& token_hash, const std::vector<TokenRun>& runs,
                              std::uint32_t num_buckets);

// Appends to *out the entries HashNgramRuns gives for the one run [begin,
// end) of `token_hash` (the same indices and values, in the same order),
// without origins: for features that are never explained, made without
// allocating beyond *out's growth.
void AppendNgramEntries(const std::vector<std::uint64_t>& token_hash, std::size_t begin, std::size_t end,
                        FeatureKind kind, std::uint32_t num_buckets, std::vector<FeatureEntry>* out);

// Returns the features of the article in `report`, whose spans point into
// `text`. `normalized_tokens`, when given, is NormalizeTokens(text,
// report.structure.tokens) made beforehand (the Analyzer's cue stage makes
// it), so the tokens are not normalised twice; null or of another size, the
// tokens are normalised here. REQUIRES: num_buckets is a power of two.
ArticleFeatures ExtractFeatures(std::string_view text, const Report& report, std::uint32_t num_buckets,
                                const std::vector<std::string>* normalized_tokens = nullptr,
                                const ContentFeatureOptions& options = {});

// Returns the n-gram of features.origins[i] as text ("it would").
std::string NgramName(const ArticleFeatures& features, std::size_t i, std::string_view text, const Report& report);

}  // namespace credence::internal
