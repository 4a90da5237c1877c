// Finds a byline ("By Jane Doe", "Written by ...", "Author: ...") and a
// publication date ("March 3, 2017", "2017-03-03", "Published 3 March 2017")
// in short lines of scraped text.
#pragma once

#include <optional>
#include <string_view>

#include "credence/span.h"

namespace credence::internal {

// Returns the span of a byline in `line` (which starts at byte `offset` of
// the document), or nullopt. Only short lines (at most 12 words) qualify.
std::optional<Span> FindByline(std::string_view line, std::size_t offset);

// Returns the span of a calendar date in `line`, or nullopt. Only short
// lines (at most 14 words) qualify, so dates inside body sentences are not
// mistaken for the publication date.
std::optional<Span> FindDateLine(std::string_view line, std::size_t offset);

}  // namespace credence::internal
