// CapNesting: a linear pre-pass over raw HTML bytes that drops the tags of
// elements nested deeper than a limit (their text stays), so that the HTML5
// tree builder, whose cost grows with the square of the nesting depth, sees
// a bounded tree. Browsers cap the tree's depth in the same spirit.
//
//   std::string flattened;
//   if (CapNesting(bytes, kMaxHtmlNesting, &flattened)) bytes = flattened;
//
// The scan knows start and end tags, void elements, self-closing tags,
// comments and raw-text elements (script, style, textarea, title, xmp);
// it is a bound, not a parser: on unbalanced markup it may keep a little
// more or less than the limit.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace credence::internal {

// When some element of `html` is nested deeper than `max_depth`, writes the
// bytes without the tags beyond that depth to `*out` and returns true;
// otherwise returns false and leaves `*out` alone.
bool CapNesting(std::string_view html, std::size_t max_depth, std::string* out);

}  // namespace credence::internal
