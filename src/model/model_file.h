// The model file: a fixed 128-byte header, then the weights as little-endian
// float32, [num_buckets hashed n-gram weights][num_dense cue weights]. The
// layout is documented in docs/model.md (The model file); bump kModelFormatVersion on
// any change. Files are read by memory mapping (MappedModelFile).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "credence/status.h"

namespace credence::internal {

inline constexpr char kModelMagic[8] = {'C', 'R', 'E', 'D', 'M', 'O', 'D', 'L'};
inline constexpr std::uint32_t kModelFormatVersion = 1;
inline constexpr std::size_t kModelHeaderBytes = 128;

// What a model holds, in memory (for writing) or viewed from a mapping.
struct ModelParams {
  std::uint32_t num_buckets = 0;  // a power of two
  std::uint32_t num_dense = 0;    // must equal DenseFeatureNames().size() to load
  double bias = 0.0;
  double decision_threshold = 0.5;  // the probability above which evaluation counts "unreliable"
  std::string run_id;             // at most 63 bytes, e.g. "site-2026-11-24"
  std::vector<float> weights;     // num_buckets + num_dense
};

// Writes `params` to `path` (through a temporary file, renamed into place).
[[nodiscard]] Status WriteModelFile(const std::string& path, const ModelParams& params);

// A read-only mapping of a model file; the weights point into it.
class MappedModelFile {
 public:
  // Maps and checks `path`: magic, version, sizes, the dense feature names'
  // hash and the weights' checksum.
  [[nodiscard]] static Result<MappedModelFile> Open(const std::string& path);

  MappedModelFile(MappedModelFile&& other) noexcept;
  MappedModelFile& operator=(MappedModelFile&& other) noexcept;
  MappedModelFile(const MappedModelFile&) = delete;
  MappedModelFile& operator=(const MappedModelFile&) = delete;
  ~MappedModelFile();

  std::uint32_t num_buckets() const { return num_buckets_; }
  double bias() const { return bias_; }
  double decision_threshold() const { return decision_threshold_; }
  const std::string& run_id() const { return run_id_; }
  // num_buckets + num_dense weights, valid while this object lives.
  const float* weights() const { return weights_; }

 private:
  MappedModelFile() = default;
  void* base_ = nullptr;
  std::size_t size_ = 0;
  std::uint32_t num_buckets_ = 0;
  double bias_ = 0.0;
  double decision_threshold_ = 0.5;
  std::string run_id_;
  const float* weights_ = nullptr;
};

// The hash of DenseFeatureNames() stored in every model, so a model trained
// with other cue features is refused rather than misread.
std::uint64_t DenseNamesHash();

}  // namespace credence::internal
