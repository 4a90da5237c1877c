// Metrics for a probabilistic binary classifier (positive = unreliable):
// accuracy and macro-F1 at a decision threshold (default 0.5), ROC-AUC (ties averaged), Brier
// score, expected calibration error over 10 equal-width bins, and the points
// of the ROC curve and reliability diagram for plotting.
#pragma once

#include <cstddef>
#include <vector>

namespace credence::internal {

struct ReliabilityBin {
  double mean_predicted = 0.0;
  double fraction_positive = 0.0;
  std::size_t count = 0;
};

struct BinaryMetrics {
  std::size_t count = 0;
  std::size_t positives = 0;
  double threshold = 0.5;  // the decision threshold accuracy and macro-F1 used
  double accuracy = 0.0;
  double macro_f1 = 0.0;
  double precision = 0.0;  // of the positive class at the threshold
  double recall = 0.0;
  double f1 = 0.0;         // of the positive class
  double roc_auc = 0.0;  // NaN when only one class is present
  double brier = 0.0;
  double ece = 0.0;
  std::vector<std::pair<double, double>> roc;  // (false positive rate, true positive rate), from (0,0) to (1,1)
  std::vector<ReliabilityBin> reliability;     // 10 bins over [0, 1]
};

// Returns the metrics of probabilities `p` against labels `positive`.
// REQUIRES: p.size() == positive.size().
// An article counts as predicted unreliable when p >= threshold.
BinaryMetrics ComputeMetrics(const std::vector<double>& p, const std::vector<bool>& positive, double threshold = 0.5);

// Returns the threshold in [0.05, 0.95] (steps of 0.01) that maximises
// macro-F1 of `p` against `positive`; 0.5 wins ties.
double BestMacroF1Threshold(const std::vector<double>& p, const std::vector<bool>& positive);

// Returns the ROC-AUC of scores against labels (NaN with one class only).
double RocAuc(const std::vector<double>& scores, const std::vector<bool>& positive);

}  // namespace credence::internal
