// Reading and writing the model file. The header is written field by field
// at fixed offsets (not as a struct) so padding cannot change the format;
// the loader refuses anything it does not fully understand. Weights are
// stored as IEEE float16: half the bytes of float32 in every clone of the
// repository, and a relative rounding error of at most 2^-11, far below what
// separates one training run from the next.
#include "model/model_file.h"

#include <bit>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>

#include <xxhash.h>

namespace credence::internal {
namespace {

static_assert(std::endian::native == std::endian::little, "the model file is little-endian");

// Header offsets.
constexpr std::size_t kOffVersion = 8, kOffBuckets = 12, kOffDense = 16, kOffWeightType = 20, kOffHeads = 24,
                      kOffFeatureHash = 32, kOffChecksum = 40, kOffRunId = 48, kOffFeatureSet = 112;
// Head table entry offsets.
constexpr std::size_t kHeadBias = 0, kHeadThreshold = 8, kHeadExtendThreshold = 16, kHeadName = 24;
constexpr std::uint32_t kWeightTypeFloat16 = 1;
constexpr std::uint32_t kMaxHeads = 256;

template <typename T>
void Put(std::string* bytes, std::size_t offset, T value) {
  std::memcpy(bytes->data() + offset, &value, sizeof value);
}
template <typename T>
T Get(const char* base, std::size_t offset) {
  T value;
  std::memcpy(&value, base + offset, sizeof value);
  return value;
}

std::string FixedString(const char* p, std::size_t field_bytes) { return std::string(p, strnlen(p, field_bytes - 1)); }

// float32 -> float16, rounding to nearest even; values beyond the half range
// saturate to the largest finite half (weights are finite by contract).
std::uint16_t ToHalf(float value) {
  const auto bits = std::bit_cast<std::uint32_t>(value);
  const std::uint32_t sign = (bits >> 16) & 0x8000u;
  const std::uint32_t abs = bits & 0x7fffffffu;
  if (abs >= 0x477ff000u) return static_cast<std::uint16_t>(sign | 0x7bffu);  // >= 65520: saturate
  if (abs < 0x38800000u) {  // below the smallest normal half: a subnormal or zero
    if (abs < 0x33000000u) return static_cast<std::uint16_t>(sign);  // rounds to zero
    const std::uint32_t mantissa = (abs & 0x7fffffu) | 0x800000u;
    const int shift = 126 - static_cast<int>(abs >> 23);  // 14..24
    std::uint32_t half = mantissa >> shift;
    const std::uint32_t rest = mantissa & ((1u << shift) - 1), halfway = 1u << (shift - 1);
    if (rest > halfway || (rest == halfway && (half & 1u))) ++half;
    return static_cast<std::uint16_t>(sign | half);
  }
  std::uint32_t half = ((abs - 0x38000000u) >> 13);  // rebias the exponent (127 -> 15)
  const std::uint32_t rest = abs & 0x1fffu;
  if (rest > 0x1000u || (rest == 0x1000u && (half & 1u))) ++half;
  return static_cast<std::uint16_t>(sign | half);
}

float FromHalf(std::uint16_t h) {
  const std::uint32_t sign = static_cast<std::uint32_t>(h & 0x8000u) << 16;
  const std::uint32_t exponent = (h >> 10) & 0x1fu, mantissa = h & 0x3ffu;
  if (exponent == 0) {  // zero or subnormal: mantissa * 2^-24
    const float v = std::ldexp(static_cast<float>(mantissa), -24);
    return sign ? -v : v;
  }
  if (exponent == 31) return std::bit_cast<float>(sign | 0x7f800000u | (mantissa << 13));
  return std::bit_cast<float>(sign | ((exponent + 112) << 23) | (mantissa << 13));
}

}  // namespace

std::uint64_t FeatureSetId::Hash() const {
  std::string joined = name + "\n";
  for (const std::string& n : dense_names) joined += n + "\n";
  return XXH3_64bits(joined.data(), joined.size());
}

float RoundToHalf(float value) { return FromHalf(ToHalf(value)); }

Status WriteModelFile(const std::string& path, const ModelParams& p) {
  const std::size_t per_head = std::size_t{p.num_buckets} + p.dense_names.size();
  if (p.num_buckets == 0 || !std::has_single_bit(p.num_buckets) || p.heads.empty() || p.heads.size() > kMaxHeads)
    return Status(StatusCode::kInternal, "model parameters of inconsistent size");
  for (const ModelHead& h : p.heads) {
    if (h.weights.size() != per_head) return Status(StatusCode::kInternal, "model parameters of inconsistent size");
    if (h.name.size() > kMaxHeadNameBytes) return Status(StatusCode::kInvalidArgument, "head name longer than 39 bytes");
    for (float w : h.weights)
      if (!std::isfinite(w)) return Status(StatusCode::kInternal, "model weight is not finite");
  }
  if (p.run_id.size() > kMaxRunIdBytes) return Status(StatusCode::kInvalidArgument, "run id longer than 63 bytes");
  if (p.feature_set.empty() || p.feature_set.size() > kMaxFeatureSetBytes)
    return Status(StatusCode::kInvalidArgument, "feature set name empty or longer than 31 bytes");

  std::string body;
  body.reserve(p.heads.size() * (per_head * 2 + kModelHeadEntryBytes));
  for (const ModelHead& h : p.heads)
    for (float w : h.weights) {
      const std::uint16_t half = ToHalf(w);
      body.append(reinterpret_cast<const char*>(&half), sizeof half);
    }
  for (const ModelHead& h : p.heads) {
    std::string entry(kModelHeadEntryBytes, '\0');
    Put(&entry, kHeadBias, h.bias);
    Put(&entry, kHeadThreshold, h.decision_threshold);
    Put(&entry, kHeadExtendThreshold, h.extend_threshold);
    std::memcpy(entry.data() + kHeadName, h.name.data(), h.name.size());
    body += entry;
  }
  std::string header(kModelHeaderBytes, '\0');
  std::memcpy(header.data(), kModelMagic, sizeof kModelMagic);
  Put(&header, kOffVersion, kModelFormatVersion);
  Put(&header, kOffBuckets, p.num_buckets);
  Put(&header, kOffDense, static_cast<std::uint32_t>(p.dense_names.size()));
  Put(&header, kOffWeightType, kWeightTypeFloat16);
  Put(&header, kOffHeads, static_cast<std::uint32_t>(p.heads.size()));
  Put(&header, kOffFeatureHash, p.feature_set_id().Hash());
  Put(&header, kOffChecksum, XXH3_64bits(body.data(), body.size()));
  std::memcpy(header.data() + kOffRunId, p.run_id.data(), p.run_id.size());
  std::memcpy(header.data() + kOffFeatureSet, p.feature_set.data(), p.feature_set.size());

  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status(StatusCode::kIoError, "cannot write " + tmp + ": " + std::strerror(errno));
    out.write(header.data(), static_cast<std::streamsize>(header.size()));
    out.write(body.data(), static_cast<std::streamsize>(body.size()));
    if (!out.flush()) return Status(StatusCode::kIoError, "cannot write " + tmp);
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0)
    return Status(StatusCode::kIoError, "cannot rename " + tmp + " to " + path + ": " + std::strerror(errno));
  return Status::Ok();
}

Result<ModelFile> ModelFile::Open(const std::string& path, const FeatureSetId& expected) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int err = errno;
    return Error(err == ENOENT ? StatusCode::kNotFound : StatusCode::kIoError,
                 "cannot open model " + path + ": " + std::strerror(err));
  }
  in.seekg(0, std::ios::end);
  const std::streamoff length = in.tellg();
  if (length < 0) return Error(StatusCode::kIoError, "model " + path + " is not a regular file");
  auto bad = [&](const std::string& why) { return Error(StatusCode::kDataError, "model " + path + ": " + why); };
  if (static_cast<std::size_t>(length) < kModelHeaderBytes) return bad("too short to be a credence model");
  std::string bytes(static_cast<std::size_t>(length), '\0');
  in.seekg(0);
  if (!in.read(bytes.data(), length)) return Error(StatusCode::kIoError, "cannot read model " + path);
  const char* b = bytes.data();

  if (std::memcmp(b, kModelMagic, sizeof kModelMagic) != 0) return bad("not a credence model file");
  const auto version = Get<std::uint32_t>(b, kOffVersion);
  if (version != kModelFormatVersion)
    return bad("format version " + std::to_string(version) + "; this build reads version " +
               std::to_string(kModelFormatVersion) + " (retrain it: scripts/train-model.sh)");
  const auto buckets = Get<std::uint32_t>(b, kOffBuckets);
  const auto dense = Get<std::uint32_t>(b, kOffDense);
  const auto heads = Get<std::uint32_t>(b, kOffHeads);
  if (buckets == 0 || !std::has_single_bit(buckets) || buckets > (1u << 28)) return bad("bad bucket count");
  if (Get<std::uint32_t>(b, kOffWeightType) != kWeightTypeFloat16) return bad("unknown weight type");
  if (heads == 0 || heads > kMaxHeads) return bad("bad head count");
  const std::string feature_set = FixedString(b + kOffFeatureSet, kMaxFeatureSetBytes + 1);
  if (feature_set != expected.name)
    return bad("a '" + feature_set + "' model where a '" + expected.name + "' model was expected");
  if (dense != expected.dense_names.size() || Get<std::uint64_t>(b, kOffFeatureHash) != expected.Hash())
    return bad("trained with other features than this build computes; retrain it (scripts/train-model.sh)");
  const std::size_t per_head = std::size_t{buckets} + dense;
  const std::size_t body_bytes = heads * (per_head * sizeof(std::uint16_t) + kModelHeadEntryBytes);
  if (bytes.size() != kModelHeaderBytes + body_bytes)
    return bad("size " + std::to_string(bytes.size()) + " bytes, expected " +
               std::to_string(kModelHeaderBytes + body_bytes) + " (truncated?)");
  if (XXH3_64bits(b + kModelHeaderBytes, body_bytes) != Get<std::uint64_t>(b, kOffChecksum))
    return bad("checksum mismatch (damaged file)");

  ModelFile file;
  file.num_buckets_ = buckets;
  file.num_dense_ = dense;
  file.feature_set_ = feature_set;
  file.run_id_ = FixedString(b + kOffRunId, kMaxRunIdBytes + 1);
  const char* weights = b + kModelHeaderBytes;
  const char* table = weights + heads * per_head * sizeof(std::uint16_t);
  for (std::uint32_t k = 0; k < heads; ++k) {
    Head h;
    const char* entry = table + k * kModelHeadEntryBytes;
    h.bias = Get<double>(entry, kHeadBias);
    h.decision_threshold = Get<double>(entry, kHeadThreshold);
    h.extend_threshold = Get<double>(entry, kHeadExtendThreshold);
    h.name = FixedString(entry + kHeadName, kMaxHeadNameBytes + 1);
    if (!std::isfinite(h.bias) || !(h.decision_threshold > 0.0 && h.decision_threshold < 1.0) ||
        !(h.extend_threshold >= 0.0 && h.extend_threshold <= h.decision_threshold))
      return bad("bad bias or thresholds in head " + std::to_string(k));
    h.weights.resize(per_head);
    const char* w = weights + k * per_head * sizeof(std::uint16_t);
    for (std::size_t i = 0; i < per_head; ++i) {
      h.weights[i] = FromHalf(Get<std::uint16_t>(w, i * 2));
      if (!std::isfinite(h.weights[i])) return bad("weight " + std::to_string(i) + " of head " + std::to_string(k) + " is not finite");
    }
    file.heads_.push_back(std::move(h));
  }
  return file;
}

ModelFile ModelFile::FromParams(const ModelParams& params) {
  ModelFile file;
  file.num_buckets_ = params.num_buckets;
  file.num_dense_ = params.dense_names.size();
  file.feature_set_ = params.feature_set;
  file.run_id_ = params.run_id;
  for (const ModelHead& h : params.heads) {
    Head head{h.name, h.bias, h.decision_threshold, h.extend_threshold, h.weights};
    for (float& w : head.weights) w = RoundToHalf(w);
    file.heads_.push_back(std::move(head));
  }
  return file;
}

std::string ModelFile::id() const {
  return "v" + std::to_string(kModelFormatVersion) + "/b" + std::to_string(num_buckets_) + "/" + run_id_;
}

}  // namespace credence::internal
