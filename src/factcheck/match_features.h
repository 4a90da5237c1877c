// What the re-ranker reads of a (passage, fact-check) pair that BM25 put
// among its candidates: how much of each one's terms the other holds, in
// words, word pairs and characters, shared numbers and names, the claim and
// the headline apart, and BM25's own score and rank. Each feature is named
// (kMatchFeatureNames) and lies in a small range, so that one logistic
// regression weighs them.
#pragma once

#include <array>
#include <cstddef>
#include <string>
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
    "length_ratio_log",   // |log(fact-check terms / passage terms)|
    "no_title",           // 1 when the fact-check has no headline
};

// A passage prepared once for all its candidates.
struct MatchQuery {
  std::string text;                  // without tweet furniture
  std::vector<std::string> terms;    // RetrievalTerms
  std::vector<std::string> numbers;  // the digits of each number
  std::vector<std::string> names;    // lower-cased capitalised words
  std::vector<std::string> trigrams; // sorted, distinct
};

MatchQuery PrepareMatchQuery(std::string_view passage);

// The features of one candidate, in kMatchFeatureNames order.
std::array<float, kMatchFeatureNames.size()> MatchFeatures(const MatchQuery& query, std::string_view claim,
                                                           std::string_view title, double bm25, double best_bm25,
                                                           std::size_t rank);

}  // namespace credence::internal
