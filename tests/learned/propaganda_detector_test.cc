// Tests for the propaganda detector: decoding token probabilities into
// passages (seed and extend thresholds, one-token gaps, punctuation at the
// edges, sentence bounds), and the detector end to end on models whose
// weights are set by hand.
#include "learned/propaganda_detector.h"

#include <gtest/gtest.h>

#include "learned/propaganda_features.h"
#include "tests/learned/learned_test_support.h"

namespace credence::internal {
namespace {

using credence::testing::TokenizedArticle;

constexpr char kArticle[] =
    "Plain Headline\n\n"
    "The corrupt elites want your money, and nothing else.\n\n"
    "Council members met on Tuesday to discuss the budget.\n";

std::string Text(const TokenizedArticle& a, TokenRange r) {
  const Span s{a.tokens.tokens()[r.first].span.start, a.tokens.tokens()[r.end - 1].span.end};
  return std::string(a.analyzed.doc.View(s));
}

// Probabilities 0 everywhere but the given tokens.
std::vector<double> With(const TokenizedArticle& a, std::initializer_list<std::pair<const char*, double>> set) {
  std::vector<double> p(a.tokens.tokens().size(), 0.0);
  for (const auto& [word, value] : set) p[a.TokenIndex(word)] = value;
  return p;
}

TEST(DecodePassages, SeedsExtendOverNeighboursAboveTheLowerThreshold) {
  TokenizedArticle a(kArticle);
  const std::vector<double> p = With(a, {{"corrupt", 0.9}, {"elites", 0.3}, {"want", 0.3}, {"Council", 0.3}});
  const std::vector<TokenRange> passages = DecodePassages(a.tokens, p, 0.5, 0.2);
  ASSERT_EQ(passages.size(), 1u);  // "Council" reaches 0.2 but no token of its run reaches 0.5
  EXPECT_EQ(Text(a, passages[0]), "corrupt elites want");
  // With the lower threshold at the seed's, only the seed remains.
  const std::vector<TokenRange> strict = DecodePassages(a.tokens, p, 0.5, 0.5);
  ASSERT_EQ(strict.size(), 1u);
  EXPECT_EQ(Text(a, strict[0]), "corrupt");
}

TEST(DecodePassages, JoinsOneTokenGapsAndTrimsPunctuation) {
  TokenizedArticle a(kArticle);
  std::vector<double> p = With(a, {{"your", 0.8}, {"money", 0.8}, {"nothing", 0.8}, {"else", 0.8}});
  p[a.TokenIndex(",")] = 0.8;  // punctuation at a run's edge is cut, inside it is kept
  p[a.TokenIndex("and")] = 0.0;  // a one-token gap between two tokens above is joined
  const std::vector<TokenRange> passages = DecodePassages(a.tokens, p, 0.5, 0.5);
  ASSERT_EQ(passages.size(), 1u);
  EXPECT_EQ(Text(a, passages[0]), "your money, and nothing else");
}

TEST(DecodePassages, NeverCrossesASentenceAndNeedsAWord) {
  TokenizedArticle a(kArticle);
  std::vector<double> p = With(a, {{"else", 0.9}, {"Council", 0.9}});
  p[a.TokenIndex(".")] = 0.9;
  const std::vector<TokenRange> passages = DecodePassages(a.tokens, p, 0.5, 0.5);
  ASSERT_EQ(passages.size(), 2u);
  EXPECT_EQ(Text(a, passages[0]), "else");
  EXPECT_EQ(Text(a, passages[1]), "Council");
  std::vector<double> only_punct(a.tokens.tokens().size(), 0.0);
  only_punct[a.TokenIndex(",")] = 0.9;
  EXPECT_TRUE(DecodePassages(a.tokens, only_punct, 0.5, 0.5).empty());
}

TEST(FindTechniqueSpans, LabelsThePassagesTheSpanModelFinds) {
  TokenizedArticle a(kArticle);
  constexpr std::uint32_t kBuckets = 1u << 16;
  // Span model: the word "corrupt" and its next neighbour "elites" lift a token far above the rest.
  ModelParams spans = credence::testing::BlankModel(PropagandaSpansFeatureSet(), kBuckets, {"propaganda"});
  spans.heads[0].bias = -6.0;
  spans.heads[0].decision_threshold = 0.5;
  spans.heads[0].extend_threshold = 0.5;
  const TokenFeatures f = ExtractTokenFeatures(a.tokens, kBuckets);
  spans.heads[0].weights[f.local.row(a.TokenIndex("corrupt"))[0].index] = 12.0f;
  spans.heads[0].weights[f.local.row(a.TokenIndex("elites"))[0].index] = 12.0f;
  // Technique model: every head flat, Doubt's bias highest.
  std::vector<std::string> names;
  for (int t = 0; t < kTechniqueCount; ++t) names.emplace_back(TechniqueCorpusLabel(static_cast<Technique>(t)));
  ModelParams techniques = credence::testing::BlankModel(PropagandaTechniquesFeatureSet(), kBuckets, names);
  for (ModelHead& h : techniques.heads) h.bias = -3.0;
  techniques.heads[static_cast<int>(Technique::kDoubt)].bias = 1.0;

  LearnedModels models;
  models.spans = ModelFile::FromParams(spans);
  models.techniques = ModelFile::FromParams(techniques);
  for (int t = 0; t < kTechniqueCount; ++t) models.technique_of_head[t] = static_cast<Technique>(t);
  const std::vector<TechniqueSpan> found = FindTechniqueSpans(a.tokens, f, models);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(a.analyzed.doc.View(found[0].span), "corrupt elites");
  EXPECT_EQ(found[0].technique, Technique::kDoubt);
  EXPECT_GT(found[0].probability, 0.5);  // its share of the heads' probabilities
  EXPECT_LE(found[0].probability, 1.0);
  EXPECT_GT(found[0].span_probability, 0.99);
}

}  // namespace
}  // namespace credence::internal
