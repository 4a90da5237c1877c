// Reads the numbers a vote or engagement widget shows ("65 points",
// "Total votes: 77", "Upvotes percentage: 92.2%") into WidgetCounts.
#pragma once

#include <string_view>

#include "credence/article.h"

namespace credence::internal {

// Adds what the normalised widget line `line` says to `counts`; lines that
// carry no number leave it unchanged.
void ReadWidgetLine(std::string_view normalized_line, WidgetCounts* counts);

}  // namespace credence::internal
