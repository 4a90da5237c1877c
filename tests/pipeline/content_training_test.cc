// Tests for the content model's training choices: each dataset and each label
// within it weigh alike, site-labelled datasets weigh less, a dataset's
// training articles are capped by id hash, excluded datasets are dropped.
#include "pipeline/content_training.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace credence::internal {
namespace {

CorpusRecord Record(const std::string& id, const std::string& dataset, bool unreliable, bool site_label = false) {
  CorpusRecord r;
  r.id = id;
  r.dataset = dataset;
  r.unreliable = unreliable;
  r.site_label = site_label;
  return r;
}

// "big": 6 reliable + 2 unreliable; "small": 1 + 1.
std::vector<CorpusRecord> TwoDatasets() {
  std::vector<CorpusRecord> records;
  for (int i = 0; i < 6; ++i) records.push_back(Record("b" + std::to_string(i), "big", false));
  for (int i = 0; i < 2; ++i) records.push_back(Record("u" + std::to_string(i), "big", true));
  records.push_back(Record("s0", "small", false));
  records.push_back(Record("s1", "small", true));
  return records;
}

std::map<std::pair<std::string, bool>, double> CellWeights(const std::vector<CorpusRecord>& records,
                                                           const TrainingSet& examples) {
  std::map<std::pair<std::string, bool>, double> cells;
  for (std::size_t i = 0; i < records.size(); ++i) cells[{records[i].dataset, records[i].unreliable}] += examples[i].weight;
  return cells;
}

TEST(ContentTraining, EachDatasetAndLabelWeighAlike) {
  const std::vector<CorpusRecord> records = TwoDatasets();
  TrainingSet examples(records.size());
  WeighExamples(records, CorpusWeighting{}, &examples);
  const auto cells = CellWeights(records, examples);
  // Four cells share the total (10, the mean weight is 1) equally.
  for (const auto& [cell, weight] : cells) EXPECT_NEAR(weight, 2.5, 1e-5) << cell.first << " " << cell.second;
  EXPECT_NE(examples[0].group, examples[8].group);  // groups are datasets
  EXPECT_EQ(examples[0].group, DatasetGroup("big"));
}

TEST(ContentTraining, UnbalancedWeightsAreAllOne) {
  const std::vector<CorpusRecord> records = TwoDatasets();
  TrainingSet examples(records.size());
  WeighExamples(records, CorpusWeighting{.balance_datasets = false, .balance_labels = false}, &examples);
  for (const TrainingExample& ex : examples) EXPECT_FLOAT_EQ(ex.weight, 1.0f);
}

TEST(ContentTraining, SiteLabelledDatasetWeighsLess) {
  std::vector<CorpusRecord> records = TwoDatasets();
  for (CorpusRecord& r : records)
    if (r.dataset == "small") r.site_label = true;
  TrainingSet examples(records.size());
  WeighExamples(records, CorpusWeighting{.site_label_weight = 0.5}, &examples);
  const auto cells = CellWeights(records, examples);
  EXPECT_NEAR(cells.at({"small", true}) / cells.at({"big", true}), 0.5, 1e-5);
}

TEST(ContentTraining, CapKeepsTheSameArticlesWhateverTheOrder) {
  std::vector<CorpusRecord> records;
  for (int i = 0; i < 20; ++i) records.push_back(Record("a" + std::to_string(i), "big", i % 2 == 0));
  for (int i = 0; i < 3; ++i) records.push_back(Record("c" + std::to_string(i), "small", i % 2 == 0));
  ContentTraining setup;
  setup.max_training_per_dataset = 5;
  const std::vector<bool> keep = KeptForTraining(records, setup);
  std::vector<std::string> kept;
  for (std::size_t i = 0; i < records.size(); ++i)
    if (keep[i]) kept.push_back(records[i].id);
  EXPECT_EQ(kept.size(), 5u + 3u);  // the small dataset is under the cap

  std::vector<CorpusRecord> reversed(records.rbegin(), records.rend());
  const std::vector<bool> keep_reversed = KeptForTraining(reversed, setup);
  std::vector<std::string> kept_reversed;
  for (std::size_t i = 0; i < reversed.size(); ++i)
    if (keep_reversed[i]) kept_reversed.push_back(reversed[i].id);
  std::sort(kept.begin(), kept.end());
  std::sort(kept_reversed.begin(), kept_reversed.end());
  EXPECT_EQ(kept, kept_reversed);

  setup.max_training_per_dataset = 0;
  for (bool k : KeptForTraining(records, setup)) EXPECT_TRUE(k);
}

TEST(ContentTraining, WithinTrainingCapKeepsWhatTheCapKeepsInOrder) {
  std::vector<CorpusRecord> records;
  for (int i = 0; i < 12; ++i) records.push_back(Record("a" + std::to_string(i), "big", i % 2 == 0));
  ContentTraining setup;
  setup.max_training_per_dataset = 4;
  const std::vector<bool> keep = KeptForTraining(records, setup);
  std::vector<std::string> expected;
  for (std::size_t i = 0; i < records.size(); ++i)
    if (keep[i]) expected.push_back(records[i].id);
  std::vector<std::string> got;
  for (const CorpusRecord& r : WithinTrainingCap(records, setup)) got.push_back(r.id);
  EXPECT_EQ(got, expected);
  EXPECT_EQ(got.size(), 4u);
}

TEST(ContentTraining, ExcludedDatasetsAreDropped) {
  ContentTraining setup;
  setup.exclude_datasets = {"small"};
  const std::vector<CorpusRecord> left = WithoutExcluded(TwoDatasets(), setup);
  EXPECT_EQ(left.size(), 8u);
  for (const CorpusRecord& r : left) EXPECT_EQ(r.dataset, "big");
}

}  // namespace
}  // namespace credence::internal
