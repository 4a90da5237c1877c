// Experiment: the whole evaluation of the content model on a corpus built by
// tools/build_corpus.py (docs/corpus.md), as `credence eval --corpus` runs it:
//   - site split: train on site/train, calibrate on site/valid, test on
//     site/test (no domain on two sides) and on the evaluation-only records
//     (FakeNewsCorpus: site-level labels);
//   - random split: the same on random/*, for comparison;
//   - cross-dataset: train on one dataset, test on each other one, leaving
//     out test records whose domain the training data holds;
//   - leave one dataset out: for each dataset, a model trained and
//     calibrated on the site split's train and valid records of every other
//     dataset (less any record of a site the left-out dataset holds) is
//     tested on all of the left-out dataset's records.
// Every result is given overall and per dataset.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "credence/analyzer.h"
#include "io/corpus_reader.h"
#include "model/metrics.h"
#include "model/trainer.h"
#include "pipeline/content_training.h"

namespace credence::internal {

struct EvalRow {
  std::string split;    // "site", "random", "cross"
  std::string trained;  // what the model was trained on ("site/train", a dataset name)
  std::string tested;   // "site/test", "eval_only", a dataset name
  std::string subset;   // "all" or a dataset name
  BinaryMetrics metrics;
};

struct ExperimentOptions {
  std::uint32_t num_buckets = 1u << 18;
  int threads = 2;
  std::vector<double> l2_grid = TrainOptions{}.l2_grid;
  ContentTraining setup;  // weights, names, bounds: the shipped model's by default
  bool random_split = true;   // train and test on the random split too
  bool cross_dataset = true;  // train on each dataset, test on each other
  bool leave_one_out = true;  // run the leave-one-dataset-out models
};

struct ExperimentResults {
  std::vector<EvalRow> rows;   // site and random splits
  std::vector<EvalRow> cross;  // cross-dataset, subset "all"
  std::vector<EvalRow> lodo;   // leave one dataset out: trained "all but D", tested D"
  std::vector<std::string> notes;  // what was read, skipped, chosen
};

// Returns one row for all of `records` and one per dataset among them, with
// "unreliable" predicted at p >= threshold.
std::vector<EvalRow> RowsByDataset(const std::string& split, const std::string& trained, const std::string& tested,
                                   const std::vector<CorpusRecord>& records, const std::vector<double>& probabilities,
                                   double threshold);


// Runs the experiment on the corpus in `corpus_dir`, logging progress to `log`.
[[nodiscard]] Result<ExperimentResults> RunExperiment(const Analyzer& analyzer, const std::string& corpus_dir,
                                                      const ExperimentOptions& options, std::ostream& log);

// Reads a corpus file, logging its bad lines; fails when it cannot be read
// or holds no record.
[[nodiscard]] Result<std::vector<CorpusRecord>> ReadCorpusRecords(const std::string& path, std::ostream& log);

}  // namespace credence::internal
