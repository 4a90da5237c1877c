// Sufficiency: whether an article gives the content model enough to judge.
// A verdict on a few words, a list of links, a page that is all menus or a
// text in another language would be a probability dressed up as a verdict;
// such articles get the label `insufficient` with the reason instead.
//
//   ArticleTextMeasures m = MeasureArticleText(text, report);
//   std::string why = InsufficientReason(m);   // "" when the model may judge
//
// The limits and how they were chosen: docs/model.md ("Knowing when not to judge").
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "credence/report.h"

namespace credence::internal {

// Fewer words than this in sentences of running text: insufficient.
inline constexpr std::size_t kMinRunningWords = 50;
// A sentence counts as running text from this many words (not in links) on.
inline constexpr std::size_t kRunningSentenceWords = 6;
// Below this share of common English words among the words: not English.
inline constexpr double kMinEnglishShare = 0.15;
// Measured only from this many words on (a short text's share says little).
inline constexpr std::size_t kMinWordsForLanguage = 20;

struct ArticleTextMeasures {
  std::size_t words = 0;          // word tokens of headline, standfirst and body
  std::size_t link_words = 0;     // of them, inside a URL (http://..., www....)
  std::size_t running_words = 0;  // words outside links in sentences of kRunningSentenceWords or more
  double english_share = 0.0;     // share of the words outside links that are common English words
};

// Returns the measures of the article in `report`, whose spans point into `text`.
ArticleTextMeasures MeasureArticleText(std::string_view text, const Report& report);

// Returns why the model should not judge an article with these measures,
// in words for a reader, or "" when it may.
std::string InsufficientReason(const ArticleTextMeasures& measures);

}  // namespace credence::internal
