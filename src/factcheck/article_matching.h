// Matching an analysed article against the fact-check index: its headline
// and its most check-worthy sentences, each searched on its own; what
// clears kReportMatchScore goes into the claim and into the report's
// fact_checks section.
#pragma once

#include <string_view>

#include "credence/report.h"
#include "factcheck/fact_check_matcher.h"

namespace credence::internal {

// The lowest re-ranker probability a report shows. On CheckThat! 2020 task
// 2's dev tweets (each checked by a Snopes claim), a best match at 0.5 or
// more is the right one 93% of the time, and 59% of tweets get one
// (docs/fact-checks.md has the table).
inline constexpr double kReportMatchScore = 0.5;
// Sentences searched per article: the most check-worthy first.
inline constexpr std::size_t kClaimsSearched = 5;
// Matches kept per passage.
inline constexpr std::size_t kMatchesPerPassage = 3;

// Fills report->claims[i].fact_checks and report->fact_checks from `matcher`.
// REQUIRES: matcher has a re-ranker; report's spans index `text`.
void MatchArticleFactChecks(const FactCheckMatcher& matcher, std::string_view text, Report* report);

}  // namespace credence::internal
