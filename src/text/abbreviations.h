// The abbreviations of data/abbreviations.txt ("mr", "jan", "gov"), after
// which a period belongs to the word and does not end a sentence.
#pragma once

#include <string_view>

namespace credence::internal {

// Returns true when `word` (without its final period, any case) is a known
// abbreviation. Thread-safe.
bool IsAbbreviation(std::string_view word);

}  // namespace credence::internal
