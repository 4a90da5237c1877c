// SelectArticle: which blocks of a page are the article's body, by
// Readability's scoring (Arc90's, as in Mozilla's Readability.js) over the
// tree of block elements. Paragraphs of 25 characters or more score
// 1 + commas + one point per 100 characters (at most 3); the score flows to
// the paragraph's container in full, its parent in half and further up in
// thirds; a container starts from its tag and class/id/role words; the best
// container after discounting link text wins, may give way to an ancestor
// holding several close contenders or to a parent scoring higher, and takes
// along siblings that score well and loose paragraphs beside it. Inside,
// containers that are mostly links, short, or named like furniture are
// cleaned out.
//
//   ElementStats stats(page);
//   Selection body = SelectArticle(page, stats, {});
//
// Pure functions of their inputs; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "html/html_page.h"

namespace credence::internal {

// Families of rules a search may leave out (Readability retries without
// them, in this order, when a page gives too little text).
struct SelectionRules {
  bool strip_unlikely = true;       // containers named like furniture are not candidates
  bool weight_classes = true;       // class/id words add or take 25 points
  bool clean_conditionally = true;  // link-heavy or short containers inside the article go
};

// Sums over each element's subtree and what each element's words say.
// Elements are in pre-order, so a child's index is above its parent's and
// one backward pass adds the sums up.
struct ElementStats {
  std::vector<double> chars, link_chars, commas, paragraphs, list_items;
  std::vector<std::size_t> subtree_end;  // one past the last element of the subtree
  std::vector<std::size_t> children;     // block-element children
  std::vector<std::size_t> own_blocks;   // blocks whose innermost element it is
  std::vector<uint32_t> word_flags;      // WordFlags of the element's own words
  std::vector<uint32_t> near_flags;      // of its own and its ancestors' words, four named elements up
  std::vector<char> unlikely_words;      // named (or tagged) like page furniture
  std::vector<double> class_weight;      // -25, 0, +25 or +50 from its words and itemprop

  explicit ElementStats(const HtmlPage& page);
  double LinkDensity(std::size_t e) const { return chars[e] > 0 ? link_chars[e] / chars[e] : 0; }
  bool Inside(std::size_t e, std::size_t root) const { return e >= root && e < subtree_end[root]; }
};

struct Selection {
  std::vector<char> body;            // per block: 1 when it is article body
  std::vector<std::string> why_not;  // per block: the rule that left it out ("outside_article", "link_density", ...)
  std::size_t body_chars = 0;        // characters of the body
};

// Returns the article body that `rules` find in `page`.
Selection SelectArticle(const HtmlPage& page, const ElementStats& stats, const SelectionRules& rules);

// Characters, not bytes: UTF-8 continuation bytes are not counted.
std::size_t CharCount(std::string_view s);

}  // namespace credence::internal
