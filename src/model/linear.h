// The arithmetic every linear head shares, in training and in scoring: the
// logit bias + w . x over sparse feature entries, and the logistic function.
#pragma once

#include <cmath>
#include <cstddef>
#include <vector>

#include "model/features.h"

namespace credence::internal {

// Returns 1 / (1 + e^-z), without overflow for large |z|.
inline double Sigmoid(double z) { return z >= 0 ? 1.0 / (1.0 + std::exp(-z)) : std::exp(z) / (1.0 + std::exp(z)); }

// Returns bias + sum of weights[e.index] * e.value over `entries`.
// REQUIRES: every index < weights.size().
inline double Logit(const std::vector<float>& weights, double bias, const FeatureEntry* entries, std::size_t count) {
  double z = bias;
  for (std::size_t i = 0; i < count; ++i) z += static_cast<double>(weights[entries[i].index]) * entries[i].value;
  return z;
}

inline double Logit(const std::vector<float>& weights, double bias, const std::vector<FeatureEntry>& entries) {
  return Logit(weights, bias, entries.data(), entries.size());
}

}  // namespace credence::internal
