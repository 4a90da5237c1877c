// ClassWords: what the class, id and role words of an HTML element say
// about it, as a set of flags: page furniture (Readability's "unlikely"
// and negative lists, ad words), content (its positive list), and the
// kind of block (standfirst, byline, date, comment, share, related,
// appeal, widget, copyright). The lists are common names across the web,
// never one site's.
//
//   uint32_t flags = WordFlags("story-body article-content");  // kPositiveWord
//
// Thread-safe.
#pragma once

#include <cstdint>
#include <string_view>

namespace credence::internal {

enum WordFlag : uint32_t {
  kNegativeWord = 1u << 0,
  kPositiveWord = 1u << 1,
  kAdWord = 1u << 2,
  kUnlikelyWord = 1u << 3,
  kMaybeWord = 1u << 4,
  kStandfirstWord = 1u << 5,
  kBylineWord = 1u << 6,
  kDateWord = 1u << 7,
  kCopyrightWord = 1u << 8,
  kCommentWord = 1u << 9,
  kShareWord = 1u << 10,
  kRelatedWord = 1u << 11,
  kAppealWord = 1u << 12,
  kWidgetWord = 1u << 13,
};

// Returns the flags of `words` (lower case, space-separated; as
// HtmlElement::words). Substring lists match anywhere ("sidebar-left" is
// furniture); whole-word lists (ads, standfirst names) match words or their
// parts between '-' and '_'.
uint32_t WordFlags(std::string_view words);

}  // namespace credence::internal
