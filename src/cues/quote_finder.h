// Finds direct quotations in an article's body: curly “…”, straight "…",
// and guillemets «…», including the journalistic convention of a quotation
// running over several paragraphs.
#pragma once

#include <string_view>
#include <vector>

#include "credence/annotations.h"
#include "credence/structure.h"

namespace credence::internal {

// Returns the quotes in the body paragraphs of `structure`, in input order,
// with speaker and attribution unset (LinkQuoteSpeakers sets them).
std::vector<Quote> FindQuotes(std::string_view text, const Structure& structure);

// Sets each quote's speaker to the source of the nearest attribution that
// introduces it ("X said," or "According to X," just before it, or
// "..., X said" just after it). Attributions inside a quote do not count.
void LinkQuoteSpeakers(std::string_view text, const std::vector<Attribution>& attributions,
                       std::vector<Quote>& quotes);

}  // namespace credence::internal
