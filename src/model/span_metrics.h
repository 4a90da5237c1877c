// The span-identification score of SemEval-2020 Task 11 (Da San Martino et
// al. 2020): precision and recall that give credit for partial overlap.
// With S the predicted spans and T the gold spans of a corpus,
//   P = sum over s in S, t in T of |s ∩ t| / |s|, divided by |S|
//   R = sum over s in S, t in T of |s ∩ t| / |t|, divided by |T|
// counted in characters (code points), pairs taken within each article, and
// overlapping gold spans merged first, technique labels ignored, as the
// task's scorer does.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "credence/span.h"

namespace credence::internal {

struct SpanOverlapScore {
  double precision_sum = 0.0;  // sum of |s ∩ t| / |s|
  double recall_sum = 0.0;     // sum of |s ∩ t| / |t|
  std::size_t predicted = 0;   // |S|
  std::size_t gold = 0;        // |T|, after merging

  double precision() const { return predicted ? precision_sum / static_cast<double>(predicted) : 0.0; }
  double recall() const { return gold ? recall_sum / static_cast<double>(gold) : 0.0; }
  double f1() const;
  void Add(const SpanOverlapScore& other);
};

// Returns `spans` sorted, with overlapping ones merged into one.
std::vector<Span> MergeOverlapping(std::vector<Span> spans);

// Returns the score of one article: `predicted` and `gold` are byte spans
// into `text` (UTF-8), each merged where it overlaps itself.
SpanOverlapScore ScoreSpans(std::string_view text, std::vector<Span> predicted, std::vector<Span> gold);

// Returns the code points of text[span].
std::size_t CodePoints(std::string_view text, Span span);

}  // namespace credence::internal
