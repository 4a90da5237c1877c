// BuildStructure: the paragraphs, sentences and tokens of an Article's
// headline, standfirst and body blocks.
#pragma once

#include <string_view>

#include "credence/article.h"
#include "credence/structure.h"

namespace credence::internal {

// Returns the Structure of `article` over `text` (the Document's working
// copy): one Paragraph per headline, standfirst and body block, in input order.
Structure BuildStructure(std::string_view text, const Article& article);

}  // namespace credence::internal
