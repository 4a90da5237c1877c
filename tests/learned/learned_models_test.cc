// Tests for loading the learned detectors' models: all four from a folder,
// a missing or foreign file refused when the folder was named and turned off
// with a warning otherwise, and the technique heads matched to techniques.
#include "learned/learned_models.h"

#include <gtest/gtest.h>

#include "learned/propaganda_features.h"
#include "learned/sentence_features.h"
#include "tests/learned/learned_test_support.h"
#include "tests/test_support.h"

namespace credence::internal {
namespace {

constexpr std::uint32_t kBuckets = 1024;

std::vector<std::string> TechniqueLabels() {
  std::vector<std::string> names;
  for (int t = kTechniqueCount - 1; t >= 0; --t) names.emplace_back(TechniqueCorpusLabel(static_cast<Technique>(t)));
  return names;  // in reverse order: heads are matched by name, not place
}

class LearnedModelsTest : public credence::testing::TempDirTest {
 protected:
  void WriteAll() {
    using credence::testing::BlankModel;
    ASSERT_TRUE(WriteModelFile(dir_ + "/" + kSpansModelFile, BlankModel(PropagandaSpansFeatureSet(), kBuckets, {"p"})).ok());
    ASSERT_TRUE(WriteModelFile(dir_ + "/" + kTechniquesModelFile,
                               BlankModel(PropagandaTechniquesFeatureSet(), kBuckets, TechniqueLabels()))
                    .ok());
    ASSERT_TRUE(WriteModelFile(dir_ + "/" + kClaimsModelFile, BlankModel(ClaimsFeatureSet(), kBuckets, {"c"})).ok());
    ASSERT_TRUE(WriteModelFile(dir_ + "/" + kClickbaitModelFile, BlankModel(ClickbaitFeatureSet(), kBuckets, {"b"})).ok());
  }
};

TEST_F(LearnedModelsTest, LoadsAllFourAndMatchesTechniqueHeadsByName) {
  WriteAll();
  Result<LearnedModels> m = LoadLearnedModels(dir_, true);
  ASSERT_TRUE(m) << m.error().ToString();
  EXPECT_TRUE(m->spans && m->techniques && m->claims && m->clickbait);
  EXPECT_TRUE(m->warnings.empty());
  EXPECT_TRUE(m->any());
  for (int k = 0; k < kTechniqueCount; ++k)
    EXPECT_EQ(TechniqueCorpusLabel(m->technique_of_head[k]), m->techniques->head(k).name) << k;
  EXPECT_EQ(m->technique_of_head[0], Technique::kWhataboutismStrawMenRedHerring);
}

TEST_F(LearnedModelsTest, AMissingFileFailsANamedFolderAndWarnsOtherwise) {
  WriteAll();
  ASSERT_EQ(std::remove((dir_ + "/" + kClaimsModelFile).c_str()), 0);
  Result<LearnedModels> required = LoadLearnedModels(dir_, true);
  ASSERT_FALSE(required);
  EXPECT_EQ(required.error().code(), StatusCode::kNotFound);
  Result<LearnedModels> optional = LoadLearnedModels(dir_, false);
  ASSERT_TRUE(optional);
  EXPECT_FALSE(optional->claims);
  EXPECT_TRUE(optional->clickbait && optional->spans);
  ASSERT_EQ(optional->warnings.size(), 1u);
  EXPECT_NE(optional->warnings[0].find("check-worthy claims off"), std::string::npos);
}

TEST_F(LearnedModelsTest, OnePropagandaModelWithoutTheOtherTurnsBothOff) {
  WriteAll();
  ASSERT_EQ(std::remove((dir_ + "/" + kTechniquesModelFile).c_str()), 0);
  Result<LearnedModels> m = LoadLearnedModels(dir_, false);
  ASSERT_TRUE(m);
  EXPECT_FALSE(m->spans);
  EXPECT_FALSE(m->techniques);
  EXPECT_TRUE(m->claims);
}

TEST_F(LearnedModelsTest, RefusesAModelOfAnotherTaskOrWrongHeads) {
  WriteAll();
  // A claims model where the clickbait model should be.
  ASSERT_TRUE(WriteModelFile(dir_ + "/" + kClickbaitModelFile,
                             credence::testing::BlankModel(ClaimsFeatureSet(), kBuckets, {"c"}))
                  .ok());
  Result<LearnedModels> swapped = LoadLearnedModels(dir_, true);
  ASSERT_FALSE(swapped);
  EXPECT_EQ(swapped.error().code(), StatusCode::kDataError);
  EXPECT_NE(swapped.error().message().find("'claims' model where a 'clickbait' model"), std::string::npos);

  WriteAll();
  std::vector<std::string> names = TechniqueLabels();
  names[3] = names[4];  // one technique twice, another missing
  ASSERT_TRUE(WriteModelFile(dir_ + "/" + kTechniquesModelFile,
                             credence::testing::BlankModel(PropagandaTechniquesFeatureSet(), kBuckets, names))
                  .ok());
  Result<LearnedModels> repeated = LoadLearnedModels(dir_, true);
  ASSERT_FALSE(repeated);
  EXPECT_NE(repeated.error().message().find("repeats one"), std::string::npos);
  Result<LearnedModels> lenient = LoadLearnedModels(dir_, false);
  ASSERT_TRUE(lenient);
  EXPECT_FALSE(lenient->techniques);
  EXPECT_FALSE(lenient->spans);
}

TEST_F(LearnedModelsTest, AnEmptyFolderTurnsEveryDetectorOff) {
  Result<LearnedModels> m = LoadLearnedModels(dir_, false);
  ASSERT_TRUE(m);
  EXPECT_FALSE(m->any());
  EXPECT_EQ(m->warnings.size(), 3u);  // one for the two propaganda models
}

}  // namespace
}  // namespace credence::internal
