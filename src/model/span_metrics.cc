// Span overlap scoring over code points, so that figures match the task's
// own scorer, which counts characters of the decoded text.
#include "model/span_metrics.h"

#include <algorithm>

namespace credence::internal {

double SpanOverlapScore::f1() const {
  const double p = precision(), r = recall();
  return p > 0 && r > 0 ? 2 * p * r / (p + r) : 0.0;
}

void SpanOverlapScore::Add(const SpanOverlapScore& other) {
  precision_sum += other.precision_sum;
  recall_sum += other.recall_sum;
  predicted += other.predicted;
  gold += other.gold;
}

std::vector<Span> MergeOverlapping(std::vector<Span> spans) {
  std::erase_if(spans, [](const Span& s) { return s.empty(); });
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
  std::vector<Span> out;
  for (const Span& s : spans) {
    if (!out.empty() && s.start < out.back().end) {
      out.back().end = std::max(out.back().end, s.end);
    } else {
      out.push_back(s);
    }
  }
  return out;
}

std::size_t CodePoints(std::string_view text, Span span) {
  std::size_t n = 0;
  for (std::size_t i = span.start; i < span.end && i < text.size(); ++i)
    n += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  return n;
}

SpanOverlapScore ScoreSpans(std::string_view text, std::vector<Span> predicted, std::vector<Span> gold) {
  predicted = MergeOverlapping(std::move(predicted));
  gold = MergeOverlapping(std::move(gold));
  SpanOverlapScore score;
  score.predicted = predicted.size();
  score.gold = gold.size();
  for (const Span& s : predicted) {
    const double s_len = static_cast<double>(CodePoints(text, s));
    for (const Span& t : gold) {
      if (!s.Overlaps(t)) continue;
      const double both = static_cast<double>(CodePoints(text, {std::max(s.start, t.start), std::min(s.end, t.end)}));
      if (s_len > 0) score.precision_sum += both / s_len;
      const double t_len = static_cast<double>(CodePoints(text, t));
      if (t_len > 0) score.recall_sum += both / t_len;
    }
  }
  return score;
}

}  // namespace credence::internal
