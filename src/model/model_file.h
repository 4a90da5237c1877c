// The model file, shared by every linear model credence trains: the content
// model and the learned detectors (propaganda spans and techniques,
// check-worthy claims, clickbait headlines). A fixed 160-byte header, then
// one or more heads' weights as little-endian float16, then a table with
// each head's name, bias and decision threshold. One head is a logistic
// regression over [num_buckets hashed n-gram weights][num_dense weights];
// several heads over the same features make a one-vs-rest classifier. The
// layout is documented in docs/model.md (The model file); bump
// kModelFormatVersion on any change. Weights are float32 in memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "credence/status.h"

namespace credence::internal {

inline constexpr char kModelMagic[8] = {'C', 'R', 'E', 'D', 'M', 'O', 'D', 'L'};
inline constexpr std::uint32_t kModelFormatVersion = 2;
inline constexpr std::size_t kModelHeaderBytes = 160;
inline constexpr std::size_t kModelHeadEntryBytes = 64;
inline constexpr std::size_t kMaxHeadNameBytes = 39;
inline constexpr std::size_t kMaxRunIdBytes = 63;
inline constexpr std::size_t kMaxFeatureSetBytes = 31;

// What the weights are computed over: a feature set's name ("content",
// "claims", ...) and the names of its dense features in index order. Its
// hash is stored in every model, so a model trained on other features (or
// for another task) is refused rather than misread.
struct FeatureSetId {
  std::string name;
  std::vector<std::string> dense_names;

  std::uint64_t Hash() const;
};

// One logistic regression: bias + weights . x, calibrated.
struct ModelHead {
  std::string name;                 // at most 39 bytes: "unreliable", "Loaded_Language", ...
  double bias = 0.0;
  double decision_threshold = 0.5;  // the probability from which evaluation counts the positive class
  // A span model's second threshold: a passage seeded by a token at
  // decision_threshold extends over neighbours down to this probability.
  // 0 for other heads.
  double extend_threshold = 0.0;
  std::vector<float> weights;       // num_buckets + num_dense
};

// What a model file holds, in memory (for writing).
struct ModelParams {
  std::string feature_set;                // FeatureSetId::name, at most 31 bytes
  std::vector<std::string> dense_names;   // FeatureSetId::dense_names
  std::uint32_t num_buckets = 0;          // a power of two
  std::string run_id;                     // at most 63 bytes, e.g. "site-n15726"
  std::vector<ModelHead> heads;           // at least one

  FeatureSetId feature_set_id() const { return {feature_set, dense_names}; }
};

// Writes `params` to `path` (through a temporary file, renamed into place).
// Weights are stored as float16 (round to nearest even).
[[nodiscard]] Status WriteModelFile(const std::string& path, const ModelParams& params);

// Returns `value` rounded to float16 and back: what a written weight reads back as.
float RoundToHalf(float value);

// A loaded model file: its heads' weights, decoded to float32.
class ModelFile {
 public:
  // Reads and checks `path`: magic, version, sizes, the checksum, and that it
  // was trained over `expected` features. Fails with kNotFound, kIoError or
  // kDataError (with a message saying what is wrong).
  [[nodiscard]] static Result<ModelFile> Open(const std::string& path, const FeatureSetId& expected);

  // Returns the model `params` describe, as loading it from a written file
  // would give it (weights rounded to float16), without a file.
  static ModelFile FromParams(const ModelParams& params);

  struct Head {
    std::string name;
    double bias = 0.0;
    double decision_threshold = 0.5;
    double extend_threshold = 0.0;
    std::vector<float> weights;  // num_buckets + num_dense
  };

  std::uint32_t num_buckets() const { return num_buckets_; }
  std::size_t num_dense() const { return num_dense_; }
  const std::string& feature_set() const { return feature_set_; }
  const std::string& run_id() const { return run_id_; }
  const std::vector<Head>& heads() const { return heads_; }
  const Head& head(std::size_t k) const { return heads_[k]; }
  // "v2/b262144/site-n15726": format version, buckets and run id.
  std::string id() const;

 private:
  std::uint32_t num_buckets_ = 0;
  std::size_t num_dense_ = 0;
  std::string feature_set_;
  std::string run_id_;
  std::vector<Head> heads_;
};

}  // namespace credence::internal
