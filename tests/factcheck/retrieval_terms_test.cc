// Tests for retrieval terms (src/factcheck/retrieval_terms.cc) and the
// claim-retrieval metrics (retrieval_evaluation.cc).
#include "factcheck/retrieval_terms.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "factcheck/retrieval_evaluation.h"

namespace credence::internal {
namespace {

using Terms = std::vector<std::string>;

TEST(RetrievalTerms, StemsAndDropsFunctionWords) {
  EXPECT_EQ(RetrievalTerms("Did 122 prisoners return to the battlefield?"), (Terms{"122", "prison", "return", "battlefield"}));
  EXPECT_EQ(RetrievalTerms("The council's ferries"), (Terms{"council", "ferri"}));
  EXPECT_EQ(RetrievalTerms("COVID-19 vaccines, 1,000 doses"), (Terms{"covid", "19", "vaccin", "1000", "dose"}));
}

TEST(RetrievalTerms, ReadsHashtagsAndHandlesDropsLinks) {
  EXPECT_EQ(RetrievalTerms("#AustralianFires https://t.co/abc @realDonaldTrump"),
            (Terms{"australian", "fire", "real", "donald", "trump"}));
  EXPECT_EQ(RetrievalTerms("Gulls #harbourpic.twitter.com/xyz"), (Terms{"gull", "harbour"}));
}

TEST(RetrievalTerms, SurvivesAnyBytes) {
  EXPECT_TRUE(RetrievalTerms("").empty());
  EXPECT_EQ(RetrievalTerms(std::string("ferry\0tax\xff", 10)), (Terms{"ferri", "tax"}));
}

TEST(ScoreRankings, ComputesTheTaskMetrics) {
  const std::vector<RetrievalQuery> queries = {{"q1", "t", {"a"}}, {"q2", "t", {"b", "c"}}, {"q3", "t", {"z"}}};
  const std::vector<std::vector<std::string>> rankings = {{"a", "x"}, {"x", "b", "y", "c"}, {"x", "y"}};
  const RetrievalScores s = ScoreRankings(rankings, queries);
  EXPECT_EQ(s.queries, 3u);
  EXPECT_DOUBLE_EQ(s.map_at_1, 1.0 / 3.0);
  // q1: 1; q2: (1/2 + 2/4) / 2 = 0.5; q3: 0.
  EXPECT_DOUBLE_EQ(s.map_at_5, (1.0 + 0.5 + 0.0) / 3.0);
  EXPECT_DOUBLE_EQ(s.mrr_at_5, (1.0 + 0.5 + 0.0) / 3.0);
  EXPECT_DOUBLE_EQ(s.recall_at_10, (1.0 + 1.0 + 0.0) / 3.0);
}

TEST(ReadRetrievalQueries, SkipsBadLines) {
  Result<RetrievalQueries> q = ReadRetrievalQueries(
      "{\"id\": \"1\", \"text\": \"a\", \"relevant\": [\"x\"]}\nnope\n{\"id\": 2, \"text\": \"b\"}\n", "q.jsonl");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->queries.size(), 1u);
  EXPECT_EQ(q->errors.size(), 2u);
  EXPECT_FALSE(ReadRetrievalQueries("nope\n", "q.jsonl"));
}

}  // namespace
}  // namespace credence::internal
