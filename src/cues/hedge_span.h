// The span of a modal hedge: "may" alone says little, "may be occurring"
// shows what is hedged. Used with entries flagged kModalFlag in
// data/hedges.txt (may, might, could).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "credence/span.h"
#include "credence/structure.h"

namespace credence::internal {

// Returns `span` extended over the verb group that starts at token `after`
// (one past the modal) and ends before token `end`: at most one adverb
// ("also", "still", "never"), an optional "not", then "be", "have",
// "have been" or "been", then one more word unless that word is a
// determiner, preposition, conjunction or pronoun:
//   may -> "may be occurring", could -> "could not have been hit",
//   might -> "might wipe", may -> "may be" in "may be the case".
// Returns `span` unchanged when no word follows.
// REQUIRES: after <= end <= tokens.size().
Span ExtendOverVerbGroup(std::string_view text, const std::vector<Token>& tokens, std::size_t after,
                         std::size_t end, Span span);

}  // namespace credence::internal
