// L-BFGS logistic regression with an L2 search and Platt calibration.
// Parameters are kept in double while training and stored as float.
#include "model/trainer.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <deque>
#include <map>
#include <numeric>
#include <optional>
#include <thread>

#include "model/linear.h"
#include "model/metrics.h"

namespace credence::internal {
namespace {

// log(1 + exp(-m)) without overflow.
double LogLoss(double margin) { return margin > 0 ? std::log1p(std::exp(-margin)) : -margin + std::log1p(std::exp(margin)); }

double Dot(const std::vector<double>& a, const std::vector<double>& b) {
  double s = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) s += a[i] * b[i];
  return s;
}

// Returns the dot product of x with each shared row (none without rows).
std::vector<double> SharedDots(const std::vector<double>& x, const FeatureRows* shared) {
  std::vector<double> dots;
  if (shared == nullptr) return dots;
  dots.resize(shared->size());
  for (std::size_t r = 0; r < shared->size(); ++r)
    for (std::size_t k = 0; k < shared->row_size(r); ++k) dots[r] += x[shared->row(r)[k].index] * shared->row(r)[k].value;
  return dots;
}

// The objective over `data`: weighted mean log loss + l2/2 |w|^2. x holds the weights
// then the bias as its last element. Fills *grad; returns the value.
class Objective {
 public:
  Objective(const TrainingData& data, std::size_t dims, double l2, int threads)
      : data_(*data.examples), shared_(data.shared), dims_(dims), l2_(l2), threads_(std::max(1, threads)),
        chunks_(kChunks) {
    for (const TrainingExample& ex : data_) total_weight_ += ex.weight;
    for (Chunk& c : chunks_) {
      c.grad.assign(dims_ + 1, 0.0);
      c.touched_mark.assign(dims_ + 1, 0);
    }
  }

  double Evaluate(const std::vector<double>& x, std::vector<double>* grad) const {
    // The examples are cut into kChunks fixed chunks whatever the thread
    // count; each chunk sums into its own buffer and the buffers are added in
    // chunk order, so the result is the same for 1 thread or 16. Only the
    // indices a chunk touched are added and cleared: adding a chunk's zeros
    // would change nothing, and skipping them keeps an evaluation linear in
    // the data rather than in kChunks times the buckets.
    // A shared row's dot product is made once; its examples' d loss / d z
    // are summed per chunk and spread over the row's entries at the end.
    const std::size_t n = data_.size();
    const std::vector<double> shared_dot = SharedDots(x, shared_);
    std::atomic<std::size_t> next_chunk{0};
    auto work = [&] {
      for (std::size_t c = next_chunk++; c < kChunks; c = next_chunk++) {
        Chunk& chunk = chunks_[c];
        std::vector<double>& g = chunk.grad;
        chunk.shared_dz.assign(shared_dot.size(), 0.0);
        double loss = 0.0;
        for (std::size_t i = n * c / kChunks; i < n * (c + 1) / kChunks; ++i) {
          const TrainingExample& ex = data_[i];
          double z = x[dims_];
          for (const FeatureEntry& e : ex.entries) z += x[e.index] * e.value;
          for (std::uint32_t r : ex.shared_rows) z += shared_dot[r];
          const double y = ex.positive ? 1.0 : -1.0;
          const double w = ex.weight;
          loss += w * LogLoss(y * z);
          const double dz = -w * y * Sigmoid(-y * z);  // d loss / d z, weighted
          for (std::uint32_t r : ex.shared_rows) chunk.shared_dz[r] += dz;
          for (const FeatureEntry& e : ex.entries) {
            if (!chunk.touched_mark[e.index]) {
              chunk.touched_mark[e.index] = 1;
              chunk.touched.push_back(e.index);
            }
            g[e.index] += dz * e.value;
          }
          g[dims_] += dz;
        }
        chunk.loss = loss;
      }
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < threads_; ++t) pool.emplace_back(work);
    work();
    for (std::thread& th : pool) th.join();

    grad->assign(dims_ + 1, 0.0);
    double loss = 0.0;
    for (Chunk& chunk : chunks_) {
      loss += chunk.loss;
      for (std::uint32_t k : chunk.touched) {
        (*grad)[k] += chunk.grad[k];
        chunk.grad[k] = 0.0;
        chunk.touched_mark[k] = 0;
      }
      chunk.touched.clear();
      (*grad)[dims_] += chunk.grad[dims_];
      chunk.grad[dims_] = 0.0;
    }
    for (std::size_t r = 0; r < shared_dot.size(); ++r) {
      double dz = 0.0;
      for (const Chunk& chunk : chunks_) dz += chunk.shared_dz[r];
      for (std::size_t k = 0; k < shared_->row_size(r); ++k)
        (*grad)[shared_->row(r)[k].index] += dz * shared_->row(r)[k].value;
    }
    const double inv_n = 1.0 / total_weight_;
    double reg = 0.0;
    for (std::size_t k = 0; k < dims_; ++k) {
      (*grad)[k] = (*grad)[k] * inv_n + l2_ * x[k];
      reg += x[k] * x[k];
    }
    (*grad)[dims_] *= inv_n;
    return loss * inv_n + 0.5 * l2_ * reg;
  }

 private:
  static constexpr std::size_t kChunks = 16;
  // One chunk's scratch, kept between evaluations.
  struct Chunk {
    std::vector<double> grad;                // dims + 1, zero outside `touched`
    std::vector<std::uint8_t> touched_mark;  // 1 for indices in `touched`
    std::vector<std::uint32_t> touched;
    std::vector<double> shared_dz;  // per shared row: the sum of its examples' d loss / d z
    double loss = 0.0;
  };

  const TrainingSet& data_;
  const FeatureRows* shared_;
  std::size_t dims_;
  double l2_;
  int threads_;
  double total_weight_ = 0.0;  // the loss is the weighted mean
  mutable std::vector<Chunk> chunks_;
};

// Zeroes the components of direction d that would take a bounded
// coordinate (bounded[j], held >= 0) at its bound below it.
void HoldAtBounds(const std::vector<char>& bounded, const std::vector<double>& x, std::vector<double>* d) {
  for (std::size_t j = 0; j < bounded.size(); ++j)
    if (bounded[j] && x[j] <= 0.0 && (*d)[j] < 0.0) (*d)[j] = 0.0;
}

// Minimises `objective` from *x with L-BFGS (memory 10, backtracking Armijo
// line search). Coordinates j with bounded[j] (empty: none) are kept >= 0 by
// projection: a step is cut back onto the bound, and the search direction
// leaves a coordinate at its bound when it points below it (projected
// L-BFGS; with few bounded coordinates, as here, it converges as the plain
// method does). Returns the iterations run.
int MinimizeLbfgs(const Objective& objective, std::vector<double>* x, int max_iterations,
                  const std::vector<char>& bounded) {
  constexpr std::size_t kMemory = 10;
  std::vector<double> g, g_new, x_new;
  double f = objective.Evaluate(*x, &g);
  std::deque<std::vector<double>> s_hist, y_hist;
  std::deque<double> rho_hist;
  int it = 0;
  for (; it < max_iterations; ++it) {
    double g_norm = std::sqrt(Dot(g, g));
    if (!bounded.empty()) {  // the projected gradient: a bounded coordinate at 0 pushed below counts for nothing
      std::vector<double> pg = g;
      for (std::size_t j = 0; j < bounded.size(); ++j)
        if (bounded[j] && (*x)[j] <= 0.0 && pg[j] > 0.0) pg[j] = 0.0;
      g_norm = std::sqrt(Dot(pg, pg));
    }
    if (g_norm < 1e-6) break;
    // Two-loop recursion: d = -H g.
    std::vector<double> d = g;
    std::vector<double> alpha(s_hist.size());
    for (std::size_t k = s_hist.size(); k-- > 0;) {
      alpha[k] = rho_hist[k] * Dot(s_hist[k], d);
      for (std::size_t j = 0; j < d.size(); ++j) d[j] -= alpha[k] * y_hist[k][j];
    }
    if (!s_hist.empty()) {
      const double gamma = Dot(s_hist.back(), y_hist.back()) / Dot(y_hist.back(), y_hist.back());
      for (double& v : d) v *= gamma;
    } else {
      for (double& v : d) v /= g_norm;
    }
    for (std::size_t k = 0; k < s_hist.size(); ++k) {
      const double beta = rho_hist[k] * Dot(y_hist[k], d);
      for (std::size_t j = 0; j < d.size(); ++j) d[j] += (alpha[k] - beta) * s_hist[k][j];
    }
    for (double& v : d) v = -v;
    HoldAtBounds(bounded, *x, &d);
    double slope = Dot(g, d);
    if (slope >= 0) {  // not a descent direction: restart from the gradient
      s_hist.clear(), y_hist.clear(), rho_hist.clear();
      d = g;
      for (double& v : d) v = -v / g_norm;
      HoldAtBounds(bounded, *x, &d);
      slope = Dot(g, d);
      if (slope >= 0) break;  // every descent leaves the bounds: a constrained minimum
    }
    double step = 1.0, f_new = 0.0;
    bool accepted = false;
    for (int tries = 0; tries < 30; ++tries, step *= 0.5) {
      x_new = *x;
      for (std::size_t j = 0; j < d.size(); ++j) x_new[j] += step * d[j];
      double expected = step * slope;
      if (!bounded.empty()) {  // cut onto the bounds; the decrease expected is along the actual step
        for (std::size_t j = 0; j < bounded.size(); ++j)
          if (bounded[j] && x_new[j] < 0.0) x_new[j] = 0.0;
        expected = 0.0;
        for (std::size_t j = 0; j < d.size(); ++j) expected += g[j] * (x_new[j] - (*x)[j]);
      }
      f_new = objective.Evaluate(x_new, &g_new);
      if (f_new <= f + 1e-4 * expected) {
        accepted = true;
        break;
      }
    }
    if (!accepted) break;
    std::vector<double> s(x->size()), y(x->size());
    for (std::size_t j = 0; j < s.size(); ++j) {
      s[j] = x_new[j] - (*x)[j];
      y[j] = g_new[j] - g[j];
    }
    const double sy = Dot(s, y);
    if (sy > 1e-12) {
      s_hist.push_back(std::move(s));
      y_hist.push_back(std::move(y));
      rho_hist.push_back(1.0 / sy);
      if (s_hist.size() > kMemory) s_hist.pop_front(), y_hist.pop_front(), rho_hist.pop_front();
    }
    const double decrease = f - f_new;
    std::swap(*x, x_new);
    std::swap(g, g_new);
    f = f_new;
    if (decrease < 1e-9 * std::max(1.0, std::abs(f))) {
      ++it;
      break;
    }
  }
  return it;
}

std::vector<double> Logits(const std::vector<double>& x, std::size_t dims, const TrainingData& data) {
  const std::vector<double> shared_dot = SharedDots(x, data.shared);
  std::vector<double> z;
  z.reserve(data.examples->size());
  for (const TrainingExample& ex : *data.examples) {
    double v = x[dims];
    for (const FeatureEntry& e : ex.entries) v += x[e.index] * e.value;
    for (std::uint32_t r : ex.shared_rows) v += shared_dot[r];
    z.push_back(v);
  }
  return z;
}

std::vector<bool> Labels(const TrainingData& data) {
  std::vector<bool> y;
  for (const TrainingExample& ex : *data.examples) y.push_back(ex.positive);
  return y;
}

bool HasBothClasses(const TrainingData& data) {
  const TrainingSet& set = *data.examples;
  const std::size_t pos = static_cast<std::size_t>(
      std::count_if(set.begin(), set.end(), [](const TrainingExample& e) { return e.positive; }));
  return pos > 0 && pos < set.size();
}

bool SharedRowsInRange(const TrainingData& data) {
  const std::size_t rows = data.shared ? data.shared->size() : 0;
  for (const TrainingExample& ex : *data.examples)
    for (std::uint32_t r : ex.shared_rows)
      if (r >= rows) return false;
  return true;
}

// A copy of `data`'s examples and shared rows with every value scaled by its
// bucket's factor.
struct ScaledData {
  TrainingSet examples;
  FeatureRows shared;
  bool has_shared = false;

  TrainingData view() const { return {examples, has_shared ? &shared : nullptr}; }
};

ScaledData Scale(const TrainingData& in, const std::vector<double>& scale_by) {
  ScaledData out{*in.examples, in.shared ? *in.shared : FeatureRows{}, in.shared != nullptr};
  for (TrainingExample& ex : out.examples)
    for (FeatureEntry& e : ex.entries) e.value = static_cast<float>(e.value * scale_by[e.index]);
  for (FeatureEntry& e : out.shared.entries) e.value = static_cast<float>(e.value * scale_by[e.index]);
  return out;
}

// Replaces scale_by[k] (k < num_buckets) by the smallest |log-count ratio|
// of bucket k within the groups that hold it (+ floor) when the bucket is in
// two groups or more and leans the same way in each; by the floor otherwise.
void AgreeAcrossGroups(const TrainingSet& examples, std::uint32_t num_buckets, double smoothing, double floor,
                       std::vector<double>* scale_by) {
  std::map<std::uint16_t, std::size_t> group_index;
  for (const TrainingExample& ex : examples) group_index.emplace(ex.group, group_index.size());
  const std::size_t groups = group_index.size();
  // Per group and bucket: articles holding it by label; per group: articles by label.
  std::vector<std::uint32_t> pos(groups * num_buckets, 0), neg(groups * num_buckets, 0);
  std::vector<double> total_pos(groups, 0.0), total_neg(groups, 0.0);
  for (const TrainingExample& ex : examples) {
    const std::size_t g = group_index[ex.group];
    (ex.positive ? total_pos : total_neg)[g] += 1.0;
    for (const FeatureEntry& e : ex.entries)
      if (e.index < num_buckets) ++(ex.positive ? pos : neg)[g * num_buckets + e.index];
  }
  for (std::uint32_t k = 0; k < num_buckets; ++k) {
    int sign = 0, held = 0;
    bool agree = true;
    double smallest = 0.0;
    for (std::size_t g = 0; g < groups && agree; ++g) {
      const std::uint32_t p = pos[g * num_buckets + k], n = neg[g * num_buckets + k];
      if (p + n == 0 || total_pos[g] == 0 || total_neg[g] == 0) continue;  // a group of one label says nothing
      const double lean = std::log(((p + smoothing) / (total_pos[g] + smoothing)) /
                                   ((n + smoothing) / (total_neg[g] + smoothing)));
      const int s = lean > 0 ? 1 : lean < 0 ? -1 : 0;
      if (s == 0 || (sign != 0 && s != sign)) agree = false;
      sign = s;
      smallest = held == 0 ? std::abs(lean) : std::min(smallest, std::abs(lean));
      ++held;
    }
    (*scale_by)[k] = agree && held >= 2 ? smallest + floor : floor;
  }
}

}  // namespace

std::vector<double> HeadProbabilities(const ModelHead& head, const TrainingData& data) {
  std::vector<double> shared_dot;
  if (data.shared)
    for (std::size_t r = 0; r < data.shared->size(); ++r)
      shared_dot.push_back(Logit(head.weights, 0.0, data.shared->row(r), data.shared->row_size(r)));
  std::vector<double> p;
  p.reserve(data.examples->size());
  for (const TrainingExample& ex : *data.examples) {
    double shared = 0.0;
    for (std::uint32_t r : ex.shared_rows) shared += shared_dot[r];
    p.push_back(Sigmoid(Logit(head.weights, head.bias + shared, ex.entries)));
  }
  return p;
}

std::pair<double, double> FitPlatt(const std::vector<double>& logits, const std::vector<bool>& positive,
                                   const std::vector<double>& weights) {
  auto loss = [&](double a, double b) {
    double l = 0;
    for (std::size_t i = 0; i < logits.size(); ++i) {
      const double c = weights.empty() ? 1.0 : weights[i];
      const double z = a * logits[i] + b;
      // log(1 + e^-z) for a positive, log(1 + e^z) for a negative, without overflow.
      const double m = positive[i] ? -z : z;
      l += c * (m > 0 ? m + std::log1p(std::exp(-m)) : std::log1p(std::exp(m)));
    }
    return l;
  };
  double a = 1.0, b = 0.0;
  double current = loss(a, b);
  for (int it = 0; it < 100; ++it) {  // Newton's method on the 2-parameter log loss, with step halving
    double ga = 0, gb = 0, haa = 1e-9, hab = 0, hbb = 1e-9;
    for (std::size_t i = 0; i < logits.size(); ++i) {
      const double c = weights.empty() ? 1.0 : weights[i];
      const double p = Sigmoid(a * logits[i] + b);
      const double r = c * (p - (positive[i] ? 1.0 : 0.0));
      const double w = c * p * (1 - p);
      ga += r * logits[i], gb += r;
      haa += w * logits[i] * logits[i], hab += w * logits[i], hbb += w;
    }
    const double det = haa * hbb - hab * hab;
    if (std::abs(det) < 1e-18) break;
    double da = (hbb * ga - hab * gb) / det, db = (haa * gb - hab * ga) / det;
    // A full Newton step from far away (logits all on one side, p near 0 or
    // 1) can overshoot by orders of magnitude: halve it until the loss falls.
    double next = loss(a - da, b - db);
    for (int halving = 0; halving < 40 && !(next <= current); ++halving) {
      da /= 2, db /= 2;
      next = loss(a - da, b - db);
    }
    if (!(next <= current)) break;
    a -= da, b -= db;
    current = next;
    if (std::abs(da) + std::abs(db) < 1e-10) break;
  }
  // A scale at or below 0 would mean the model ranks validation backwards;
  // keeping it positive keeps every weight's sign (and its bound) as trained.
  constexpr double kMinScale = 1e-3;
  if (!(a >= kMinScale)) a = kMinScale;
  return {a, b};
}

double MeanGroupAuc(const std::vector<double>& scores, const std::vector<bool>& positive,
                    const std::vector<std::uint16_t>& groups) {
  std::map<std::uint16_t, std::pair<std::vector<double>, std::vector<bool>>> by_group;
  for (std::size_t i = 0; i < scores.size(); ++i) {
    by_group[groups[i]].first.push_back(scores[i]);
    by_group[groups[i]].second.push_back(positive[i]);
  }
  double sum = 0.0;
  int n = 0;
  for (const auto& [group, sp] : by_group) {
    const double auc = RocAuc(sp.first, sp.second);
    if (std::isnan(auc)) continue;
    sum += auc;
    ++n;
  }
  return n == 0 ? std::nan("") : sum / n;
}

Result<TrainedModel> TrainModel(const TrainingData& train, const TrainingData& valid, const TrainOptions& options) {
  if (train.examples->empty() || valid.examples->empty())
    return Error(StatusCode::kInvalidArgument, "training or validation set is empty");
  if (!HasBothClasses(train) || !HasBothClasses(valid))
    return Error(StatusCode::kInvalidArgument, "training and validation sets must each hold both labels");
  if (options.l2_grid.empty()) return Error(StatusCode::kInvalidArgument, "no L2 strength to try");
  if (!SharedRowsInRange(train) || !SharedRowsInRange(valid))
    return Error(StatusCode::kInternal, "an example names a shared feature row that does not exist");
  const std::size_t dims = std::size_t{options.num_buckets} + options.num_dense;
  const std::vector<bool> valid_labels = Labels(valid);
  // Naive-Bayes scaling (NBSVM, Wang & Manning 2012): each bucket's values
  // are multiplied by |log-count ratio| + kNbFloor, so the L2 penalty falls
  // hardest on n-grams that do not lean to either label. The scale is folded
  // into the stored weights, so scoring needs nothing extra. A shared row
  // counts once for every example that has it.
  constexpr double kNbFloor = 0.1;
  std::vector<double> scale_by(dims, 1.0);
  std::optional<ScaledData> scaled_train, scaled_valid;
  if (options.nb_smoothing > 0) {
    std::vector<double> pos(options.num_buckets, options.nb_smoothing), neg(options.num_buckets, options.nb_smoothing);
    std::vector<double> row_pos(train.shared ? train.shared->size() : 0, 0.0), row_neg(row_pos.size(), 0.0);
    for (const TrainingExample& ex : *train.examples) {
      for (const FeatureEntry& e : ex.entries)
        if (e.index < options.num_buckets) (ex.positive ? pos : neg)[e.index] += ex.weight;
      for (std::uint32_t r : ex.shared_rows) (ex.positive ? row_pos : row_neg)[r] += ex.weight;
    }
    for (std::size_t r = 0; r < row_pos.size(); ++r)
      for (std::size_t k = 0; k < train.shared->row_size(r); ++k)
        if (const std::uint32_t index = train.shared->row(r)[k].index; index < options.num_buckets)
          pos[index] += row_pos[r], neg[index] += row_neg[r];
    const double sp = std::accumulate(pos.begin(), pos.end(), 0.0), sn = std::accumulate(neg.begin(), neg.end(), 0.0);
    for (std::size_t k = 0; k < options.num_buckets; ++k)
      scale_by[k] = std::abs(std::log((pos[k] / sp) / (neg[k] / sn))) + kNbFloor;
    if (options.nb_groups_agree) {
      if (train.shared != nullptr) return Error(StatusCode::kInvalidArgument, "groups must agree: not with shared rows");
      AgreeAcrossGroups(*train.examples, options.num_buckets, options.nb_smoothing, kNbFloor, &scale_by);
    }
    scaled_train = Scale(train, scale_by);
    scaled_valid = Scale(valid, scale_by);
  }
  const TrainingData tr = scaled_train ? scaled_train->view() : train;
  const TrainingData va = scaled_valid ? scaled_valid->view() : valid;

  std::vector<char> bounded;
  for (std::uint32_t k : options.nonnegative) {
    if (k >= dims) return Error(StatusCode::kInvalidArgument, "a bounded feature index is out of range");
    bounded.resize(dims + 1, 0);
    bounded[k] = 1;
  }
  std::vector<std::uint16_t> valid_groups;
  std::vector<double> valid_weights;
  for (const TrainingExample& ex : *valid.examples) {
    valid_groups.push_back(ex.group);
    valid_weights.push_back(ex.weight);
  }

  std::vector<double> x(dims + 1, 0.0);  // warm-started along the grid
  std::vector<double> best_x;
  TrainedModel best;
  best.valid_auc = -1.0;
  for (double l2 : options.l2_grid) {
    const Objective objective(tr, dims, l2, options.threads);
    const int iterations = MinimizeLbfgs(objective, &x, options.max_iterations, bounded);
    const std::vector<double> logits = Logits(x, dims, va);
    double auc = options.select_by_group_auc ? MeanGroupAuc(logits, valid_labels, valid_groups) : std::nan("");
    if (std::isnan(auc)) auc = RocAuc(logits, valid_labels);  // no group holds both labels: pooled
    if (auc > best.valid_auc) {
      best.valid_auc = auc;
      best.l2 = l2;
      best.iterations = iterations;
      best_x = x;
    }
  }

  const std::vector<double> valid_logits = Logits(best_x, dims, va);
  const auto [scale, shift] = FitPlatt(valid_logits, valid_labels, valid_weights);
  best.platt_scale = scale;
  best.platt_shift = shift;
  best.head.name = options.head_name;
  best.head.bias = scale * best_x[dims] + shift;
  best.head.weights.resize(dims);
  // Stored weights are float16; the threshold is chosen on what scoring will see.
  for (std::size_t k = 0; k < dims; ++k)
    best.head.weights[k] = RoundToHalf(static_cast<float>(scale * best_x[k] * scale_by[k]));
  best.head.decision_threshold = BestMacroF1Threshold(HeadProbabilities(best.head, valid), valid_labels);
  return best;
}

}  // namespace credence::internal
