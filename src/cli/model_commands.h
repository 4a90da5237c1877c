// `credence train` and `credence eval`: fit the content model on a labelled
// corpus (tools/build_corpus.py makes one) and measure it; with --tasks, the
// learned detectors on the files tools/build_task_data.py makes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace credence::internal {

// How the content model is trained (pipeline/content_training.h), as
// `train` and `eval --corpus` take it; the defaults are the shipped model's.
struct ContentTrainingArgs {
  bool keep_names = false;           // --keep-names: read names as written (no <name> masking)
  bool no_sign_constraints = false;  // --no-sign-constraints: let "less credible" cues take any sign
  bool no_balance_datasets = false;  // --no-balance-datasets: every article weighs 1
  bool no_balance_labels = false;    // --no-balance-labels: a dataset's labels weigh as they come
  bool pooled_auc = false;           // --pooled-auc: choose L2 by the pooled validation ROC-AUC
  bool ngrams_agree = false;         // --ngrams-agree: scale up only n-grams that lean alike in every dataset
  double site_label_weight = 0.5;    // --site-label-weight: a site-labelled article's weight
  std::size_t max_per_dataset = 6000;  // --max-per-dataset: training articles per dataset at most
  std::vector<std::string> exclude_datasets;  // --exclude-dataset NAME...
};

// Adds the ContentTrainingArgs options to `cmd`.
void AddContentTrainingOptions(CLI::App* cmd, ContentTrainingArgs* args);

// The options of `credence train`, filled in by CLI11.
struct TrainArgs {
  ContentTrainingArgs content;
  std::string corpus;          // --corpus DIR: reads DIR/splits/SPLIT/{train,valid}.jsonl
  std::string split = "site";  // --split: site or random
  std::string train_file;      // --train FILE (instead of --corpus)
  std::string valid_file;      // --valid FILE (instead of --corpus)
  std::string out;             // --out FILE: the model to write
  std::uint32_t buckets = 1u << 18;  // --buckets: hash buckets, a power of two
  int threads = 0;             // --threads: 0 = all cores
  std::vector<double> l2;      // --l2: L2 strengths to try (default: TrainOptions)
  std::string run_id;          // --run-id: stored in the model (default SPLIT-nN)
  std::string tasks;           // --tasks DIR: train the learned detectors from tools/build_task_data.py's files
  std::string out_dir;         // --out-dir DIR: where --tasks writes its four models
  std::string task = "all";    // --task: all, propaganda, claims or clickbait
};

// The options of `credence eval`, filled in by CLI11.
struct EvalArgs {
  ContentTrainingArgs content;  // with --corpus
  // --experiments: which parts of --corpus's evaluation to run (the site split always runs).
  std::vector<std::string> experiments = {"site", "random", "cross", "lodo"};
  std::string corpus;              // --corpus DIR: the whole experiment (site, random, cross-dataset)
  std::string model;               // --model FILE: evaluate this model on --test files instead
  std::vector<std::string> tests;  // --test FILE...
  std::string report_dir;          // --report DIR: HTML page and results.json (with --corpus)
  std::string predictions;         // --predictions FILE: one JSON line per test record (with --model)
  std::size_t top_ngrams = 0;      // --top-ngrams N: the model's N strongest n-grams each way, named from the test files
  std::string format = "text";     // --format text|json
  std::uint32_t buckets = 1u << 18;
  int threads = 0;
  std::string tasks;           // --tasks DIR: evaluate the learned detectors instead
  std::string task = "all";    // --task: all, propaganda, claims or clickbait
  int folds = 5;               // --folds: propaganda folds to test
  std::vector<double> l2;      // --l2: L2 strengths to try (default: LearnedTrainOptions)
};

CLI::App* AddTrainCommand(CLI::App& app, TrainArgs* args);
CLI::App* AddEvalCommand(CLI::App& app, EvalArgs* args);

// Run the commands; return the exit code (docs/exit-codes.md).
int RunTrainCommand(const TrainArgs& args);
int RunEvalCommand(const EvalArgs& args);

// task_commands.cc: `train --tasks` and `eval --tasks`, the learned detectors.
int RunTrainTasks(const TrainArgs& args);
int RunEvalTasks(const EvalArgs& args);

}  // namespace credence::internal
