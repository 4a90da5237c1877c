// Tests for ReadArticleTokens: every token gets its sentence, its hash, how
// often its word recurs, and flags for what covers it.
#include "learned/article_tokens.h"

#include <gtest/gtest.h>

#include "tests/learned/learned_test_support.h"

namespace credence::internal {
namespace {

using credence::testing::TokenizedArticle;

constexpr char kArticle[] =
    "Traitors Wreck The Harbour\n\n"
    "\u201cThe harbour plan is a disgrace and a waste of money,\u201d the mayor said on Monday.\n\n"
    "Critics say the plan will ruin the harbour. Officials said it would appear to be delayed.\n";

TEST(ArticleTokens, OneEntryPerTokenAndTheirSentences) {
  TokenizedArticle a(kArticle);
  const std::size_t n = a.tokens.tokens().size();
  ASSERT_GT(n, 20u);
  EXPECT_EQ(a.tokens.hashes.size(), n);
  EXPECT_EQ(a.tokens.sentence_of.size(), n);
  EXPECT_EQ(a.tokens.flags.size(), n);
  EXPECT_EQ(a.tokens.repeats.size(), n);
  const Structure& st = a.analyzed.report.structure;
  for (std::size_t s = 0; s < st.sentences.size(); ++s)
    for (std::size_t t = st.sentences[s].first_token; t < st.sentences[s].end_token; ++t)
      EXPECT_EQ(a.tokens.sentence_of[t], s) << t;
}

TEST(ArticleTokens, SameWordSameHashWhateverItsCase) {
  TokenizedArticle a(kArticle);
  const std::size_t title_case = a.TokenIndex("Harbour"), lower = a.TokenIndex("harbour");
  EXPECT_EQ(a.tokens.hashes[title_case], a.tokens.hashes[lower]);
  EXPECT_NE(a.tokens.hashes[lower], a.tokens.hashes[a.TokenIndex("mayor")]);
  // "harbour" occurs three times (headline included), "mayor" once.
  EXPECT_EQ(a.tokens.repeats[lower], 3u);
  EXPECT_EQ(a.tokens.repeats[a.TokenIndex("mayor")], 1u);
}

TEST(ArticleTokens, FlagsHeadlineQuotesAndCueEvidence) {
  TokenizedArticle a(kArticle);
  EXPECT_TRUE(a.tokens.flags[a.TokenIndex("Traitors")] & kInHeadline);
  EXPECT_FALSE(a.tokens.flags[a.TokenIndex("mayor")] & kInHeadline);
  EXPECT_TRUE(a.tokens.flags[a.TokenIndex("disgrace")] & kInQuote);
  EXPECT_FALSE(a.tokens.flags[a.TokenIndex("mayor")] & kInQuote);
  // "would appear" is hedging evidence; "Traitors" loaded language; "the mayor said" anonymous.
  EXPECT_TRUE(a.tokens.flags[a.TokenIndex("appear")] & kHedgingEvidence);
  EXPECT_TRUE(a.tokens.flags[a.TokenIndex("Traitors")] & kLoadedEvidence);
  EXPECT_TRUE(a.tokens.flags[a.TokenIndex("mayor")] & kAnonymousEvidence);
  EXPECT_FALSE(a.tokens.flags[a.TokenIndex("disgrace")] & kLoadedEvidence);
  EXPECT_FALSE(a.tokens.flags[a.TokenIndex("Monday")] & (kHedgingEvidence | kLoadedEvidence));
}

TEST(ArticleTokens, EmptyArticleHasNoTokens) {
  TokenizedArticle a("...\n");
  EXPECT_TRUE(a.tokens.hashes.size() == a.tokens.tokens().size());
}

}  // namespace
}  // namespace credence::internal
