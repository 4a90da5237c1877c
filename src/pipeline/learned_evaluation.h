// The evaluation of the learned detectors behind `credence eval --tasks DIR`:
//
// - propaganda, 5-fold cross-validation by article over PTC's 371 training
//   articles (the only part with gold labels): fold k tests, fold k+1
//   validates (L2, calibration, the span threshold), the other three train.
//   Span identification is scored with the task's partial-overlap P/R/F1,
//   pooled over the five test folds; technique classification labels each
//   gold passage (a span the corpus gives k techniques gets the k most
//   probable), scored by micro-F1 as the task's scorer does, and per technique.
// - check-worthy claims: ClaimBuster's own test part, trained on its train
//   part with a tenth held out for validation.
// - clickbait headlines: the random split and the publisher split
//   (tools/build_task_data.py), with step 1's hand-written rule scored on the
//   same test headlines.
#pragma once

#include <array>
#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

#include "credence/detections.h"
#include "model/metrics.h"
#include "model/span_metrics.h"
#include "pipeline/learned_training.h"

namespace credence::internal {

struct TechniqueScores {
  std::size_t gold = 0;       // gold labels of this technique
  std::size_t predicted = 0;  // predictions of it
  std::size_t correct = 0;
  double si_recall_sum = 0.0;  // span identification: sum over its gold spans of |s ∩ t| / |t|
  std::size_t si_spans = 0;    // its gold spans covered by any token
};

struct PropagandaEvaluation {
  std::size_t articles = 0;
  std::size_t gold_spans = 0;
  std::size_t uncovered_spans = 0;  // gold spans over text the extract stage removed
  SpanOverlapScore spans;           // pooled over the test folds
  std::vector<double> fold_span_f1;
  std::vector<double> fold_thresholds;         // the span model's seed threshold per fold
  std::vector<double> fold_extend_thresholds;  // and its extend threshold
  std::size_t labels = 0;           // technique classification: gold labels
  std::size_t correct = 0;
  std::size_t majority_correct = 0;  // always the most frequent technique of the training folds
  std::array<TechniqueScores, kTechniqueCount> by_technique{};
  double seconds = 0.0;

  double micro_f1() const { return labels ? static_cast<double>(correct) / static_cast<double>(labels) : 0.0; }
};

struct SliceEvaluation {
  std::string task;   // "claims" or "clickbait"
  std::string split;  // "part", "random", "publisher"
  std::string model;  // "credence" or "hand-written rule"
  std::size_t train = 0, valid = 0;
  BinaryMetrics test;
  double seconds = 0.0;
};

struct LearnedEvaluation {
  PropagandaEvaluation propaganda;
  std::vector<SliceEvaluation> slices;
  std::vector<std::string> notes;
};

// Runs the propaganda cross-validation on `articles`.
[[nodiscard]] Result<PropagandaEvaluation> EvaluatePropaganda(const AnalysedArticles& articles,
                                                              const LearnedTrainOptions& options, std::ostream& log);

// Trains on the records' train part under `split_field`, calibrates on
// valid, and measures on test.
[[nodiscard]] Result<SliceEvaluation> EvaluateSliceModel(const std::vector<LabelledText>& records,
                                                         const std::string& task, const std::string& split_field,
                                                         const FeatureSetId& feature_set, SliceExtractor extract,
                                                         std::uint32_t num_buckets, const LearnedTrainOptions& options);

// Scores the test headlines under `split_field` with step 1's hand-written
// clickbait rule; its decision threshold is the one that maximises macro-F1
// on the valid headlines.
SliceEvaluation EvaluateClickbaitRule(const std::vector<LabelledText>& records, const std::string& split_field);

}  // namespace credence::internal
