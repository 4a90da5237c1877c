// Tests for the classifier metrics on cases small enough to work out by
// hand: ROC-AUC with ties, accuracy, macro-F1, Brier, ECE, the ROC points
// and the macro-F1 threshold search.
#include "model/metrics.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace credence::internal {
namespace {

TEST(Metrics, RocAucPerfectRankingIsOne) {
  EXPECT_DOUBLE_EQ(RocAuc({0.1, 0.2, 0.8, 0.9}, {false, false, true, true}), 1.0);
}

TEST(Metrics, RocAucReversedRankingIsZero) {
  EXPECT_DOUBLE_EQ(RocAuc({0.9, 0.8, 0.2, 0.1}, {false, false, true, true}), 0.0);
}

TEST(Metrics, RocAucAllTiedIsOneHalf) {
  EXPECT_DOUBLE_EQ(RocAuc({0.5, 0.5, 0.5, 0.5, 0.5}, {true, false, true, false, false}), 0.5);
}

TEST(Metrics, RocAucCountsPairsAndHalvesTies) {
  // Positives {0.35, 0.8}, negatives {0.1, 0.4}: 3 of 4 pairs ranked right.
  EXPECT_DOUBLE_EQ(RocAuc({0.1, 0.4, 0.35, 0.8}, {false, false, true, true}), 0.75);
  // Positives {0.4, 0.8}, negatives {0.1, 0.4}: 3 right and one tie -> 3.5 / 4.
  EXPECT_DOUBLE_EQ(RocAuc({0.1, 0.4, 0.4, 0.8}, {false, false, true, true}), 0.875);
}

TEST(Metrics, RocAucOneClassIsNaN) {
  EXPECT_TRUE(std::isnan(RocAuc({0.1, 0.7, 0.9}, {true, true, true})));
  EXPECT_TRUE(std::isnan(RocAuc({0.1, 0.7, 0.9}, {false, false, false})));
  EXPECT_TRUE(std::isnan(RocAuc({}, {})));
}

// p and labels chosen so every number below can be checked by hand.
const std::vector<double> kP = {0.95, 0.85, 0.35, 0.65, 0.15, 0.12};
const std::vector<bool> kY = {true, true, true, false, false, true};

TEST(Metrics, MatchesHandComputedValues) {
  BinaryMetrics m = ComputeMetrics(kP, kY);
  EXPECT_EQ(m.count, 6u);
  EXPECT_EQ(m.positives, 4u);
  EXPECT_DOUBLE_EQ(m.threshold, 0.5);
  // Predicted {1,1,0,1,0,0}: tp 2, fn 2, fp 1, tn 1.
  EXPECT_DOUBLE_EQ(m.accuracy, 3.0 / 6.0);
  // F1(unreliable) = 4/7, F1(reliable) = 2/5.
  EXPECT_NEAR(m.macro_f1, (4.0 / 7.0 + 2.0 / 5.0) / 2.0, 1e-12);
  // (0.05^2 + 0.15^2 + 0.65^2 + 0.65^2 + 0.15^2 + 0.88^2) / 6
  EXPECT_NEAR(m.brier, 1.6669 / 6.0, 1e-12);
  // Bins 9, 8, 3, 6 hold one each; bin 1 holds 0.15 and 0.12 (mean 0.135, half positive).
  EXPECT_NEAR(m.ece, (0.05 + 0.15 + 0.65 + 0.65 + 2 * 0.365) / 6.0, 1e-12);
  ASSERT_EQ(m.reliability.size(), 10u);
  EXPECT_EQ(m.reliability[1].count, 2u);
  EXPECT_NEAR(m.reliability[1].mean_predicted, 0.135, 1e-12);
  EXPECT_NEAR(m.reliability[1].fraction_positive, 0.5, 1e-12);
  EXPECT_EQ(m.reliability[0].count, 0u);
  // Pairs ranked right: 2 + 2 + 1 + 0 of 8.
  EXPECT_DOUBLE_EQ(m.roc_auc, 5.0 / 8.0);
}

TEST(Metrics, ThresholdChangesPredictions) {
  BinaryMetrics at_half = ComputeMetrics(kP, kY, 0.5);
  BinaryMetrics at_035 = ComputeMetrics(kP, kY, 0.35);  // p >= threshold: 0.35 now counts
  BinaryMetrics at_036 = ComputeMetrics(kP, kY, 0.36);
  EXPECT_DOUBLE_EQ(at_035.threshold, 0.35);
  // At 0.35: predicted {1,1,1,1,0,0}: tp 3, fn 1, fp 1, tn 1.
  EXPECT_DOUBLE_EQ(at_035.accuracy, 4.0 / 6.0);
  EXPECT_NEAR(at_035.macro_f1, (6.0 / 8.0 + 2.0 / 4.0) / 2.0, 1e-12);
  EXPECT_DOUBLE_EQ(at_036.accuracy, at_half.accuracy);
  // At 0.1 everything is predicted unreliable: tp 4, fp 2.
  BinaryMetrics low = ComputeMetrics(kP, kY, 0.1);
  EXPECT_DOUBLE_EQ(low.accuracy, 4.0 / 6.0);
  EXPECT_NEAR(low.macro_f1, (8.0 / 10.0 + 0.0) / 2.0, 1e-12);
  // Threshold-free numbers do not move.
  EXPECT_DOUBLE_EQ(low.roc_auc, at_half.roc_auc);
  EXPECT_DOUBLE_EQ(low.brier, at_half.brier);
  EXPECT_DOUBLE_EQ(low.ece, at_half.ece);
}

TEST(Metrics, RocRunsFromOriginToOneOne) {
  BinaryMetrics m = ComputeMetrics(kP, kY);
  ASSERT_EQ(m.roc.size(), kP.size() + 1);  // all scores distinct
  EXPECT_EQ(m.roc.front(), std::make_pair(0.0, 0.0));
  EXPECT_EQ(m.roc.back(), std::make_pair(1.0, 1.0));
  for (std::size_t i = 1; i < m.roc.size(); ++i) {
    EXPECT_GE(m.roc[i].first, m.roc[i - 1].first);
    EXPECT_GE(m.roc[i].second, m.roc[i - 1].second);
  }
  // Highest score first: 0.95 is a positive.
  EXPECT_DOUBLE_EQ(m.roc[1].first, 0.0);
  EXPECT_DOUBLE_EQ(m.roc[1].second, 0.25);
  // The trapezoid area under the points is the AUC.
  double area = 0.0;
  for (std::size_t i = 1; i < m.roc.size(); ++i)
    area += (m.roc[i].first - m.roc[i - 1].first) * (m.roc[i].second + m.roc[i - 1].second) / 2.0;
  EXPECT_NEAR(area, m.roc_auc, 1e-12);
}

TEST(Metrics, TiedScoresMakeOneRocPoint) {
  BinaryMetrics m = ComputeMetrics({0.3, 0.3, 0.7, 0.7}, {false, true, false, true});
  ASSERT_EQ(m.roc.size(), 3u);
  EXPECT_EQ(m.roc[1], std::make_pair(0.5, 0.5));
  EXPECT_EQ(m.roc.back(), std::make_pair(1.0, 1.0));
}

TEST(Metrics, BestThresholdSeparatesASeparableSet) {
  // Every unreliable article scores above every reliable one, but below 0.5.
  const std::vector<double> p = {0.05, 0.1, 0.15, 0.2, 0.3, 0.4};
  const std::vector<bool> y = {false, false, false, true, true, true};
  EXPECT_LT(ComputeMetrics(p, y, 0.5).macro_f1, 1.0);
  const double t = BestMacroF1Threshold(p, y);
  EXPECT_GT(t, 0.15);
  EXPECT_LE(t, 0.2);
  EXPECT_DOUBLE_EQ(ComputeMetrics(p, y, t).macro_f1, 1.0);
}

TEST(Metrics, BestThresholdKeepsOneHalfOnTies) {
  const std::vector<double> p = {0.1, 0.2, 0.8, 0.9};
  const std::vector<bool> y = {false, false, true, true};
  EXPECT_DOUBLE_EQ(BestMacroF1Threshold(p, y), 0.5);
}

}  // namespace
}  // namespace credence::internal
