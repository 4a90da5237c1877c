// Classifier metrics, computed exactly (AUC by ranking with ties averaged).
#include "model/metrics.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <numeric>

namespace credence::internal {

double RocAuc(const std::vector<double>& scores, const std::vector<bool>& positive) {
  assert(scores.size() == positive.size());
  std::vector<std::size_t> order(scores.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a] < scores[b]; });
  double rank_sum = 0.0;
  std::size_t pos = 0;
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j < order.size() && scores[order[j]] == scores[order[i]]) ++j;
    const double mean_rank = (static_cast<double>(i) + static_cast<double>(j) + 1.0) / 2.0;  // 1-based
    for (std::size_t k = i; k < j; ++k)
      if (positive[order[k]]) {
        rank_sum += mean_rank;
        ++pos;
      }
    i = j;
  }
  const std::size_t neg = scores.size() - pos;
  if (pos == 0 || neg == 0) return std::numeric_limits<double>::quiet_NaN();
  return (rank_sum - static_cast<double>(pos) * (static_cast<double>(pos) + 1.0) / 2.0) /
         (static_cast<double>(pos) * static_cast<double>(neg));
}

double BestMacroF1Threshold(const std::vector<double>& p, const std::vector<bool>& positive) {
  double best = 0.5, best_f1 = ComputeMetrics(p, positive, 0.5).macro_f1;
  for (int k = 5; k <= 95; ++k) {
    const double t = k / 100.0;
    const double f1 = ComputeMetrics(p, positive, t).macro_f1;
    if (f1 > best_f1 + 1e-12) best = t, best_f1 = f1;
  }
  return best;
}

BinaryMetrics ComputeMetrics(const std::vector<double>& p, const std::vector<bool>& positive, double threshold) {
  assert(p.size() == positive.size());
  BinaryMetrics m;
  m.threshold = threshold;
  m.count = p.size();
  std::size_t tp = 0, fp = 0, tn = 0, fn = 0;
  double brier = 0.0;
  std::vector<ReliabilityBin> bins(10);
  std::vector<double> bin_sum(10, 0.0), bin_pos(10, 0.0);
  for (std::size_t i = 0; i < p.size(); ++i) {
    const bool predicted = p[i] >= threshold;
    if (positive[i]) ++m.positives;
    (predicted ? (positive[i] ? tp : fp) : (positive[i] ? fn : tn))++;
    const double y = positive[i] ? 1.0 : 0.0;
    brier += (p[i] - y) * (p[i] - y);
    const auto b = std::min<std::size_t>(9, static_cast<std::size_t>(std::max(0.0, p[i]) * 10.0));
    bin_sum[b] += p[i];
    bin_pos[b] += y;
    ++bins[b].count;
  }
  if (m.count == 0) return m;
  const double n = static_cast<double>(m.count);
  m.accuracy = static_cast<double>(tp + tn) / n;
  auto f1 = [](std::size_t t, std::size_t f_pos, std::size_t f_neg) {
    const double d = 2.0 * static_cast<double>(t) + static_cast<double>(f_pos + f_neg);
    return d == 0 ? 0.0 : 2.0 * static_cast<double>(t) / d;
  };
  m.macro_f1 = (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2.0;
  m.f1 = f1(tp, fp, fn);
  m.precision = tp + fp ? static_cast<double>(tp) / static_cast<double>(tp + fp) : 0.0;
  m.recall = tp + fn ? static_cast<double>(tp) / static_cast<double>(tp + fn) : 0.0;
  m.brier = brier / n;
  for (std::size_t b = 0; b < bins.size(); ++b) {
    if (bins[b].count == 0) continue;
    const double c = static_cast<double>(bins[b].count);
    bins[b].mean_predicted = bin_sum[b] / c;
    bins[b].fraction_positive = bin_pos[b] / c;
    m.ece += c / n * std::abs(bins[b].mean_predicted - bins[b].fraction_positive);
  }
  m.reliability = bins;
  m.roc_auc = RocAuc(p, positive);

  // ROC points: one per distinct threshold, highest score first.
  std::vector<std::size_t> order(p.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return p[a] > p[b]; });
  const double pos = static_cast<double>(m.positives), neg = n - pos;
  double tpr_count = 0, fpr_count = 0;
  m.roc.emplace_back(0.0, 0.0);
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    for (; j < order.size() && p[order[j]] == p[order[i]]; ++j) (positive[order[j]] ? tpr_count : fpr_count) += 1;
    m.roc.emplace_back(neg > 0 ? fpr_count / neg : 0.0, pos > 0 ? tpr_count / pos : 0.0);
    i = j;
  }
  return m;
}

}  // namespace credence::internal
