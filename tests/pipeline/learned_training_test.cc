// Tests for training and evaluating the learned detectors on made-up task
// files in which the answer is plain (each technique has its own word; a
// claim has a number; a teaser headline starts with one): the trainer must
// find it, and the evaluation must say so.
#include "pipeline/learned_training.h"

#include <gtest/gtest.h>

#include <sstream>

#include "learned/propaganda_features.h"
#include "learned/sentence_features.h"
#include "pipeline/learned_evaluation.h"
#include "tests/learned/synthetic_tasks.h"
#include "tests/test_support.h"

namespace credence::internal {
namespace {

class LearnedTraining : public credence::testing::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    credence::testing::WriteSyntheticTasks(dir_);
    Result<Analyzer> analyzer = Analyzer::Create(FeatureAnalyzerOptions());
    ASSERT_TRUE(analyzer) << analyzer.error().ToString();
    Result<TaskFile<PropagandaArticle>> records = ReadPropagandaArticles(dir_ + "/propaganda.jsonl");
    ASSERT_TRUE(records);
    std::vector<std::string> skipped;
    articles_ = AnalysePropagandaArticles(*analyzer, records->records, 2, &skipped);
    EXPECT_TRUE(skipped.empty());
  }

  LearnedTrainOptions Options() const {
    return {.threads = 2, .span_buckets = 1u << 14, .technique_buckets = 1u << 12, .claim_buckets = 1u << 12,
            .clickbait_buckets = 1u << 12, .l2_grid = {1e-3, 1e-4}, .run_id = "unit"};
  }

  AnalysedArticles articles_;
};

TEST_F(LearnedTraining, GoldPassagesCoverTheMarkedWords) {
  ASSERT_EQ(articles_.size(), 15u);
  std::size_t uncovered = 0;
  const std::vector<GoldPassage> gold = GoldPassages(*articles_[0], &uncovered);
  EXPECT_EQ(uncovered, 0u);
  ASSERT_EQ(gold.size(), static_cast<std::size_t>(kTechniqueCount));
  EXPECT_EQ(gold[0].range.end - gold[0].range.first, 1u);
  EXPECT_EQ(articles_[0]->document.View(gold[0].span), "markeraword");
  EXPECT_EQ(gold[0].techniques, std::vector<Technique>{Technique::kAppealToAuthority});
}

TEST_F(LearnedTraining, TheSpanModelFindsTheMarkedWords) {
  const auto train = SelectArticles(articles_, [](int f) { return f != 0; });
  const auto valid = SelectArticles(articles_, [](int f) { return f == 0; });
  Result<ModelParams> params = TrainSpanModel(train, valid, Options());
  ASSERT_TRUE(params) << params.error().ToString();
  ASSERT_EQ(params->heads.size(), 1u);
  const ModelHead& head = params->heads[0];
  EXPECT_LE(head.extend_threshold, head.decision_threshold);
  EXPECT_GT(head.decision_threshold, 0.0);
  const ModelFile model = ModelFile::FromParams(*params);
  const AnalysedArticle& a = *valid[0];
  const std::vector<TokenRange> found =
      DecodePassages(a.tokens, TokenProbabilities(a.tokens, model), head.decision_threshold, head.extend_threshold);
  std::size_t markers = 0;
  for (const TokenRange& r : found)
    markers += a.tokens.View(r.first).starts_with("marker") ? 1 : 0;
  EXPECT_GE(markers, static_cast<std::size_t>(kTechniqueCount - 2));
  EXPECT_LE(found.size(), static_cast<std::size_t>(kTechniqueCount + 2));
}

TEST_F(LearnedTraining, TheTechniqueModelHasAHeadPerTechnique) {
  const auto train = SelectArticles(articles_, [](int f) { return f != 0; });
  const auto valid = SelectArticles(articles_, [](int f) { return f == 0; });
  Result<ModelParams> params = TrainTechniqueModel(train, valid, Options());
  ASSERT_TRUE(params) << params.error().ToString();
  ASSERT_EQ(params->heads.size(), static_cast<std::size_t>(kTechniqueCount));
  for (int t = 0; t < kTechniqueCount; ++t) EXPECT_EQ(params->heads[t].name, TechniqueCorpusLabel(static_cast<Technique>(t)));
  const ModelFile model = ModelFile::FromParams(*params);
  std::size_t uncovered = 0;
  int right = 0;
  for (const GoldPassage& g : GoldPassages(*valid[0], &uncovered)) {
    const std::vector<double> p = TechniqueProbabilities(valid[0]->tokens, g.range.first, g.range.end, model);
    right += static_cast<Technique>(std::max_element(p.begin(), p.end()) - p.begin()) == g.techniques[0];
  }
  EXPECT_GE(right, kTechniqueCount - 2);
}

TEST_F(LearnedTraining, TheEvaluationScoresTheSyntheticTaskHigh) {
  LearnedTrainOptions options = Options();
  options.folds = 2;
  std::ostringstream log;
  Result<PropagandaEvaluation> e = EvaluatePropaganda(articles_, options, log);
  ASSERT_TRUE(e) << e.error().ToString();
  EXPECT_EQ(e->fold_span_f1.size(), 2u);
  EXPECT_GT(e->spans.f1(), 0.8);
  EXPECT_GT(e->micro_f1(), 0.8);
  EXPECT_EQ(e->labels, 6u * kTechniqueCount);  // two test folds of three articles
  EXPECT_NE(log.str().find("propaganda fold 1"), std::string::npos);
}

TEST_F(LearnedTraining, SliceModelsLearnClaimsAndTeasers) {
  Result<TaskFile<LabelledText>> claims = ReadLabelledTexts(dir_ + "/claims.jsonl", {"part"});
  ASSERT_TRUE(claims);
  Result<SliceEvaluation> c = EvaluateSliceModel(claims->records, "claims", "part", ClaimsFeatureSet(),
                                                 ExtractClaimFeatures, 1u << 12, Options());
  ASSERT_TRUE(c) << c.error().ToString();
  EXPECT_EQ(c->test.count, 20u);
  EXPECT_EQ(c->train, 60u);
  EXPECT_GT(c->test.f1, 0.9);

  Result<TaskFile<LabelledText>> headlines = ReadLabelledTexts(dir_ + "/clickbait.jsonl", {"random", "publisher"});
  ASSERT_TRUE(headlines);
  Result<SliceEvaluation> b = EvaluateSliceModel(headlines->records, "clickbait", "publisher", ClickbaitFeatureSet(),
                                                 ExtractHeadlineFeatures, 1u << 12, Options());
  ASSERT_TRUE(b) << b.error().ToString();
  EXPECT_GT(b->test.roc_auc, 0.95);
  // The hand-written rule sees the leading numbers too.
  const SliceEvaluation rule = EvaluateClickbaitRule(headlines->records, "random");
  EXPECT_EQ(rule.model, "hand-written rule");
  EXPECT_GT(rule.test.roc_auc, 0.9);
}

TEST_F(LearnedTraining, OneClassSplitsAreRefusedNotTrained) {
  std::vector<LabelledText> all_positive = {{"1", "It rose 4%.", true, {{"part", "train"}}},
                                           {"2", "It fell 3%.", true, {{"part", "valid"}}}};
  Result<ModelParams> m = TrainSliceModel(all_positive, "part", ClaimsFeatureSet(), ExtractClaimFeatures, 1u << 10,
                                          "check_worthy", Options());
  ASSERT_FALSE(m);
  EXPECT_EQ(m.error().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace credence::internal
