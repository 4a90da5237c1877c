// Tests for the span-identification score of SemEval-2020 Task 11: partial
// overlap credit, merged gold spans, code points rather than bytes.
#include "model/span_metrics.h"

#include <gtest/gtest.h>

namespace credence::internal {
namespace {

TEST(SpanMetrics, ExactMatchScoresOne) {
  const SpanOverlapScore s = ScoreSpans("0123456789", {{2, 6}}, {{2, 6}});
  EXPECT_DOUBLE_EQ(s.precision(), 1.0);
  EXPECT_DOUBLE_EQ(s.recall(), 1.0);
  EXPECT_DOUBLE_EQ(s.f1(), 1.0);
}

TEST(SpanMetrics, PartialOverlapGivesPartialCredit) {
  // Predicted [0, 4) against gold [2, 10): 2 shared characters.
  const SpanOverlapScore s = ScoreSpans("0123456789", {{0, 4}}, {{2, 10}});
  EXPECT_DOUBLE_EQ(s.precision(), 2.0 / 4.0);
  EXPECT_DOUBLE_EQ(s.recall(), 2.0 / 8.0);
  EXPECT_DOUBLE_EQ(s.f1(), 2 * 0.5 * 0.25 / 0.75);
}

TEST(SpanMetrics, SumsOverEveryPairAndCountsMisses) {
  // Two predictions inside one gold span, one prediction outside any, one gold span missed.
  const SpanOverlapScore s = ScoreSpans("abcdefghijklmnopqrst", {{0, 2}, {2, 4}, {10, 12}}, {{0, 4}, {15, 20}});
  EXPECT_EQ(s.predicted, 3u);
  EXPECT_EQ(s.gold, 2u);
  EXPECT_DOUBLE_EQ(s.precision_sum, 2.0);        // 2/2 + 2/2 + 0
  EXPECT_DOUBLE_EQ(s.recall_sum, 2.0 / 4 + 2.0 / 4);  // both halves of the first gold span
  EXPECT_DOUBLE_EQ(s.precision(), 2.0 / 3);
  EXPECT_DOUBLE_EQ(s.recall(), 0.5);
}

TEST(SpanMetrics, OverlappingGoldSpansAreMergedFirst) {
  // Two techniques over overlapping text count as one gold span, as the task's scorer merges them.
  const SpanOverlapScore s = ScoreSpans("0123456789", {{0, 10}}, {{0, 6}, {4, 10}});
  EXPECT_EQ(s.gold, 1u);
  EXPECT_DOUBLE_EQ(s.f1(), 1.0);
  EXPECT_EQ(MergeOverlapping({{5, 7}, {0, 2}, {1, 3}, {3, 4}}), (std::vector<Span>{{0, 3}, {3, 4}, {5, 7}}));
  EXPECT_TRUE(MergeOverlapping({{4, 4}}).empty());
}

TEST(SpanMetrics, CountsCodePointsNotBytes) {
  const std::string text = "caf\xC3\xA9 na\xC3\xAFve";  // "café naïve": 10 code points, 12 bytes
  EXPECT_EQ(CodePoints(text, {0, text.size()}), 10u);
  // Predicted "café" (5 bytes) against gold "é naïve" (9 bytes, 7 code points): they share "é", one code point.
  const SpanOverlapScore s = ScoreSpans(text, {{0, 5}}, {{3, 12}});
  EXPECT_DOUBLE_EQ(s.precision(), 1.0 / 4);
  EXPECT_DOUBLE_EQ(s.recall(), 1.0 / 7);
}

TEST(SpanMetrics, NoPredictionsOrNoGold) {
  EXPECT_DOUBLE_EQ(ScoreSpans("abc", {}, {{0, 3}}).f1(), 0.0);
  EXPECT_DOUBLE_EQ(ScoreSpans("abc", {{0, 3}}, {}).f1(), 0.0);
  SpanOverlapScore total;
  total.Add(ScoreSpans("abc", {{0, 3}}, {{0, 3}}));
  total.Add(ScoreSpans("abc", {}, {{0, 1}}));
  EXPECT_DOUBLE_EQ(total.precision(), 1.0);
  EXPECT_DOUBLE_EQ(total.recall(), 0.5);
}

}  // namespace
}  // namespace credence::internal
