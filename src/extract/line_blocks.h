// Splits a Document's working text into line blocks: the non-empty lines of
// scraped text, trimmed, each with the number of blank lines before it and
// a normalised lower-case form for rule matching.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "credence/span.h"

namespace credence::internal {

// Lines longer than this are article text; rules never look at them.
inline constexpr std::size_t kMaxRuleLineBytes = 600;

struct LineBlock {
  Span span;                    // trimmed line
  std::size_t blank_before = 0; // blank lines between this block and the last
  std::size_t words = 0;        // space-separated words
  std::size_t letters = 0;      // ASCII letters plus non-ASCII lead bytes
  std::string normalized;       // see NormalizeLine; empty when span > kMaxRuleLineBytes
};

// Returns the non-empty lines of `text` in order.
std::vector<LineBlock> SplitLineBlocks(std::string_view text);

// Returns `line` lower-cased (ASCII), with curly quotes and apostrophes
// folded to ' and ", dashes to '-', runs of white space to one space, and
// trailing spaces and punctuation (. : ! ? , ; - and spaces) dropped.
std::string NormalizeLine(std::string_view line);

}  // namespace credence::internal
