// The content model's training choices. Weights per (dataset, label) cell: a cell's examples share the cell's
// weight equally; cells are weighed against each other by the options.
#include "pipeline/content_training.h"

#include <algorithm>
#include <map>
#include <utility>

#include <xxhash.h>

#include "model/features.h"

namespace credence::internal {

std::uint16_t DatasetGroup(const std::string& dataset) {
  return static_cast<std::uint16_t>(XXH3_64bits(dataset.data(), dataset.size()) & 0xFFFF);
}

void WeighExamples(const std::vector<CorpusRecord>& records, const CorpusWeighting& weighting, TrainingSet* examples) {
  // Count each (dataset, label) cell and each dataset.
  std::map<std::pair<std::string, bool>, double> cell_count;
  std::map<std::string, double> dataset_count;
  for (const CorpusRecord& r : records) {
    cell_count[{r.dataset, r.unreliable}] += 1;
    dataset_count[r.dataset] += 1;
  }
  std::vector<double> w(records.size(), 1.0);
  double sum = 0.0;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const CorpusRecord& r = records[i];
    double weight = 1.0;
    if (weighting.balance_datasets) weight /= dataset_count[r.dataset];
    if (weighting.balance_labels) {
      // Half the dataset's weight to each label (a label the dataset lacks
      // leaves the other with the whole).
      const bool both = cell_count.count({r.dataset, !r.unreliable}) != 0;
      weight *= (both ? 0.5 : 1.0) * dataset_count[r.dataset] / cell_count[{r.dataset, r.unreliable}];
    }
    if (r.site_label) weight *= weighting.site_label_weight;
    w[i] = weight;
    sum += weight;
  }
  const double scale = sum > 0 ? static_cast<double>(records.size()) / sum : 1.0;
  for (std::size_t i = 0; i < records.size(); ++i) {
    (*examples)[i].weight = static_cast<float>(w[i] * scale);
    (*examples)[i].group = DatasetGroup(records[i].dataset);
  }
}

void SetDatasetGroups(const std::vector<CorpusRecord>& records, TrainingSet* examples) {
  for (std::size_t i = 0; i < records.size(); ++i) (*examples)[i].group = DatasetGroup(records[i].dataset);
}

std::vector<CorpusRecord> WithoutExcluded(std::vector<CorpusRecord> records, const ContentTraining& setup) {
  const auto& ex = setup.exclude_datasets;
  std::erase_if(records, [&](const CorpusRecord& r) { return std::find(ex.begin(), ex.end(), r.dataset) != ex.end(); });
  return records;
}

std::vector<bool> KeptForTraining(const std::vector<CorpusRecord>& records, const ContentTraining& setup) {
  std::vector<bool> keep(records.size(), true);
  if (setup.max_training_per_dataset == 0) return keep;
  std::map<std::string, std::vector<std::pair<std::uint64_t, std::size_t>>> by_dataset;  // (id hash, index)
  for (std::size_t i = 0; i < records.size(); ++i)
    by_dataset[records[i].dataset].emplace_back(XXH3_64bits(records[i].id.data(), records[i].id.size()), i);
  for (auto& [name, hashed] : by_dataset) {
    if (hashed.size() <= setup.max_training_per_dataset) continue;
    std::sort(hashed.begin(), hashed.end());
    for (std::size_t k = setup.max_training_per_dataset; k < hashed.size(); ++k) keep[hashed[k].second] = false;
  }
  return keep;
}

std::vector<CorpusRecord> WithinTrainingCap(std::vector<CorpusRecord> records, const ContentTraining& setup) {
  const std::vector<bool> keep = KeptForTraining(records, setup);
  std::vector<CorpusRecord> kept;
  for (std::size_t i = 0; i < records.size(); ++i)
    if (keep[i]) kept.push_back(std::move(records[i]));
  return kept;
}

TrainOptions ContentTrainOptions(std::uint32_t num_buckets, int threads, const ContentTraining& setup) {
  TrainOptions options{.num_buckets = num_buckets,
                       .num_dense = static_cast<std::uint32_t>(DenseFeatureNames().size()),
                       .threads = threads,
                       .head_name = "unreliable"};
  const std::vector<DenseDirection>& directions = DenseFeatureDirections();
  if (setup.sign_constraints)
    for (std::size_t k = 0; k < directions.size(); ++k)
      if (directions[k] == DenseDirection::kRaises)
        options.nonnegative.push_back(num_buckets + static_cast<std::uint32_t>(k));
  options.select_by_group_auc = setup.select_by_dataset_auc;
  options.nb_groups_agree = setup.ngrams_agree;
  return options;
}

}  // namespace credence::internal
