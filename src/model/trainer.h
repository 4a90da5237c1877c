// Trainer: fits one logistic regression (a model head) on hashed features,
// picks its L2 strength on a validation set, and calibrates it there with
// Platt scaling, folding the calibration into the weights. Every model
// credence ships is trained here: the content model and each head of the
// learned detectors.
//
//   TrainingSet train = ..., valid = ...;   // features + labels
//   Result<TrainedModel> m = TrainModel(train, valid, {.num_buckets = 1u << 18, .num_dense = 19});
//   ModelParams params{.feature_set = "content", ..., .heads = {m->head}};
//   Status s = WriteModelFile("model.bin", params);
//
// Features are first scaled per bucket by how much the bucket leans to one
// label (NBSVM-style; folded back into the stored weights). Optimiser:
// L-BFGS on the mean log loss plus L2 (the bias is not penalised). Gradients are summed over threads in a fixed order, so the same
// data and options give the same weights whatever the thread count.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "credence/status.h"
#include "model/features.h"
#include "model/linear.h"
#include "model/model_file.h"

namespace credence::internal {

struct TrainingExample {
  std::vector<FeatureEntry> entries;
  bool positive = false;  // the head's class: unreliable, check-worthy, a propaganda token, ...
  // Rows of the data's shared features that this example has as well (its
  // sentence's words, its article's): kept once, however many examples
  // share them.
  std::vector<std::uint32_t> shared_rows;
  // How much the example counts in the loss, the naive-Bayes counts and the
  // calibration: 1 for most models; the content model gives each dataset a
  // share (pipeline/corpus_weights.h).
  float weight = 1.0f;
  // The example's group (its dataset) for TrainOptions::select_by_group_auc.
  std::uint16_t group = 0;
};
using TrainingSet = std::vector<TrainingExample>;

// Examples and the feature rows they share (none for most models). Made
// implicitly from a TrainingSet alone. Both must outlive it.
struct TrainingData {
  TrainingData(const TrainingSet& examples_, const FeatureRows* shared_ = nullptr)  // NOLINT: implicit on purpose
      : examples(&examples_), shared(shared_) {}

  const TrainingSet* examples;
  const FeatureRows* shared;
};

struct TrainOptions {
  std::uint32_t num_buckets = 1u << 18;  // hash buckets (power of two)
  std::uint32_t num_dense = 0;           // dense features, at indices num_buckets + k
  int threads = 2;                       // worker threads for gradients
  // L2 strengths tried, strongest first; the one with the best validation
  // ROC-AUC is kept. One value skips the search.
  std::vector<double> l2_grid = {3e-5, 1e-5, 3e-6, 1e-6};
  // Naive-Bayes feature scaling (see trainer.cc): the add-k smoothing of the
  // per-label bucket counts; 0 turns the scaling off. Measured on the site
  // split: ROC-AUC 0.827 with it, 0.815 without (docs/model.md).
  double nb_smoothing = 1.0;
  // With naive-Bayes scaling: measure each bucket's lean within each group
  // (each example's `group`: its dataset) and keep the scale only for
  // buckets that lean the same way in every group that holds them, seen in
  // at least two groups; the others get the floor, so that L2 holds down
  // words that mean one thing in one dataset and the opposite (or nothing
  // known) in another. The scale is then the smallest lean among the
  // groups. Not for data with shared rows.
  bool nb_groups_agree = false;
  int max_iterations = 300;              // L-BFGS iterations per fit
  // Indices (below num_buckets + num_dense) whose weights must stay >= 0:
  // features whose meaning is "less credible" may raise the positive score or
  // do nothing, never lower it. Held by projected L-BFGS. Empty: no bounds.
  std::vector<std::uint32_t> nonnegative;
  // Choose L2 by the mean of the validation ROC-AUCs of each group (each
  // example's `group`; groups with one label are skipped) instead of the
  // pooled ROC-AUC, so that no group's size decides.
  bool select_by_group_auc = false;
  std::string head_name = "positive";    // the trained head's name in the model file
};

struct TrainedModel {
  ModelHead head;            // calibrated weights, bias and decision threshold, ready to write
  double l2 = 0.0;           // the chosen L2 strength
  double platt_scale = 1.0;  // calibration: logit' = scale * logit + shift
  double platt_shift = 0.0;
  double valid_auc = 0.0;    // of the chosen fit, before calibration (calibration keeps the order)
  int iterations = 0;        // L-BFGS iterations of the chosen fit
};

// Trains on `train`, choosing L2 and calibrating on `valid`. Fails with
// kInvalidArgument when either set is empty or holds a single class.
// REQUIRES: every example's shared_rows index its data's shared rows.
[[nodiscard]] Result<TrainedModel> TrainModel(const TrainingData& train, const TrainingData& valid,
                                              const TrainOptions& options);

// Fits Platt scaling: returns {scale, shift} minimising the log loss of
// sigmoid(scale * logit + shift) against `positive`, each example counted
// with its weight (all 1 when `weights` is empty). The scale is kept
// positive, so that calibration never turns a weight's sign.
std::pair<double, double> FitPlatt(const std::vector<double>& logits, const std::vector<bool>& positive,
                                   const std::vector<double>& weights = {});

// Returns the mean ROC-AUC over the groups of `groups` that hold both labels
// (NaN when none does).
double MeanGroupAuc(const std::vector<double>& scores, const std::vector<bool>& positive,
                    const std::vector<std::uint16_t>& groups);

// Returns the calibrated probability of each example under `head`.
std::vector<double> HeadProbabilities(const ModelHead& head, const TrainingData& data);

}  // namespace credence::internal
