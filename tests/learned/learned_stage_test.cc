// Tests for the learned stage on models whose weights are set by hand: what
// it adds to a report (claims ranked, the headline's probability and its
// cue in place of the hand-written rule's, technique passages and their
// cue), and that it adds nothing without models.
#include "learned/learned_stage.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "learned/propaganda_features.h"
#include "learned/sentence_features.h"
#include "tests/learned/learned_test_support.h"

namespace credence::internal {
namespace {

using credence::testing::BlankModel;
using credence::testing::TokenizedArticle;

constexpr std::uint32_t kBuckets = 1u << 16;
constexpr char kArticle[] =
    "10 Reasons The Bridge Is Falling\n\n"
    "The city spent 40 million dollars on the bridge in 2019. Residents were unhappy.\n\n"
    "Nobody knows what happens next. The mayor spoke on Tuesday.\n";

std::uint32_t DenseIndex(const FeatureSetId& set, const char* name) {
  const auto& n = set.dense_names;
  return kBuckets + static_cast<std::uint32_t>(std::find(n.begin(), n.end(), name) - n.begin());
}

LearnedModels SentenceModels() {
  LearnedModels models;
  ModelParams claims = BlankModel(ClaimsFeatureSet(), kBuckets, {"check_worthy"});
  claims.heads[0].bias = -2.0;
  claims.heads[0].decision_threshold = 0.4;
  claims.heads[0].weights[DenseIndex(ClaimsFeatureSet(), "has_number")] = 3.0f;
  claims.heads[0].weights[DenseIndex(ClaimsFeatureSet(), "has_year")] = 1.0f;
  models.claims = ModelFile::FromParams(claims);

  ModelParams clickbait = BlankModel(ClickbaitFeatureSet(), kBuckets, {"clickbait"});
  clickbait.heads[0].bias = -2.0;
  clickbait.heads[0].weights[DenseIndex(ClickbaitFeatureSet(), "starts_with_number")] = 5.0f;
  // The unigram "reasons" pushes towards clickbait too: find its bucket as the features make it.
  Result<StandaloneText> probe = TokenizeStandalone("reasons");
  const ArticleFeatures f = ExtractHeadlineFeatures(probe->slice(), kBuckets);
  clickbait.heads[0].weights[f.entries[0].index] = 1.0f;
  models.clickbait = ModelFile::FromParams(clickbait);
  return models;
}

TEST(LearnedStage, AddsNothingWithoutModels) {
  TokenizedArticle a(kArticle);
  Report report = a.analyzed.report;
  RunLearnedDetectors(LearnedModels{}, a.analyzed.doc.text(), a.normalized, &report);
  EXPECT_TRUE(report.techniques.empty());
  EXPECT_TRUE(report.claims.empty());
  EXPECT_FALSE(report.headline);
}

TEST(LearnedStage, RanksClaimsAboveTheThreshold) {
  TokenizedArticle a(kArticle);
  Report report = a.analyzed.report;
  RunLearnedDetectors(SentenceModels(), a.analyzed.doc.text(), a.normalized, &report);
  // Only the sentence with a number and a year clears 0.4: sigmoid(-2 + 3 + 1) = 0.88.
  ASSERT_EQ(report.claims.size(), 1u);
  EXPECT_EQ(a.analyzed.doc.View(report.claims[0].span),
            "The city spent 40 million dollars on the bridge in 2019.");
  EXPECT_NEAR(report.claims[0].probability, 1.0 / (1.0 + std::exp(-2.0)), 1e-6);
}

TEST(LearnedStage, TheHeadlineModelReplacesTheRulesCue) {
  TokenizedArticle a(kArticle);
  Report report = a.analyzed.report;
  // The hand-written rule flags a headline opening with a number.
  ASSERT_TRUE(std::any_of(report.cues.begin(), report.cues.end(),
                          [](const Cue& c) { return c.id == CueId::kClickbaitHeadline; }));
  RunLearnedDetectors(SentenceModels(), a.analyzed.doc.text(), a.normalized, &report);
  ASSERT_TRUE(report.headline);
  EXPECT_EQ(a.analyzed.doc.View(report.headline->span), "10 Reasons The Bridge Is Falling");
  const double p = report.headline->clickbait_probability;
  EXPECT_GT(p, 0.95);
  ASSERT_FALSE(report.headline->top_features.empty());
  EXPECT_EQ(report.headline->top_features[0].name, "reasons");
  EXPECT_GT(report.headline->top_features[0].contribution, 0.0);
  ASSERT_EQ(std::count_if(report.cues.begin(), report.cues.end(),
                          [](const Cue& c) { return c.id == CueId::kClickbaitHeadline; }),
            1);
  const Cue& cue = *std::find_if(report.cues.begin(), report.cues.end(),
                                 [](const Cue& c) { return c.id == CueId::kClickbaitHeadline; });
  EXPECT_NEAR(cue.strength, 2 * p - 1, 1e-9);
  ASSERT_EQ(cue.evidence.size(), 1u);
  EXPECT_EQ(a.analyzed.doc.View(cue.evidence[0]), "Reasons");
  // Cues stay in catalogue order.
  EXPECT_TRUE(std::is_sorted(report.cues.begin(), report.cues.end(), [](const Cue& x, const Cue& y) {
    return static_cast<int>(x.id) < static_cast<int>(y.id);
  }));
}

TEST(LearnedStage, ALowHeadlineScoreRemovesTheRulesCue) {
  TokenizedArticle a(kArticle);
  Report report = a.analyzed.report;
  LearnedModels models = SentenceModels();
  ModelParams calm = BlankModel(ClickbaitFeatureSet(), kBuckets, {"clickbait"});
  calm.heads[0].bias = -4.0;
  models.clickbait = ModelFile::FromParams(calm);
  RunLearnedDetectors(models, a.analyzed.doc.text(), a.normalized, &report);
  ASSERT_TRUE(report.headline);
  EXPECT_LT(report.headline->clickbait_probability, 0.5);
  EXPECT_TRUE(report.headline->top_features.empty());  // no weight moved it
  EXPECT_TRUE(std::none_of(report.cues.begin(), report.cues.end(),
                           [](const Cue& c) { return c.id == CueId::kClickbaitHeadline; }));
}

TEST(LearnedStage, AGivenTitleIsScoredWithoutSpans) {
  TokenizedArticle a("The city spent 40 million dollars on the bridge in 2019.\n\nResidents were unhappy.\n",
                     "7 Shocking Facts About Bridges");
  Report report = a.analyzed.report;
  RunLearnedDetectors(SentenceModels(), a.analyzed.doc.text(), a.normalized, &report);
  ASSERT_TRUE(report.headline);
  EXPECT_TRUE(report.headline->span.empty());
  EXPECT_GT(report.headline->clickbait_probability, 0.9);
  for (const FeatureContribution& f : report.headline->top_features) EXPECT_TRUE(f.spans.empty());
}

TEST(LearnedStage, TechniquePassagesComeWithTheirCue) {
  TokenizedArticle a(kArticle);
  ModelParams spans = BlankModel(PropagandaSpansFeatureSet(), kBuckets, {"propaganda"});
  spans.heads[0].bias = -6.0;
  spans.heads[0].decision_threshold = 0.5;
  spans.heads[0].extend_threshold = 0.5;
  const TokenFeatures f = ExtractTokenFeatures(a.tokens, kBuckets);
  spans.heads[0].weights[f.local.row(a.TokenIndex("Nobody"))[0].index] = 12.0f;
  std::vector<std::string> names;
  for (int t = 0; t < kTechniqueCount; ++t) names.emplace_back(TechniqueCorpusLabel(static_cast<Technique>(t)));
  ModelParams techniques = BlankModel(PropagandaTechniquesFeatureSet(), kBuckets, names);
  techniques.heads[static_cast<int>(Technique::kAppealToFearPrejudice)].bias = 2.0;
  LearnedModels models;
  models.spans = ModelFile::FromParams(spans);
  models.techniques = ModelFile::FromParams(techniques);
  for (int t = 0; t < kTechniqueCount; ++t) models.technique_of_head[t] = static_cast<Technique>(t);

  Report report = a.analyzed.report;
  RunLearnedDetectors(models, a.analyzed.doc.text(), a.normalized, &report);
  ASSERT_EQ(report.techniques.size(), 1u);
  EXPECT_EQ(a.analyzed.doc.View(report.techniques[0].span), "Nobody");
  EXPECT_EQ(report.techniques[0].technique, Technique::kAppealToFearPrejudice);
  const auto cue = std::find_if(report.cues.begin(), report.cues.end(),
                                [](const Cue& c) { return c.id == CueId::kPropagandaTechniques; });
  ASSERT_NE(cue, report.cues.end());
  ASSERT_EQ(cue->evidence.size(), 1u);
  EXPECT_EQ(cue->evidence[0], report.techniques[0].span);
  EXPECT_GT(cue->strength, 0.0);
  EXPECT_EQ(cue->detail, "1 passage: Appeal to fear or prejudice 1");
}

}  // namespace
}  // namespace credence::internal
