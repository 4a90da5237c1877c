// Tests for the propaganda detector's features: shapes of the rows, which
// features move with a word and which with its position, and the passage
// measures (length, recurrence) the technique model reads.
#include "learned/propaganda_features.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "tests/learned/learned_test_support.h"

namespace credence::internal {
namespace {

using credence::testing::TokenizedArticle;

constexpr std::uint32_t kBuckets = 1u << 16;
constexpr char kArticle[] =
    "Headline About Thugs\n\n"
    "Thugs took the square again. Thugs took the square again!\n\n"
    "Are the thugs winning? The council met on Tuesday.\n";

bool HasIndex(const FeatureEntry* row, std::size_t n, std::uint32_t index) {
  return std::any_of(row, row + n, [&](const FeatureEntry& e) { return e.index == index; });
}

TEST(PropagandaFeatures, DenseNamesAreDistinct) {
  for (const auto* names : {&TokenDenseNames(), &PassageDenseNames()}) {
    std::vector<std::string> sorted = *names;
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(std::adjacent_find(sorted.begin(), sorted.end()), sorted.end());
  }
  EXPECT_NE(PropagandaSpansFeatureSet().Hash(), PropagandaTechniquesFeatureSet().Hash());
}

TEST(PropagandaFeatures, OneLocalRowPerTokenOneSharedRowPerSentence) {
  TokenizedArticle a(kArticle);
  const TokenFeatures f = ExtractTokenFeatures(a.tokens, kBuckets);
  EXPECT_EQ(f.local.size(), a.tokens.tokens().size());
  EXPECT_EQ(f.sentence.size(), a.analyzed.report.structure.sentences.size());
  EXPECT_FALSE(f.article.empty());
  const std::uint32_t limit = kBuckets + static_cast<std::uint32_t>(TokenDenseNames().size());
  for (const auto* rows : {&f.local, &f.sentence})
    for (const FeatureEntry& e : rows->entries) EXPECT_LT(e.index, limit);
  for (const FeatureEntry& e : f.article) EXPECT_LT(e.index, kBuckets);
  // Every token sees its word, four neighbours, three pairs and triples, its shape.
  for (std::size_t t = 0; t < f.local.size(); ++t) EXPECT_GE(f.local.row_size(t), 9u) << t;
}

TEST(PropagandaFeatures, TheWordFeatureFollowsTheWordNotItsPlace) {
  TokenizedArticle a(kArticle);
  const TokenFeatures f = ExtractTokenFeatures(a.tokens, kBuckets);
  // The first entry of a row is the token's own word.
  const std::size_t first = a.TokenIndex("Thugs"), lower = a.TokenIndex("thugs"), took = a.TokenIndex("took");
  EXPECT_EQ(f.local.row(first)[0].index, f.local.row(lower)[0].index);
  EXPECT_NE(f.local.row(first)[0].index, f.local.row(took)[0].index);
  // The word before "took" is "thugs" as a neighbour, in another feature space than "thugs" itself.
  EXPECT_FALSE(HasIndex(f.local.row(took), f.local.row_size(took), f.local.row(first)[0].index));
}

TEST(PropagandaFeatures, DenseFlagsFollowTheSentence) {
  TokenizedArticle a(kArticle);
  const TokenFeatures f = ExtractTokenFeatures(a.tokens, kBuckets);
  const auto& names = TokenDenseNames();
  auto dense = [&](const char* name) {
    return kBuckets + static_cast<std::uint32_t>(std::find(names.begin(), names.end(), name) - names.begin());
  };
  const std::size_t winning = a.TokenIndex("winning"), council = a.TokenIndex("council");
  EXPECT_TRUE(HasIndex(f.local.row(winning), f.local.row_size(winning), dense("sentence_question")));
  EXPECT_FALSE(HasIndex(f.local.row(council), f.local.row_size(council), dense("sentence_question")));
  const std::size_t headline = a.TokenIndex("Headline");
  EXPECT_TRUE(HasIndex(f.local.row(headline), f.local.row_size(headline), dense("in_headline")));
  EXPECT_TRUE(HasIndex(f.local.row(headline), f.local.row_size(headline), dense("sentence_start")));
  // "thugs" occurs four times: a repeated content word.
  EXPECT_TRUE(HasIndex(f.local.row(a.TokenIndex("thugs")), f.local.row_size(a.TokenIndex("thugs")),
                       dense("repeated_word")));
}

TEST(PropagandaFeatures, PassageMeasuresLengthAndRecurrence) {
  TokenizedArticle a(kArticle);
  const auto& names = PassageDenseNames();
  auto value = [&](const std::vector<FeatureEntry>& x, const char* name) {
    const auto index = kBuckets + static_cast<std::uint32_t>(std::find(names.begin(), names.end(), name) - names.begin());
    for (const FeatureEntry& e : x)
      if (e.index == index) return static_cast<double>(e.value);
    return 0.0;
  };
  // "Thugs took the square again" recurs once; "The council met" does not.
  const std::size_t thugs = a.TokenIndex("Thugs", 1);  // the body's first, after the headline's
  const std::vector<FeatureEntry> repeated = ExtractPassageFeatures(a.tokens, thugs, thugs + 5, kBuckets);
  EXPECT_GT(value(repeated, "passage_repeats"), 0.0);
  EXPECT_EQ(value(repeated, "length_5_8"), 1.0);
  const std::size_t council = a.TokenIndex("council");
  const std::vector<FeatureEntry> once = ExtractPassageFeatures(a.tokens, council, council + 2, kBuckets);
  EXPECT_EQ(value(once, "passage_repeats"), 0.0);
  EXPECT_EQ(value(once, "length_2"), 1.0);
  // The question mark right after a passage counts for it.
  const std::size_t winning = a.TokenIndex("winning");
  EXPECT_EQ(value(ExtractPassageFeatures(a.tokens, winning, winning + 1, kBuckets), "question"), 1.0);
  // The same passage gives the same features.
  EXPECT_EQ(ExtractPassageFeatures(a.tokens, thugs, thugs + 5, kBuckets).size(), repeated.size());
}

}  // namespace
}  // namespace credence::internal
