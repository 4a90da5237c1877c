// Tests for Model: loading a small model written by WriteModelFile, scores
// whose parts add up exactly, explanations sorted and pointing at the right
// words, the label bands, and the model that ships with credence.
#include "credence/model.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <regex>
#include <optional>
#include <string>
#include <vector>

#include "credence/analyzer.h"
#include "tests/analyzer_support.h"
#include "credence/document.h"
#include "model/features.h"
#include "model/verdict_reasons.h"
#include "model/model_file.h"
#include "tests/test_support.h"

namespace credence {
namespace {

constexpr std::uint32_t kBuckets = 1024;

using testing::Analyze;
using testing::Analyzed;

constexpr const char* kArticle =
    "Harbour Crane Collapses In Storm\n\n"
    "A harbour crane fell into the water on Sunday night, the port said. Some workers reportedly saw it sway.\n\n"
    "\"It could have been much worse,\" said Mara Lind, the harbour master. Inspections start this week.\n";

std::string Lower(std::string_view s) {
  std::string out;
  for (char c : s) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

std::string WithoutSpaces(std::string s) {
  s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\n'; }), s.end());
  return s;
}

// A content model's parameters with all weights 0.
internal::ModelParams ContentParams(std::uint32_t buckets, double bias, std::string run_id) {
  internal::ModelHead head{.name = "unreliable", .bias = bias, .decision_threshold = 0.5, .weights = {}};
  head.weights.assign(buckets + internal::DenseFeatureNames().size(), 0.0f);
  return internal::ModelParams{.feature_set = std::string(internal::kContentFeatureSet),
                               .dense_names = internal::DenseFeatureNames(),
                               .num_buckets = buckets,
                               .run_id = std::move(run_id),
                               .heads = {std::move(head)}};
}

class ModelTest : public credence::testing::TempDirTest {
 protected:
  // Writes a model whose weights spread over [-2, 2] and loads it.
  Model LoadSpreadModel() {
    internal::ModelParams p = ContentParams(kBuckets, -0.3, "unit-run");
    p.heads[0].decision_threshold = 0.45;
    std::vector<float>& w = p.heads[0].weights;
    for (std::size_t k = 0; k < w.size(); ++k)  // multiples of 1/512 up to 2: exact in float16
      w[k] = static_cast<float>(static_cast<int>((k * 2654435761u) % 2001u) - 1000) / 500.0f;
    for (float& x : w) x = internal::RoundToHalf(x);
    weights_ = w;
    return LoadWritten(p);
  }

  Model LoadWritten(const internal::ModelParams& p) {
    const std::string path = dir_ + "/model.bin";
    EXPECT_TRUE(internal::WriteModelFile(path, p).ok());
    Result<Model> m = Model::Load(path);
    EXPECT_TRUE(m) << m.error().ToString();
    return std::move(*m);
  }

  std::vector<float> weights_;
};


TEST_F(ModelTest, ScoreAddsUpExactly) {
  Model model = LoadSpreadModel();
  Analyzed a = Analyze(kArticle);
  Verdict v = model.Score(a.doc.text(), a.report);
  double sum = v.bias;
  for (const FeatureContribution& fc : v.top_features) sum += fc.contribution;
  EXPECT_NEAR(sum + v.rest, v.logit, 1e-9);
  EXPECT_DOUBLE_EQ(v.probability_unreliable, 1.0 / (1.0 + std::exp(-v.logit)));
  // A made-up article this short is too little to judge: the label says so, the numbers stay.
  EXPECT_EQ(v.label, v.insufficient_reason.empty() ? LabelForProbability(v.probability_unreliable)
                                                   : VerdictLabel::kInsufficient);
  EXPECT_EQ(v.bias, -0.3);
  EXPECT_EQ(v.model_id, "v2/b1024/unit-run");
  EXPECT_EQ(model.id(), v.model_id);
  EXPECT_DOUBLE_EQ(model.decision_threshold(), 0.45);
  // The logit is bias + w.x over the article's features, computed apart.
  const internal::ArticleFeatures f = internal::ExtractFeatures(a.doc.text(), a.report, kBuckets);
  double logit = -0.3;
  for (const internal::FeatureEntry& e : f.entries) logit += double{weights_[e.index]} * e.value;
  EXPECT_NEAR(v.logit, logit, 1e-9);
  EXPECT_EQ(v.feature_count, f.entries.size());
  EXPECT_EQ(v.top_features.size(), 12u);
  EXPECT_NE(v.rest, 0.0);
}

TEST_F(ModelTest, ReasonsAddUpWithTheRestAndSayNoInternalNames) {
  Model model = LoadSpreadModel();
  Analyzed a = Analyze(kArticle);
  Verdict v = model.Score(a.doc.text(), a.report);
  ASSERT_FALSE(v.reasons.empty());
  EXPECT_LE(v.reasons.size(), internal::kMaxReasons);
  double sum = v.bias + v.other_contribution;
  for (const Reason& r : v.reasons) {
    sum += r.contribution;
    EXPECT_EQ(r.text.find("<name>"), std::string::npos) << r.text;
    EXPECT_EQ(r.text.find("cue:"), std::string::npos) << r.text;
    EXPECT_FALSE(r.features.empty());
    for (const Span& s : r.spans) EXPECT_LE(s.end, a.doc.text().size());
  }
  EXPECT_NEAR(sum, v.logit, 1e-9);
  // The largest contribution is always among the reasons.
  bool led = false;
  for (const Reason& r : v.reasons)
    for (const std::string& name : r.features) led |= name == v.top_features.front().name;
  EXPECT_TRUE(led) << v.top_features.front().name;
}

TEST_F(ModelTest, TopFeaturesAreSortedByMagnitude) {
  Model model = LoadSpreadModel();
  Analyzed a = Analyze(kArticle);
  Verdict all = model.Score(a.doc.text(), a.report, 100000);
  ASSERT_EQ(all.top_features.size(), all.feature_count);
  EXPECT_EQ(all.rest, 0.0);
  for (std::size_t i = 1; i < all.top_features.size(); ++i)
    EXPECT_GE(std::abs(all.top_features[i - 1].contribution), std::abs(all.top_features[i].contribution)) << i;
  Verdict top5 = model.Score(a.doc.text(), a.report, 5);
  ASSERT_EQ(top5.top_features.size(), 5u);
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(top5.top_features[i].name, all.top_features[i].name);
    EXPECT_EQ(top5.top_features[i].contribution, all.top_features[i].contribution);
  }
  EXPECT_NEAR(top5.logit, all.logit, 1e-9);
}

// Whether `span_text` reads as the n-gram `name` (spaces aside), any word
// standing for each <name>.
bool NameMatches(std::string_view span_text, const std::string& name) {
  const std::string text = WithoutSpaces(Lower(span_text)), pattern = WithoutSpaces(name);
  std::string re;
  for (std::size_t i = 0; i < pattern.size();) {
    if (pattern.compare(i, 6, "<name>") == 0) {
      re += ".+?";
      i += 6;
    } else {
      if (std::string_view("\\^$.|?*+()[]{}").find(pattern[i]) != std::string_view::npos) re += '\\';
      re += pattern[i++];
    }
  }
  return std::regex_match(text, std::regex(re));
}

TEST_F(ModelTest, NgramSpansPointAtTheirWords) {
  Model model = LoadSpreadModel();
  Analyzed a = Analyze(kArticle);
  Verdict v = model.Score(a.doc.text(), a.report, 100000);
  std::size_t checked = 0;
  for (const FeatureContribution& fc : v.top_features) {
    if (fc.kind == FeatureKind::kCue) {
      EXPECT_NE(std::find(internal::DenseFeatureNames().begin(), internal::DenseFeatureNames().end(), fc.name),
                internal::DenseFeatureNames().end())
          << fc.name;
      continue;
    }
    ASSERT_FALSE(fc.spans.empty()) << fc.name;
    for (const Span& s : fc.spans) {
      ASSERT_LE(s.end, a.doc.size());
      EXPECT_TRUE(NameMatches(a.doc.View(s), fc.name)) << a.doc.View(s) << " / " << fc.name;
      if (fc.kind == FeatureKind::kHeadline) {
        EXPECT_TRUE(a.report.article.headline->Contains(s)) << fc.name;
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 30u);
}

TEST_F(ModelTest, OneHeavyWeightLeadsTheExplanation) {
  Analyzed a = Analyze(kArticle);
  internal::ModelParams p = ContentParams(1u << 16, 0.125, "one-weight");
  const internal::ArticleFeatures f = internal::ExtractFeatures(a.doc.text(), a.report, p.num_buckets);
  std::optional<std::size_t> harbour;
  for (std::size_t i = 0; i < f.origins.size(); ++i)
    if (f.origins[i].kind == FeatureKind::kWords && internal::NgramName(f, i, a.doc.text(), a.report) == "harbour") harbour = i;
  ASSERT_TRUE(harbour);
  p.heads[0].weights[f.entries[*harbour].index] = 5.0f;
  Model model = LoadWritten(p);

  Verdict v = model.Score(a.doc.text(), a.report, 3);
  ASSERT_FALSE(v.top_features.empty());
  const FeatureContribution& top = v.top_features[0];
  EXPECT_EQ(top.name, "harbour");
  EXPECT_EQ(top.kind, FeatureKind::kWords);
  EXPECT_DOUBLE_EQ(top.contribution, 5.0 * f.entries[*harbour].value);
  EXPECT_NEAR(v.logit, 0.125 + top.contribution, 1e-9);
  // Two body occurrences; the headline's "Harbour" is another feature.
  ASSERT_EQ(top.spans.size(), 2u);
  for (const Span& s : top.spans) EXPECT_EQ(a.doc.View(s), "harbour");
  EXPECT_LT(top.spans[0].start, top.spans[1].start);
}

TEST_F(ModelTest, TopNZeroListsNothingButKeepsTheLogit) {
  Model model = LoadSpreadModel();
  Analyzed a = Analyze(kArticle);
  Verdict v12 = model.Score(a.doc.text(), a.report);
  Verdict v0 = model.Score(a.doc.text(), a.report, 0);
  EXPECT_TRUE(v0.top_features.empty());
  EXPECT_NEAR(v0.logit, v12.logit, 1e-9);
  EXPECT_NEAR(v0.rest, v0.logit - v0.bias, 1e-9);
  EXPECT_EQ(v0.feature_count, v12.feature_count);
  EXPECT_EQ(v0.label, v12.label);
}

TEST_F(ModelTest, GivenTitleFeaturesHaveNoSpans) {
  Model model = LoadSpreadModel();
  Analyzed a = Analyze(
      "the crane fell into the water on Sunday night, the port said.\n\n"
      "Workers will inspect the other cranes this week.\n\n"
      "Ships are expected back on Friday.\n",
      "Crane Falls Into Harbour");
  ASSERT_FALSE(a.report.article.headline.has_value());
  Verdict v = model.Score(a.doc.text(), a.report, 100000);
  std::size_t headline = 0;
  for (const FeatureContribution& fc : v.top_features) {
    if (fc.kind != FeatureKind::kHeadline) continue;
    ++headline;
    EXPECT_TRUE(fc.spans.empty()) << fc.name;
  }
  EXPECT_GE(headline, 4u);  // crane falls into harbour: 4 unigrams, 3 bigrams
}

TEST_F(ModelTest, LoadRefusesMissingFile) {
  Result<Model> m = Model::Load(dir_ + "/missing.bin");
  ASSERT_FALSE(m);
  EXPECT_EQ(m.error().code(), StatusCode::kNotFound);
}

TEST(Model, LabelBandsAtThirtyFiveAndSixtyFive) {
  EXPECT_EQ(LabelForProbability(0.0), VerdictLabel::kReliable);
  EXPECT_EQ(LabelForProbability(0.34), VerdictLabel::kReliable);
  EXPECT_EQ(LabelForProbability(0.35), VerdictLabel::kUncertain);
  EXPECT_EQ(LabelForProbability(0.5), VerdictLabel::kUncertain);
  EXPECT_EQ(LabelForProbability(0.64), VerdictLabel::kUncertain);
  EXPECT_EQ(LabelForProbability(0.65), VerdictLabel::kUnreliable);
  EXPECT_EQ(LabelForProbability(1.0), VerdictLabel::kUnreliable);
  EXPECT_EQ(VerdictLabelName(VerdictLabel::kReliable), "reliable");
  EXPECT_EQ(VerdictLabelName(VerdictLabel::kUncertain), "uncertain");
  EXPECT_EQ(VerdictLabelName(VerdictLabel::kUnreliable), "unreliable");
  EXPECT_EQ(FeatureKindName(FeatureKind::kWords), "words");
  EXPECT_EQ(FeatureKindName(FeatureKind::kHeadline), "headline");
  EXPECT_EQ(FeatureKindName(FeatureKind::kCue), "cue");
}

TEST(Model, ShippedModelLoadsAndScores) {
  const std::string path = DefaultModelPath();
  if (path.empty()) GTEST_SKIP() << "no shipped model (data/credence-model.bin) in this checkout";
  Result<Model> model = Model::Load(path);
  ASSERT_TRUE(model) << path << ": " << model.error().ToString();
  EXPECT_EQ(model->id().rfind("v2/b", 0), 0u) << model->id();
  EXPECT_GT(model->decision_threshold(), 0.0);
  EXPECT_LT(model->decision_threshold(), 1.0);
  Analyzed a = Analyze(kArticle);
  Verdict v = model->Score(a.doc.text(), a.report);
  EXPECT_GT(v.probability_unreliable, 0.0);
  EXPECT_LT(v.probability_unreliable, 1.0);
  EXPECT_FALSE(v.top_features.empty());
  EXPECT_EQ(v.model_id, model->id());
}

// Issue 15: the shipped model reads names masked, and no cue whose meaning is
// "less credible" lowers its unreliable score.
TEST(Model, ShippedModelKeepsEveryCueToItsMeaning) {
  const std::string path = DefaultModelPath();
  if (path.empty()) GTEST_SKIP() << "no shipped model (data/credence-model.bin) in this checkout";
  Result<internal::ModelFile> file = internal::ModelFile::Open(
      path, {std::string(internal::kContentFeatureSet), internal::DenseFeatureNames()});
  ASSERT_TRUE(file) << path << ": " << file.error().ToString();
  const std::vector<float>& w = file->head(0).weights;
  const std::vector<std::string>& names = internal::DenseFeatureNames();
  const std::vector<internal::DenseDirection>& directions = internal::DenseFeatureDirections();
  ASSERT_EQ(w.size(), file->num_buckets() + names.size());
  for (std::size_t k = 0; k < names.size(); ++k)
    if (directions[k] == internal::DenseDirection::kRaises) EXPECT_GE(w[file->num_buckets() + k], 0.0f) << names[k];
}

}  // namespace
}  // namespace credence
