// Tests for the trainer on small synthetic sets: it learns which features
// point which way, refuses sets it cannot learn from, gives the same weights
// whatever the thread count, and its Platt step recovers a known sigmoid and
// is folded into the stored weights.
#include "model/trainer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "model/metrics.h"

namespace credence::internal {
namespace {

constexpr std::uint32_t kBuckets = 16;
constexpr std::uint32_t kDense = 4;  // dense features the examples never use
constexpr std::uint32_t kUnreliableFeature = 3;
constexpr std::uint32_t kReliableFeature = 7;

// A small deterministic generator (splitmix64), so the data never depends
// on the standard library's distributions.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }  // [0, 1)

 private:
  std::uint64_t state_;
};

// Feature 3 mostly marks unreliable examples, feature 7 reliable ones; two
// noise features each, and about 5% of labels flipped.
TrainingSet MakeSet(std::size_t n, std::uint64_t seed) {
  Rng rng(seed);
  TrainingSet set;
  for (std::size_t i = 0; i < n; ++i) {
    TrainingExample ex;
    const bool unreliable = i % 2 == 0;
    if (rng.Uniform() < 0.9) ex.entries.push_back({unreliable ? kUnreliableFeature : kReliableFeature, 1.0f});
    for (int k = 0; k < 2; ++k) {
      std::uint32_t noise = static_cast<std::uint32_t>(rng.Next() % kBuckets);
      if (noise == kUnreliableFeature || noise == kReliableFeature) noise = 0;
      ex.entries.push_back({noise, static_cast<float>(rng.Uniform())});
    }
    ex.positive = rng.Uniform() < 0.05 ? !unreliable : unreliable;
    set.push_back(std::move(ex));
  }
  return set;
}

TrainOptions SmallOptions(int threads) {
  return TrainOptions{.num_buckets = kBuckets,
                      .num_dense = kDense,
                      .threads = threads,
                      .l2_grid = {1e-2, 1e-3},
                      .head_name = "unit"};
}

double Sigmoid(double z) { return 1.0 / (1.0 + std::exp(-z)); }

TEST(Trainer, LearnsWhichWayFeaturesPoint) {
  const TrainingSet train = MakeSet(400, 1), valid = MakeSet(200, 2);
  Result<TrainedModel> m = TrainModel(train, valid, SmallOptions(2));
  ASSERT_TRUE(m) << m.error().ToString();
  const ModelHead& p = m->head;
  ASSERT_EQ(p.weights.size(), std::size_t{kBuckets} + kDense);
  EXPECT_GT(p.weights[kUnreliableFeature], 0.5f);
  EXPECT_LT(p.weights[kReliableFeature], -0.5f);
  EXPECT_GT(m->valid_auc, 0.9);
  EXPECT_EQ(p.name, "unit");
  EXPECT_GT(p.decision_threshold, 0.0);
  EXPECT_LT(p.decision_threshold, 1.0);
  EXPECT_GT(m->iterations, 0);
  // Dense features never appear in the data, so L2 keeps them at 0.
  for (std::size_t k = kBuckets; k < p.weights.size(); ++k) EXPECT_EQ(p.weights[k], 0.0f) << k;
}

TEST(Trainer, RefusesEmptyOrOneClassSets) {
  const TrainingSet good = MakeSet(40, 3);
  TrainingSet one_class = good;
  for (TrainingExample& ex : one_class) ex.positive = true;
  for (const auto& [train, valid] : {std::pair{TrainingSet{}, good}, std::pair{good, TrainingSet{}},
                                     std::pair{one_class, good}, std::pair{good, one_class}}) {
    Result<TrainedModel> m = TrainModel(train, valid, SmallOptions(1));
    ASSERT_FALSE(m);
    EXPECT_EQ(m.error().code(), StatusCode::kInvalidArgument) << m.error().ToString();
  }
  TrainOptions no_grid = SmallOptions(1);
  no_grid.l2_grid.clear();
  Result<TrainedModel> m = TrainModel(good, good, no_grid);
  ASSERT_FALSE(m);
  EXPECT_EQ(m.error().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(TrainModel(good, good, SmallOptions(1)));
}

TEST(Trainer, SameWeightsWhateverTheThreadCount) {
  const TrainingSet train = MakeSet(301, 4), valid = MakeSet(101, 5);
  Result<TrainedModel> one = TrainModel(train, valid, SmallOptions(1));
  Result<TrainedModel> three = TrainModel(train, valid, SmallOptions(3));
  Result<TrainedModel> three_again = TrainModel(train, valid, SmallOptions(3));
  ASSERT_TRUE(one && three && three_again);
  EXPECT_EQ(three->head.weights, three_again->head.weights);
  EXPECT_EQ(three->head.bias, three_again->head.bias);
  EXPECT_EQ(one->head.weights, three->head.weights);
  EXPECT_EQ(one->l2, three->l2);
  EXPECT_EQ(one->iterations, three->iterations);
}

// trainer.h promises the same model whatever the thread count; the bias is
// stored as a double, so it must match to the bit as well.
TEST(Trainer, SameBiasWhateverTheThreadCount) {
  const TrainingSet train = MakeSet(301, 4), valid = MakeSet(101, 5);
  Result<TrainedModel> one = TrainModel(train, valid, SmallOptions(1));
  Result<TrainedModel> three = TrainModel(train, valid, SmallOptions(3));
  ASSERT_TRUE(one && three);
  EXPECT_EQ(one->head.bias, three->head.bias);
  EXPECT_EQ(one->platt_scale, three->platt_scale);
  EXPECT_EQ(one->platt_shift, three->platt_shift);
}

TEST(Trainer, StoredWeightsAreScaledByPlatt) {
  const TrainingSet train = MakeSet(400, 6), valid = MakeSet(300, 7);
  Result<TrainedModel> m = TrainModel(train, valid, SmallOptions(2));
  ASSERT_TRUE(m) << m.error().ToString();
  EXPECT_GT(m->platt_scale, 0.0);
  // Undo the calibration: raw = (calibrated - shift) / scale. Fitting Platt on
  // the raw logits must give back the same scale and shift.
  std::vector<double> raw, calibrated;
  std::vector<bool> labels;
  for (const TrainingExample& ex : valid) {
    const double z = Logit(m->head.weights, m->head.bias, ex.entries);
    calibrated.push_back(z);
    raw.push_back((z - m->platt_shift) / m->platt_scale);
    labels.push_back(ex.positive);
  }
  // The stored weights are rounded to float16 (relative error up to 2^-11),
  // so the logits they give match the calibrated fit to about 1e-3, not 1e-4.
  const auto [scale, shift] = FitPlatt(raw, labels);
  EXPECT_NEAR(scale, m->platt_scale, 1e-3 * std::abs(m->platt_scale));
  EXPECT_NEAR(shift, m->platt_shift, 1e-3 * std::max(1.0, std::abs(m->platt_shift)));
  // Calibrated logits are then already calibrated: refitting gives (1, 0).
  const auto [scale1, shift1] = FitPlatt(calibrated, labels);
  EXPECT_NEAR(scale1, 1.0, 1e-3);
  EXPECT_NEAR(shift1, 0.0, 1e-3);
  // Calibration keeps the order, so the AUC is the one reported.
  EXPECT_NEAR(RocAuc(calibrated, labels), m->valid_auc, 1e-9);
}

TEST(Trainer, LogitIsBiasPlusWeightedSum) {
  const std::vector<float> w = {0.5f, -2.0f, 0.0f, 4.0f};
  EXPECT_DOUBLE_EQ(Logit(w, 0.25, {}), 0.25);
  EXPECT_DOUBLE_EQ(Logit(w, 0.25, {{0, 2.0f}, {1, 0.5f}, {3, 0.25f}}), 0.25 + 1.0 - 1.0 + 1.0);
}

TEST(Trainer, PlattRecoversAKnownSigmoid) {
  Rng rng(42);
  std::vector<double> logits;
  std::vector<bool> labels;
  for (int i = 0; i < 40000; ++i) {
    const double z = -4.0 + 8.0 * rng.Uniform();
    logits.push_back(z);
    labels.push_back(rng.Uniform() < Sigmoid(2.0 * z - 1.0));
  }
  const auto [scale, shift] = FitPlatt(logits, labels);
  EXPECT_NEAR(scale, 2.0, 0.1);
  EXPECT_NEAR(shift, -1.0, 0.1);
}

TEST(Trainer, PlattLeavesCalibratedLogitsAlone) {
  Rng rng(7);
  std::vector<double> logits;
  std::vector<bool> labels;
  for (int i = 0; i < 40000; ++i) {
    const double z = -3.0 + 6.0 * rng.Uniform();
    logits.push_back(z);
    labels.push_back(rng.Uniform() < Sigmoid(z));
  }
  const auto [scale, shift] = FitPlatt(logits, labels);
  EXPECT_NEAR(scale, 1.0, 0.08);
  EXPECT_NEAR(shift, 0.0, 0.08);
}

}  // namespace
}  // namespace credence::internal

namespace credence::internal {
namespace {

// Moves each example's noise features into one of a few shared rows (as a
// sentence's words are shared by its tokens) and returns the rows; the
// examples then name their row instead of holding the entries.
FeatureRows ShareNoise(TrainingSet* set, std::size_t rows) {
  FeatureRows shared;
  for (std::size_t r = 0; r < rows; ++r) {
    shared.entries.push_back({static_cast<std::uint32_t>(r % kBuckets), 0.5f});
    shared.entries.push_back({static_cast<std::uint32_t>((r * 5 + 1) % kBuckets), 0.25f});
    shared.EndRow();
  }
  for (std::size_t i = 0; i < set->size(); ++i) (*set)[i].shared_rows = {static_cast<std::uint32_t>(i % rows)};
  return shared;
}

// The same examples with the shared rows written out into each.
TrainingSet Inlined(TrainingSet set, const FeatureRows& shared) {
  for (TrainingExample& ex : set) {
    for (std::uint32_t r : ex.shared_rows) ex.entries.insert(ex.entries.end(), shared.row(r), shared.row(r) + shared.row_size(r));
    ex.shared_rows.clear();
  }
  return set;
}

TEST(Trainer, SharedRowsTrainAsIfWrittenIntoEachExample) {
  TrainingSet train = MakeSet(300, 11), valid = MakeSet(120, 12);
  const FeatureRows train_rows = ShareNoise(&train, 7), valid_rows = ShareNoise(&valid, 5);
  Result<TrainedModel> shared = TrainModel({train, &train_rows}, {valid, &valid_rows}, SmallOptions(2));
  Result<TrainedModel> inlined = TrainModel(Inlined(train, train_rows), Inlined(valid, valid_rows), SmallOptions(2));
  ASSERT_TRUE(shared && inlined);
  // The sums run in another order, so the weights agree to rounding, not to the bit.
  ASSERT_EQ(shared->head.weights.size(), inlined->head.weights.size());
  for (std::size_t k = 0; k < shared->head.weights.size(); ++k)
    EXPECT_NEAR(shared->head.weights[k], inlined->head.weights[k], 1e-3) << k;
  EXPECT_NEAR(shared->head.bias, inlined->head.bias, 1e-6);
  EXPECT_NEAR(shared->valid_auc, inlined->valid_auc, 1e-9);
  const std::vector<double> p = HeadProbabilities(shared->head, {valid, &valid_rows});
  const std::vector<double> q = HeadProbabilities(shared->head, Inlined(valid, valid_rows));
  for (std::size_t i = 0; i < p.size(); ++i) EXPECT_NEAR(p[i], q[i], 1e-9) << i;
  // Same weights whatever the thread count, shared rows or not.
  Result<TrainedModel> one = TrainModel({train, &train_rows}, {valid, &valid_rows}, SmallOptions(1));
  ASSERT_TRUE(one);
  EXPECT_EQ(one->head.weights, shared->head.weights);
  EXPECT_EQ(one->head.bias, shared->head.bias);
}

TEST(Trainer, RefusesASharedRowThatDoesNotExist) {
  TrainingSet train = MakeSet(50, 13), valid = MakeSet(30, 14);
  const FeatureRows rows = ShareNoise(&train, 3);
  train[4].shared_rows = {3};
  Result<TrainedModel> m = TrainModel({train, &rows}, valid, SmallOptions(1));
  ASSERT_FALSE(m);
  EXPECT_EQ(m.error().code(), StatusCode::kInternal);
}

}  // namespace
}  // namespace credence::internal

namespace credence::internal {
namespace {

// Feature 7 marks reliable examples; held >= 0, its weight stays at 0 and
// the model still learns feature 3, with the fit as good as it can be.
TEST(Trainer, BoundedWeightsStayAtOrAboveZero) {
  const TrainingSet train = MakeSet(400, 11), valid = MakeSet(200, 12);
  TrainOptions options = SmallOptions(2);
  options.nonnegative = {kReliableFeature, kUnreliableFeature};
  Result<TrainedModel> m = TrainModel(train, valid, options);
  ASSERT_TRUE(m) << m.error().ToString();
  EXPECT_EQ(m->head.weights[kReliableFeature], 0.0f);  // would be < -0.5 unbounded
  EXPECT_GT(m->head.weights[kUnreliableFeature], 0.5f);
  EXPECT_GT(m->valid_auc, 0.8);
  options.nonnegative = {kBuckets + kDense};  // out of range
  EXPECT_FALSE(TrainModel(train, valid, options));
}

// An example of weight 2 counts as that example twice.
TEST(Trainer, WeightTwoIsTheExampleTwice) {
  const TrainingSet base = MakeSet(200, 13), valid = MakeSet(100, 14);
  TrainingSet doubled = base, weighted = base;
  for (std::size_t i = 0; i < base.size(); i += 3) {
    doubled.push_back(base[i]);
    weighted[i].weight = 2.0f;
  }
  TrainOptions options = SmallOptions(1);
  options.l2_grid = {1e-3};
  options.nb_smoothing = 0;  // NB counts are weighted too, but smoothing differs with n
  Result<TrainedModel> a = TrainModel(doubled, valid, options), b = TrainModel(weighted, valid, options);
  ASSERT_TRUE(a && b);
  for (std::size_t k = 0; k < a->head.weights.size(); ++k) EXPECT_NEAR(a->head.weights[k], b->head.weights[k], 2e-3) << k;
  EXPECT_NEAR(a->head.bias, b->head.bias, 2e-3);
}

// A word that marks unreliable articles in one dataset only (a topic, not a
// cue) keeps only the floor of the naive-Bayes scale when datasets must agree,
// so its weight shrinks; a word that leans alike in both keeps its weight.
TEST(Trainer, GroupsMustAgreeShrinksAOneDatasetWord) {
  constexpr std::uint32_t kOneDatasetWord = 5;
  auto make = [&](std::size_t n, std::uint64_t seed) {
    TrainingSet set = MakeSet(n, seed);
    for (std::size_t i = 0; i < set.size(); ++i) {
      set[i].group = i % 4 < 2 ? 1 : 2;
      if (set[i].group == 1 && set[i].positive) set[i].entries.push_back({kOneDatasetWord, 1.0f});
    }
    return set;
  };
  const TrainingSet train = make(800, 21), valid = make(400, 22);
  TrainOptions options = SmallOptions(2);
  options.l2_grid = {1e-2};
  Result<TrainedModel> free = TrainModel(train, valid, options);
  options.nb_groups_agree = true;
  Result<TrainedModel> agree = TrainModel(train, valid, options);
  ASSERT_TRUE(free && agree);
  EXPECT_LT(std::abs(agree->head.weights[kOneDatasetWord]), 0.5 * std::abs(free->head.weights[kOneDatasetWord]));
  EXPECT_GT(agree->head.weights[kUnreliableFeature], 0.5f);
}

TEST(Trainer, MeanGroupAucSkipsOneLabelGroups) {
  const std::vector<double> scores = {0.1, 0.9, 0.2, 0.8, 0.5, 0.4};
  const std::vector<bool> positive = {false, true, true, false, true, true};
  const std::vector<std::uint16_t> groups = {1, 1, 2, 2, 3, 3};
  EXPECT_DOUBLE_EQ(MeanGroupAuc(scores, positive, groups), 0.5);  // (1 + 0) / 2; group 3 has one label
  EXPECT_TRUE(std::isnan(MeanGroupAuc({0.5}, {true}, {1})));
}

TEST(Trainer, PlattScaleStaysPositive) {
  // Logits that rank backwards would want a negative scale.
  const auto [scale, shift] = FitPlatt({-2, -1, 1, 2}, {true, true, false, false});
  EXPECT_GT(scale, 0.0);
  (void)shift;
}

}  // namespace
}  // namespace credence::internal
