// Tests for model/verdict_reasons: plain words for every feature, grouping of
// contributions that say the same thing, the probability effect, the cap.
#include "model/verdict_reasons.h"

#include <gtest/gtest.h>

#include <cmath>

#include "model/features.h"

namespace credence::internal {
namespace {

FeatureContribution Words(std::string name, double contribution, std::vector<Span> spans,
                          FeatureKind kind = FeatureKind::kWords) {
  return {kind, std::move(name), 0.1, contribution, std::move(spans)};
}

FeatureContribution Dense(std::string name, double contribution, std::vector<Span> spans = {}, double value = 0.5) {
  return {FeatureKind::kCue, std::move(name), value, contribution, std::move(spans)};
}

double Logistic(double x) { return 1.0 / (1.0 + std::exp(-x)); }

TEST(VerdictReasons, EveryDenseFeatureHasPlainWords) {
  for (const std::string& name : DenseFeatureNames()) {
    const std::vector<Reason> reasons = ExplainContributions({Dense(name, 0.5)}, 0.0, Report{});
    ASSERT_EQ(reasons.size(), 1u) << name;
    const std::string& text = reasons[0].text;
    EXPECT_EQ(text.find("cue:"), std::string::npos) << text;
    EXPECT_EQ(text.find('_'), std::string::npos) << name << ": " << text;
    EXPECT_EQ(text.find("attributions:"), std::string::npos) << text;
    EXPECT_EQ(reasons[0].role, IsAdjustmentFeature(name) ? ReasonRole::kAdjustment : ReasonRole::kEvidence) << name;
  }
}

TEST(VerdictReasons, LengthIsAnAdjustmentWithItsWordCount) {
  const double value = std::log1p(324.0) / 10.0;
  const std::vector<Reason> reasons = ExplainContributions({Dense("log_word_count", 0.3, {}, value)}, 0.0, Report{});
  ASSERT_EQ(reasons.size(), 1u);
  EXPECT_EQ(reasons[0].role, ReasonRole::kAdjustment);
  EXPECT_NE(reasons[0].text.find("324 words"), std::string::npos) << reasons[0].text;
}

TEST(VerdictReasons, OverlappingNgramsAreOneReason) {
  const std::vector<Reason> reasons = ExplainContributions(
      {Words("loyal to", 0.3, {{10, 18}}), Words("loyal", 0.1, {{10, 15}}), Words("troops", -0.2, {{30, 36}})}, 0.0,
      Report{});
  ASSERT_EQ(reasons.size(), 2u);
  EXPECT_NEAR(reasons[0].contribution, 0.4, 1e-12);
  EXPECT_EQ(reasons[0].features, (std::vector<std::string>{"loyal to", "loyal"}));
  EXPECT_EQ(reasons[0].spans, (std::vector<Span>{{10, 18}}));
  EXPECT_EQ(reasons[0].kind, FeatureKind::kWords);
  EXPECT_NE(reasons[0].text.find("unreliable articles the model learned from: \u201cloyal to\u201d, \u201cloyal\u201d"),
            std::string::npos)
      << reasons[0].text;
  EXPECT_NE(reasons[1].text.find("reliable articles"), std::string::npos);
}

TEST(VerdictReasons, HeadlineWordsNeverJoinBodyWords) {
  const std::vector<Reason> reasons = ExplainContributions(
      {Words("isis", 0.3, {{0, 4}}, FeatureKind::kHeadline), Words("isis", 0.2, {{0, 4}})}, 0.0, Report{});
  ASSERT_EQ(reasons.size(), 2u);
  EXPECT_NE(reasons[0].text.find("Headline wording"), std::string::npos) << reasons[0].text;
  EXPECT_EQ(reasons[1].text.find("Headline"), std::string::npos) << reasons[1].text;
}

TEST(VerdictReasons, WordsInsideACuesEvidenceJoinItWhenTheyPushAlike) {
  Report report;
  report.cues.push_back({CueId::kAnonymousSourcing, 0.8, {{0, 15}}, "1 of 1 attributions anonymous"});
  const std::vector<Reason> reasons = ExplainContributions(
      {Dense("cue:anonymous_sourcing", 0.5, {{0, 15}}), Words("source", 0.2, {{4, 10}}),
       Words("said", -0.1, {{11, 15}})},
      0.0, report);
  ASSERT_EQ(reasons.size(), 2u);
  EXPECT_NEAR(reasons[0].contribution, 0.7, 1e-12);
  EXPECT_EQ(reasons[0].features, (std::vector<std::string>{"cue:anonymous_sourcing", "source"}));
  EXPECT_NE(reasons[0].text.find("unnamed"), std::string::npos);
  EXPECT_NE(reasons[0].text.find("(1 of 1 attributions anonymous)"), std::string::npos) << reasons[0].text;
  EXPECT_EQ(reasons[1].features, (std::vector<std::string>{"said"}));  // pushes the other way: its own reason
}

TEST(VerdictReasons, WordsInsideQuotesStayApart) {
  const std::vector<Reason> reasons = ExplainContributions(
      {Dense("quotes_per_100_words", -0.5, {{0, 40}}), Words("government troops", -0.2, {{5, 22}})}, 0.0, Report{});
  EXPECT_EQ(reasons.size(), 2u);
}

TEST(VerdictReasons, ACueAndTheAttributionsItCountsAreOneReason) {
  const std::vector<Reason> reasons = ExplainContributions(
      {Dense("cue:questionable_source", 0.6, {{0, 7}}), Dense("attributions:state_affiliated_outlet", 0.2, {{0, 20}})},
      0.0, Report{});
  ASSERT_EQ(reasons.size(), 1u);
  EXPECT_NE(reasons[0].text.find("state-affiliated or questionable outlets"), std::string::npos) << reasons[0].text;
  EXPECT_EQ(reasons[0].spans, (std::vector<Span>{{0, 20}}));
}

TEST(VerdictReasons, MaskedNamesReadAsANameAndPunctuationAsPunctuation) {
  const std::vector<Reason> reasons = ExplainContributions(
      {Words(std::string(kNamePlaceholder) + " ez-zor", 0.3, {{0, 11}}), Words(",", 0.2, {{20, 21}, {30, 31}})}, 0.0,
      Report{});
  ASSERT_EQ(reasons.size(), 2u);
  EXPECT_NE(reasons[0].text.find("\u201c[a name] ez-zor\u201d"), std::string::npos) << reasons[0].text;
  EXPECT_EQ(reasons[0].text.find('<'), std::string::npos) << reasons[0].text;
  EXPECT_EQ(reasons[1].text.rfind("Punctuation more common", 0), 0u) << reasons[1].text;
  EXPECT_NE(reasons[1].text.find("\u201c,\u201d (2 times)"), std::string::npos) << reasons[1].text;
}

TEST(VerdictReasons, EffectIsTheProbabilityWithoutTheReason) {
  const std::vector<Reason> reasons = ExplainContributions({Words("a", 0.8, {{0, 1}})}, 0.5, Report{});
  ASSERT_EQ(reasons.size(), 1u);
  EXPECT_NEAR(reasons[0].effect, Logistic(0.5) - Logistic(-0.3), 1e-12);
}

TEST(VerdictReasons, AtMostEightLargestFirst) {
  std::vector<FeatureContribution> candidates;
  for (int i = 0; i < 12; ++i)
    candidates.push_back(Words("w" + std::to_string(i), (i % 2 ? -1 : 1) * 0.1 * (i + 1),
                               {{static_cast<std::size_t>(10 * i), static_cast<std::size_t>(10 * i + 2)}}));
  const std::vector<Reason> reasons = ExplainContributions(candidates, 0.0, Report{});
  ASSERT_EQ(reasons.size(), kMaxReasons);
  for (std::size_t i = 1; i < reasons.size(); ++i)
    EXPECT_GE(std::abs(reasons[i - 1].contribution), std::abs(reasons[i].contribution));
  EXPECT_EQ(reasons[0].features.front(), "w11");
}

TEST(VerdictReasons, LongPassagesAreCut) {
  const std::string long_name(200, 'x');
  const std::vector<Reason> reasons = ExplainContributions({Words(long_name, 0.1, {{0, 200}})}, 0.0, Report{});
  ASSERT_EQ(reasons.size(), 1u);
  EXPECT_LT(reasons[0].text.size(), 160u);
  EXPECT_NE(reasons[0].text.find("\u2026"), std::string::npos);
}

}  // namespace
}  // namespace credence::internal
