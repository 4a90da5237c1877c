// ContentFinder: decides which text blocks of a parsed page are the
// article's body, which are its headline, byline and date, and which are
// page leftovers (with step 1's categories), using general rules only:
// the shape of the text (length, commas, link density), the tree of block
// elements (scores flow from paragraphs to their parent and grandparent, as
// in Arc90's Readability), class/id/role words that are common across the
// web ("comment", "share", "related", ...), and what the page's metadata
// says (its headline; a schema.org articleBody when the page states one).
//
//   std::vector<BlockRole> roles = FindContent(page, metadata);
//
// Thread-safe, pure function of its inputs.
#pragma once

#include <string>
#include <vector>

#include "credence/article.h"
#include "html/html_page.h"
#include "html/page_metadata.h"

namespace credence::internal {

enum class BlockKind { kBody, kHeadline, kStandfirst, kByline, kDate, kRemoved };

struct BlockRole {
  BlockKind kind = BlockKind::kRemoved;
  RemovedCategory category = RemovedCategory::kSiteChrome;  // for kRemoved
  std::string rule;  // why: "outside_article", "class:share", "link_density", "leftover:exact:...", ...
};

// Returns one role per block of `page`, in the same order.
std::vector<BlockRole> FindContent(const HtmlPage& page, const PageMetadata& metadata);

}  // namespace credence::internal
