// How the content model is trained, as `credence train` and `credence eval
// --corpus` share it: how much each labelled article counts (so that no
// dataset dominates and no dataset's base rate, which tells its topic and not
// an article's credibility, decides), how words are read, which weights are
// held to their meaning, which datasets are left out.
//
//   const ContentTraining setup;  // the shipped model's choices
//   FeaturizedCorpus f = FeaturizeRecords(analyzer, records, buckets, threads, setup.features);
//   WeighExamples(records, setup.weighting, &f.examples);
//   Result<TrainedModel> m = TrainModel(f.examples, valid, ContentTrainOptions(buckets, threads, setup));
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "io/corpus_reader.h"
#include "model/features.h"
#include "model/trainer.h"

namespace credence::internal {

struct CorpusWeighting {
  // Each dataset's examples weigh the same in all (GossipCop's 14,000 as much
  // as PolitiFact's 600). Default on.
  bool balance_datasets = true;
  // Within a dataset the two labels weigh the same, so that learning which
  // dataset an article comes from says nothing about its label. Default on.
  bool balance_labels = true;
  // A dataset whose labels belong to its sites (label_level "site": ReCOVery,
  // AllSides joined with MBFC) weighs this much of one labelled article by
  // article. Default 0.5.
  double site_label_weight = 0.5;
};

// Every choice of the content model's training; the defaults are the shipped model's.
struct ContentTraining {
  CorpusWeighting weighting;
  ContentFeatureOptions features;  // names masked by default
  // Hold each "less credible" dense feature's weight >= 0 (DenseFeatureDirections). Default on.
  bool sign_constraints = true;
  // Keep the naive-Bayes scale only for n-grams that lean the same way in
  // every dataset that holds them (TrainOptions::nb_groups_agree).
  bool ngrams_agree = false;
  // Choose L2 by the mean of the datasets' validation ROC-AUCs. Default on.
  bool select_by_dataset_auc = true;
  // Datasets whose records are left out of training and validation.
  std::vector<std::string> exclude_datasets;
  // A dataset gives at most this many articles to a training set (those of
  // smallest id hash; 0: all). Its weight is balanced anyway, so more of the
  // same dataset costs time and adds little. Default 6,000 (GossipCop has 12,000
  // in site/train). Validation and test sets are never cut.
  std::size_t max_training_per_dataset = 6000;
};

// Returns, for each record, whether it stays in a training set under
// setup.max_training_per_dataset.
std::vector<bool> KeptForTraining(const std::vector<CorpusRecord>& records, const ContentTraining& setup);

// Returns the records KeptForTraining keeps, in their order.
std::vector<CorpusRecord> WithinTrainingCap(std::vector<CorpusRecord> records, const ContentTraining& setup);

// Returns the records not in an excluded dataset.
std::vector<CorpusRecord> WithoutExcluded(std::vector<CorpusRecord> records, const ContentTraining& setup);

// Sets each example's weight (mean 1 over the set) and group (its
// dataset) from its record. REQUIRES: examples->size() == records.size().
void WeighExamples(const std::vector<CorpusRecord>& records, const CorpusWeighting& weighting, TrainingSet* examples);

// Sets each example's group (its dataset) and leaves its weight: for a
// validation set, which calibrates on the articles as they come.
void SetDatasetGroups(const std::vector<CorpusRecord>& records, TrainingSet* examples);

// Returns the group number of a dataset name (the same in every set).
std::uint16_t DatasetGroup(const std::string& dataset);

// Returns the trainer's options for the content model: its buckets and
// dense features, the bounds and the L2 choice of `setup`.
TrainOptions ContentTrainOptions(std::uint32_t num_buckets, int threads, const ContentTraining& setup);

}  // namespace credence::internal
