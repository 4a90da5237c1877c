// What the re-ranker reads of a (passage, fact-check) pair that BM25 put
// among its candidates: how much of each one's terms the other holds, in
// words, word pairs and characters, shared numbers and names, the claim and
// the headline apart, and BM25's own score and rank. Each feature is named
// (kMatchFeatureNames) and lies in a small range, so that one logistic
// regression weighs them.
//
// Both sides are reduced to sorted sets of 64-bit hashes once: a passage
// when it is searched (PrepareMatchQuery), a fact-check when it is indexed
// (its CheckSignature is stored in the index), so that scoring a candidate
// is a few merges of short sorted arrays.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace credence::internal {

inline constexpr std::array<std::string_view, 15> kMatchFeatureNames = {
    "bm25_log",           // log(1 + BM25)
    "bm25_of_best",       // BM25 / the query's best BM25
    "rank_log",           // log(1 + BM25 rank), 0 for the first
    "query_terms_found",  // share of the passage's distinct terms in the fact-check
    "check_terms_found",  // share of the fact-check's distinct terms in the passage
    "claim_terms_found",  // share of the passage's distinct terms in the claim alone
    "title_terms_found",  // ... in the headline alone
    "pairs_found",        // share of the fact-check claim's term pairs in the passage
    "trigram_dice",       // Dice coefficient of the lower-cased character trigrams (claim and passage)
    "title_trigram_dice", // ... of the headline and the passage
    "numbers_shared",     // numbers in both, over numbers in either (0 when neither has one)
    "numbers_missing",    // 1 when the fact-check has a number the passage lacks
    "names_shared",       // capitalised words (not sentence-initial) in both, over those in the passage
    "length_ratio_log",   // |log((fact-check terms + 1) / (passage terms + 1))|
    "no_title",           // 1 when the fact-check has no headline
};

// The sets a text is compared by, each sorted and distinct.
struct TextSets {
  std::vector<std::uint64_t> terms;     // RetrievalTerms
  std::vector<std::uint64_t> pairs;     // consecutive RetrievalTerms
  std::vector<std::uint64_t> numbers;   // the digits of each number
  std::vector<std::uint64_t> names;     // lower-cased capitalised words, not sentence-initial
  std::vector<std::uint64_t> trigrams;  // lower-cased character trigrams over letters and digits
};
TextSets MakeTextSets(std::string_view text);

// A passage prepared once for all its candidates.
struct MatchQuery {
  std::vector<std::string> terms;  // RetrievalTerms, for BM25
  TextSets sets;
};
MatchQuery PrepareMatchQuery(std::string_view passage);

// A fact-check's sets, in the order the index stores them.
enum CheckList : std::size_t {
  kClaimTerms, kTitleTerms, kCheckTerms, kClaimPairs, kCheckNumbers, kCheckNames, kClaimTrigrams, kTitleTrigrams,
  kCheckListCount
};
using CheckSignature = std::array<std::vector<std::uint64_t>, kCheckListCount>;
using CheckSignatureView = std::array<std::span<const std::uint64_t>, kCheckListCount>;
CheckSignature MakeCheckSignature(std::string_view claim, std::string_view title);
CheckSignatureView ViewOf(const CheckSignature& signature);

// The features known before the record is read (BM25's score and rank): the
// others (the headline's absence too, one read of the record) are 0 in the
// array returned unless given, and each lies in [0, kMatchFeatureMax[k]], so
// that a caller can bound the logit before touching the record.
inline constexpr std::array<bool, kMatchFeatureNames.size()> kRankOnlyFeature = {
    true, true, true, false, false, false, false, false, false, false, false, false, false, false, false};
inline constexpr float kUnbounded = 3.4e38f;
inline constexpr std::array<float, kMatchFeatureNames.size()> kMatchFeatureMax = {
    kUnbounded, 1, kUnbounded, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, kUnbounded, 1};
std::array<float, kMatchFeatureNames.size()> RankOnlyFeatures(bool has_title, double bm25, double best_bm25, std::size_t rank);

// The features of one candidate, in kMatchFeatureNames order.
std::array<float, kMatchFeatureNames.size()> MatchFeatures(const MatchQuery& query, const CheckSignatureView& check,
                                                           bool has_title, double bm25, double best_bm25, std::size_t rank);

}  // namespace credence::internal
