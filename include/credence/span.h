// Span: a half-open range of byte offsets [start, end) into a Document's
// input exactly as received. Every stage keeps its results as spans, never
// copies, so that any cue can be highlighted in what the user gave.
//
// A Span is a plain value; it says nothing about which Document it points
// into: the Report that holds it does.
#pragma once

#include <cstddef>

namespace credence {

struct Span {
  std::size_t start = 0;  // first byte
  std::size_t end = 0;    // one past the last byte

  std::size_t size() const { return end - start; }
  bool empty() const { return end <= start; }
  bool Contains(const Span& other) const { return start <= other.start && other.end <= end; }
  bool Overlaps(const Span& other) const { return start < other.end && other.start < end; }
  friend bool operator==(const Span&, const Span&) = default;
};

}  // namespace credence
