// Tests for the sentence and headline features: a text read on its own gives
// the same features as the same words inside an article, and the dense
// measures see numbers, years, percentages and questions.
#include "learned/sentence_features.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "tests/learned/learned_test_support.h"

namespace credence::internal {
namespace {

constexpr std::uint32_t kBuckets = 1u << 16;

double Dense(const ArticleFeatures& f, const FeatureSetId& set, const char* name) {
  const auto& names = set.dense_names;
  const auto index = kBuckets + static_cast<std::uint32_t>(std::find(names.begin(), names.end(), name) - names.begin());
  for (const FeatureEntry& e : f.entries)
    if (e.index == index) return e.value;
  return 0.0;
}

TEST(TokenizeStandalone, RefusesEmptyAndBinaryText) {
  EXPECT_FALSE(TokenizeStandalone(""));
  EXPECT_FALSE(TokenizeStandalone("   \n"));
  EXPECT_FALSE(TokenizeStandalone(std::string(64, '\0')));
  Result<StandaloneText> t = TokenizeStandalone("Unemployment fell to 4.2% in 2019.");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->tokens.size(), t->hashes.size());
  EXPECT_EQ(t->slice().end, t->tokens.size());
}

TEST(ClaimFeatures, SeeNumbersYearsPercentagesAndQuestions) {
  Result<StandaloneText> claim = TokenizeStandalone("Unemployment fell to 4.2% in 2019, costing $3 billion.");
  ASSERT_TRUE(claim);
  const ArticleFeatures f = ExtractClaimFeatures(claim->slice(), kBuckets);
  for (const char* name : {"has_number", "has_percent", "has_year", "has_currency"})
    EXPECT_EQ(Dense(f, ClaimsFeatureSet(), name), 1.0) << name;
  EXPECT_EQ(Dense(f, ClaimsFeatureSet(), "question"), 0.0);
  Result<StandaloneText> question = TokenizeStandalone("What do you think about that?");
  ASSERT_TRUE(question);
  const ArticleFeatures q = ExtractClaimFeatures(question->slice(), kBuckets);
  EXPECT_EQ(Dense(q, ClaimsFeatureSet(), "question"), 1.0);
  EXPECT_EQ(Dense(q, ClaimsFeatureSet(), "has_number"), 0.0);
}

TEST(ClaimFeatures, TheSameSentenceInsideAnArticleGivesTheSameFeatures) {
  const std::string sentence = "The city spent 40 million dollars on the bridge.";
  Result<StandaloneText> alone = TokenizeStandalone(sentence);
  ASSERT_TRUE(alone);
  credence::testing::TokenizedArticle a("A Headline\n\nFirst line here. " + sentence + " Last line here.\n");
  const Structure& st = a.analyzed.report.structure;
  const std::size_t city = a.TokenIndex("city") - 1;  // "The"
  const TokenSlice inside{a.analyzed.doc.text(), &st.tokens, &a.tokens.hashes, city, city + alone->tokens.size()};
  const ArticleFeatures x = ExtractClaimFeatures(alone->slice(), kBuckets);
  const ArticleFeatures y = ExtractClaimFeatures(inside, kBuckets);
  ASSERT_EQ(x.entries.size(), y.entries.size());
  for (std::size_t i = 0; i < x.entries.size(); ++i) {
    EXPECT_EQ(x.entries[i].index, y.entries[i].index) << i;
    EXPECT_FLOAT_EQ(x.entries[i].value, y.entries[i].value) << i;
  }
}

TEST(HeadlineFeatures, EdgeWordsAndTeasingShapes) {
  Result<StandaloneText> bait = TokenizeStandalone("17 Things You Will Never Believe?");
  Result<StandaloneText> plain = TokenizeStandalone("Council approves budget for 2024");
  ASSERT_TRUE(bait && plain);
  const ArticleFeatures b = ExtractHeadlineFeatures(bait->slice(), kBuckets);
  const ArticleFeatures p = ExtractHeadlineFeatures(plain->slice(), kBuckets);
  EXPECT_EQ(Dense(b, ClickbaitFeatureSet(), "starts_with_number"), 1.0);
  EXPECT_EQ(Dense(b, ClickbaitFeatureSet(), "question"), 1.0);
  EXPECT_GT(Dense(b, ClickbaitFeatureSet(), "second_person"), 0.5);
  EXPECT_EQ(Dense(p, ClickbaitFeatureSet(), "starts_with_number"), 0.0);
  EXPECT_EQ(Dense(p, ClickbaitFeatureSet(), "second_person"), 0.0);
  // n-gram entries carry origins for explanations; the two edge words and the dense ones follow.
  EXPECT_EQ(b.origins.size() + 2 + 4, b.entries.size());  // 4 dense values are non-zero here
}

}  // namespace
}  // namespace credence::internal
