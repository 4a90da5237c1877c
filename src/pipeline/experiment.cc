// The evaluation experiment. Records are featurized once per split file;
// models are trained in memory and never written.
#include "pipeline/experiment.h"

#include <chrono>
#include <cmath>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>

#include <xxhash.h>

#include "pipeline/corpus_features.h"

namespace credence::internal {
namespace {

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

struct Part {
  std::vector<CorpusRecord> records;
  TrainingSet examples;
};

// Records already featurized, by id: the random split deals out the same
// records as the site split, so their features are taken, not made again.
struct KnownFeatures {
  const Part* pool = nullptr;
  std::unordered_map<std::string_view, std::size_t> by_id;  // views into pool->records
};

Result<Part> LoadPart(const Analyzer& analyzer, const std::string& path, const ExperimentOptions& options,
                      const KnownFeatures& known, std::ostream& log) {
  Result<std::vector<CorpusRecord>> records = ReadCorpusRecords(path, log);
  if (!records) return tl::unexpected(records.error());
  *records = WithoutExcluded(std::move(*records), options.setup);
  const auto start = std::chrono::steady_clock::now();
  Part part{std::move(*records), {}};
  part.examples.resize(part.records.size());
  std::vector<CorpusRecord> unknown;
  std::vector<std::size_t> unknown_at;
  for (std::size_t i = 0; i < part.records.size(); ++i) {
    auto it = known.by_id.find(part.records[i].id);
    if (it != known.by_id.end()) {
      part.examples[i] = known.pool->examples[it->second];
    } else {
      unknown.push_back(part.records[i]);
      unknown_at.push_back(i);
    }
  }
  FeaturizedCorpus f = FeaturizeRecords(analyzer, unknown, options.num_buckets, options.threads, options.setup.features);
  for (const std::string& e : f.errors) log << "  skipped " << e << "\n";
  for (std::size_t k = 0; k < unknown_at.size(); ++k) part.examples[unknown_at[k]] = std::move(f.examples[k]);
  SetDatasetGroups(part.records, &part.examples);
  for (TrainingExample& e : part.examples) e.weight = 1.0f;  // a known example may carry a training weight
  log << "  " << path << ": " << part.records.size() << " records (" << unknown.size() << " featurized) in "
      << Seconds(start) << " s\n";
  return part;
}

// Keeps the records (and examples) for which keep(record) is true.
template <typename Keep>
Part Filter(const Part& part, Keep keep) {
  Part out;
  for (std::size_t i = 0; i < part.records.size(); ++i)
    if (keep(part.records[i])) {
      out.records.push_back(part.records[i]);
      out.examples.push_back(part.examples[i]);
      out.examples.back().weight = 1.0f;  // as read; a training set is weighed again
    }
  return out;
}

// Returns the part as a training set: cut to setup's articles per dataset, weighed.
Part CutForTraining(const Part& part, const ContentTraining& setup) {
  const std::vector<bool> keep = KeptForTraining(part.records, setup);
  Part out;
  for (std::size_t i = 0; i < part.records.size(); ++i)
    if (keep[i]) {
      out.records.push_back(part.records[i]);
      out.examples.push_back(part.examples[i]);
    }
  WeighExamples(out.records, setup.weighting, &out.examples);
  return out;
}

bool HoldsBothLabels(const Part& part) {
  bool seen[2] = {false, false};
  for (const CorpusRecord& r : part.records) seen[r.unreliable] = true;
  return seen[0] && seen[1];
}

// Cross-dataset: a model trained on each dataset, tested on each other's
// records whose sites it never saw. Calibration needs held-out records of the
// training dataset; a fixed 15% of it (by id hash) plays that part.
Status RunCrossDataset(const Part& pool, const std::set<std::string>& datasets, const TrainOptions& train_options,
                       const ExperimentOptions& options, ExperimentResults* results, std::ostream& log) {
  log << "cross-dataset:\n";
  auto in_valid = [](const CorpusRecord& r) { return XXH3_64bits(r.id.data(), r.id.size()) % 100 < 15; };
  for (const std::string& a : datasets) {
    const Part train = CutForTraining(
        Filter(pool, [&](const CorpusRecord& r) { return r.dataset == a && !in_valid(r); }), options.setup);
    const Part valid = Filter(pool, [&](const CorpusRecord& r) { return r.dataset == a && in_valid(r); });
    if (!HoldsBothLabels(train) || !HoldsBothLabels(valid)) {
      results->notes.push_back("cross-dataset: " + a + " not used for training (one label only)");
      continue;
    }
    Result<TrainedModel> model = TrainModel(train.examples, valid.examples, train_options);
    if (!model) return model.error();
    std::set<std::string> seen_domains;
    for (const CorpusRecord& r : pool.records)
      if (r.dataset == a) seen_domains.insert(r.domain);
    for (const std::string& b : datasets) {
      if (b == a) continue;
      const Part test =
          Filter(pool, [&](const CorpusRecord& r) { return r.dataset == b && seen_domains.count(r.domain) == 0; });
      if (test.records.empty()) continue;
      std::vector<bool> labels;
      for (const CorpusRecord& r : test.records) labels.push_back(r.unreliable);
      results->cross.push_back({"cross", a, b, "all", ComputeMetrics(HeadProbabilities(model->head, test.examples), labels,
                                                                model->head.decision_threshold)});
      log << "  " << a << " -> " << b << ": " << test.records.size() << " records\n";
    }
  }
  return Status::Ok();
}

// Leave one dataset out: each dataset tested whole by a model that never saw
// it nor any of its sites, trained on the site split's train records of the
// others and calibrated on their valid records.
void RunLeaveOneDatasetOut(const Part& pool, const std::vector<int>& part, const std::set<std::string>& datasets,
                           const TrainOptions& train_options, const ExperimentOptions& options,
                           ExperimentResults* results, std::ostream& log) {
  log << "leave one dataset out:\n";
  for (const std::string& left_out : datasets) {
    std::set<std::string> its_domains;
    for (const CorpusRecord& r : pool.records)
      if (r.dataset == left_out) its_domains.insert(r.domain);
    Part train, valid, test;
    for (std::size_t i = 0; i < pool.records.size(); ++i) {
      const CorpusRecord& r = pool.records[i];
      Part* to = r.dataset == left_out ? &test
                 : its_domains.count(r.domain) != 0 ? nullptr
                 : part[i] == 0 ? &train
                 : part[i] == 1 ? &valid
                                : nullptr;
      if (to == nullptr) continue;
      to->records.push_back(r);
      to->examples.push_back(pool.examples[i]);
      to->examples.back().weight = 1.0f;
    }
    if (!HoldsBothLabels(test) || !HoldsBothLabels(train) || !HoldsBothLabels(valid)) {
      results->notes.push_back("leave-one-dataset-out: " + left_out + " not tested (one label only)");
      continue;
    }
    train = CutForTraining(train, options.setup);
    const auto start = std::chrono::steady_clock::now();
    Result<TrainedModel> model = TrainModel(train.examples, valid.examples, train_options);
    if (!model) {
      results->notes.push_back("leave-one-dataset-out: " + left_out + ": " + model.error().message());
      continue;
    }
    std::vector<bool> labels;
    for (const CorpusRecord& r : test.records) labels.push_back(r.unreliable);
    results->lodo.push_back({"lodo", "all but " + left_out, left_out, "all",
                             ComputeMetrics(HeadProbabilities(model->head, test.examples), labels,
                                            model->head.decision_threshold)});
    log << "  without " << left_out << ": trained on " << train.records.size() << " in " << Seconds(start)
        << " s, tested on " << test.records.size() << ": AUC " << results->lodo.back().metrics.roc_auc << "\n";
  }
}

}  // namespace

Result<std::vector<CorpusRecord>> ReadCorpusRecords(const std::string& path, std::ostream& log) {
  Result<CorpusFile> file = ReadCorpusFile(path);
  if (!file) return tl::unexpected(file.error());
  for (const std::string& e : file->errors) log << "  skipped " << e << "\n";
  if (file->records.empty()) return Error(StatusCode::kDataError, path + " holds no readable record");
  return std::move(file->records);
}

std::vector<EvalRow> RowsByDataset(const std::string& split, const std::string& trained, const std::string& tested,
                                   const std::vector<CorpusRecord>& records, const std::vector<double>& probabilities,
                                   double threshold) {
  std::map<std::string, std::pair<std::vector<double>, std::vector<bool>>> by_dataset;
  std::vector<bool> labels;
  for (std::size_t i = 0; i < records.size(); ++i) {
    labels.push_back(records[i].unreliable);
    by_dataset[records[i].dataset].first.push_back(probabilities[i]);
    by_dataset[records[i].dataset].second.push_back(records[i].unreliable);
  }
  std::vector<EvalRow> rows;
  rows.push_back({split, trained, tested, "all", ComputeMetrics(probabilities, labels, threshold)});
  if (by_dataset.size() > 1)
    for (const auto& [name, pl] : by_dataset)
      rows.push_back({split, trained, tested, name, ComputeMetrics(pl.first, pl.second, threshold)});
  return rows;
}

Result<ExperimentResults> RunExperiment(const Analyzer& analyzer, const std::string& corpus_dir,
                                        const ExperimentOptions& options, std::ostream& log) {
  ExperimentResults results;
  TrainOptions train_options = ContentTrainOptions(options.num_buckets, options.threads, options.setup);
  train_options.l2_grid = options.l2_grid;
  double site_l2 = options.l2_grid.front();
  Part site_pool;  // every site-split record, for the cross-dataset runs
  std::vector<int> site_pool_part;  // 0 train, 1 valid, 2 test: where each of site_pool's records is
  KnownFeatures known;

  for (const std::string split : {"site", "random"}) {
    if (split == "random" && !options.random_split) continue;
    const std::string dir = corpus_dir + "/splits/" + split + "/";
    log << split << " split:\n";
    Result<Part> train = LoadPart(analyzer, dir + "train.jsonl", options, known, log);
    if (!train) return tl::unexpected(train.error());
    Result<Part> valid = LoadPart(analyzer, dir + "valid.jsonl", options, known, log);
    if (!valid) return tl::unexpected(valid.error());
    Result<Part> test = LoadPart(analyzer, dir + "test.jsonl", options, known, log);
    if (!test) return tl::unexpected(test.error());
    const auto start = std::chrono::steady_clock::now();
    const Part fit = CutForTraining(*train, options.setup);
    Result<TrainedModel> model = TrainModel(fit.examples, valid->examples, train_options);
    if (!model) return tl::unexpected(model.error());
    log << "  trained in " << Seconds(start) << " s: L2 " << model->l2 << ", validation AUC " << model->valid_auc
        << ", " << model->iterations << " iterations\n";
    results.notes.push_back(std::string(split) + " model: L2 " + std::to_string(model->l2) + " chosen on " + split +
                            "/valid (AUC " + std::to_string(model->valid_auc) + "), Platt scale " +
                            std::to_string(model->platt_scale) + " shift " + std::to_string(model->platt_shift));
    for (EvalRow& row : RowsByDataset(split, std::string(split) + "/train", std::string(split) + "/test",
                                      test->records, HeadProbabilities(model->head, test->examples), model->head.decision_threshold))
      results.rows.push_back(std::move(row));
    if (std::string(split) == "site") {
      site_l2 = model->l2;
      Result<Part> eval_only = LoadPart(analyzer, corpus_dir + "/splits/eval_only.jsonl", options, known, log);
      if (eval_only) {
        for (EvalRow& row : RowsByDataset("site", "site/train", "eval_only", eval_only->records,
                                          HeadProbabilities(model->head, eval_only->examples), model->head.decision_threshold))
          results.rows.push_back(std::move(row));
      } else {
        results.notes.push_back("eval_only.jsonl not evaluated: " + eval_only.error().message());
      }
      for (Part* p : {&*train, &*valid, &*test}) {
        site_pool.records.insert(site_pool.records.end(), p->records.begin(), p->records.end());
        site_pool.examples.insert(site_pool.examples.end(), p->examples.begin(), p->examples.end());
        site_pool_part.insert(site_pool_part.end(), p->records.size(), p == &*train ? 0 : p == &*valid ? 1 : 2);
      }
      known.pool = &site_pool;
      for (std::size_t i = 0; i < site_pool.records.size(); ++i) known.by_id.emplace(site_pool.records[i].id, i);
    }
  }

  std::set<std::string> datasets;
  for (const CorpusRecord& r : site_pool.records) datasets.insert(r.dataset);
  TrainOptions cross_options = train_options;
  cross_options.l2_grid = {site_l2};
  if (options.cross_dataset) {
    const Status cross = RunCrossDataset(site_pool, datasets, cross_options, options, &results, log);
    if (!cross.ok()) return tl::unexpected(cross);
  }
  if (options.leave_one_out) RunLeaveOneDatasetOut(site_pool, site_pool_part, datasets, cross_options, options, &results, log);
  return results;
}

}  // namespace credence::internal
