// Finds attributions in the body: reporting phrases ("Sputnik has
// reported", "according to the source", "..., said Jane Doe", "it is
// claimed") with their source and the kind of source behind it.
#pragma once

#include <string_view>
#include <vector>

#include "credence/annotations.h"
#include "credence/structure.h"

namespace credence::internal {

// Returns the attributions of the body paragraphs of `structure`, in
// input order.
std::vector<Attribution> FindAttributions(std::string_view text, const Structure& structure);

}  // namespace credence::internal
