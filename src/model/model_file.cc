// Reading and writing the model file. The header is written field by field
// at fixed offsets (not as a struct) so padding cannot change the format;
// the loader refuses anything it does not fully understand.
#include "model/model_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <bit>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <utility>

#include <xxhash.h>

#include "model/features.h"

namespace credence::internal {
namespace {

static_assert(std::endian::native == std::endian::little, "the model file is little-endian");

// Header offsets.
constexpr std::size_t kOffVersion = 8, kOffBuckets = 12, kOffDense = 16, kOffWeightType = 20, kOffBias = 24,
                      kOffNamesHash = 32, kOffChecksum = 40, kOffRunId = 48, kRunIdBytes = 64, kOffThreshold = 112;
constexpr std::uint32_t kWeightTypeFloat32 = 0;

template <typename T>
void Put(std::string* header, std::size_t offset, T value) {
  std::memcpy(header->data() + offset, &value, sizeof value);
}
template <typename T>
T Get(const unsigned char* base, std::size_t offset) {
  T value;
  std::memcpy(&value, base + offset, sizeof value);
  return value;
}

}  // namespace

std::uint64_t DenseNamesHash() {
  std::string joined;
  for (const std::string& n : DenseFeatureNames()) joined += n + "\n";
  return XXH3_64bits(joined.data(), joined.size());
}

Status WriteModelFile(const std::string& path, const ModelParams& p) {
  if (p.num_buckets == 0 || !std::has_single_bit(p.num_buckets) ||
      p.weights.size() != std::size_t{p.num_buckets} + p.num_dense)
    return Status(StatusCode::kInternal, "model parameters of inconsistent size");
  if (p.run_id.size() >= kRunIdBytes) return Status(StatusCode::kInvalidArgument, "run id longer than 63 bytes");
  std::string header(kModelHeaderBytes, '\0');
  std::memcpy(header.data(), kModelMagic, sizeof kModelMagic);
  Put(&header, kOffVersion, kModelFormatVersion);
  Put(&header, kOffBuckets, p.num_buckets);
  Put(&header, kOffDense, p.num_dense);
  Put(&header, kOffWeightType, kWeightTypeFloat32);
  Put(&header, kOffBias, p.bias);
  Put(&header, kOffNamesHash, DenseNamesHash());
  Put(&header, kOffChecksum, XXH3_64bits(p.weights.data(), p.weights.size() * sizeof(float)));
  std::memcpy(header.data() + kOffRunId, p.run_id.data(), p.run_id.size());
  Put(&header, kOffThreshold, p.decision_threshold);

  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status(StatusCode::kIoError, "cannot write " + tmp + ": " + std::strerror(errno));
    out.write(header.data(), static_cast<std::streamsize>(header.size()));
    out.write(reinterpret_cast<const char*>(p.weights.data()),
              static_cast<std::streamsize>(p.weights.size() * sizeof(float)));
    if (!out.flush()) return Status(StatusCode::kIoError, "cannot write " + tmp);
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0)
    return Status(StatusCode::kIoError, "cannot rename " + tmp + " to " + path + ": " + std::strerror(errno));
  return Status::Ok();
}

Result<MappedModelFile> MappedModelFile::Open(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return Error(errno == ENOENT ? StatusCode::kNotFound : StatusCode::kIoError,
                 "cannot open model " + path + ": " + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return Error(StatusCode::kIoError, "model " + path + " is not a regular file");
  }
  const auto size = static_cast<std::size_t>(st.st_size);
  if (size < kModelHeaderBytes) {
    ::close(fd);
    return Error(StatusCode::kDataError, "model " + path + " is too short to be a credence model");
  }
  void* base = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);  // the mapping stays valid
  if (base == MAP_FAILED) return Error(StatusCode::kIoError, "cannot map model " + path + ": " + std::strerror(errno));

  MappedModelFile file;
  file.base_ = base;
  file.size_ = size;  // from here on the destructor unmaps
  const auto* b = static_cast<const unsigned char*>(base);
  auto bad = [&](const std::string& why) { return Error(StatusCode::kDataError, "model " + path + ": " + why); };
  if (std::memcmp(b, kModelMagic, sizeof kModelMagic) != 0) return bad("not a credence model file");
  const auto version = Get<std::uint32_t>(b, kOffVersion);
  if (version != kModelFormatVersion)
    return bad("format version " + std::to_string(version) + "; this build reads version " +
               std::to_string(kModelFormatVersion));
  const auto buckets = Get<std::uint32_t>(b, kOffBuckets);
  const auto dense = Get<std::uint32_t>(b, kOffDense);
  if (buckets == 0 || !std::has_single_bit(buckets) || buckets > (1u << 28)) return bad("bad bucket count");
  if (Get<std::uint32_t>(b, kOffWeightType) != kWeightTypeFloat32) return bad("unknown weight type");
  if (dense != DenseFeatureNames().size() || Get<std::uint64_t>(b, kOffNamesHash) != DenseNamesHash())
    return bad("trained with other cue features than this build computes; retrain it (scripts/train-model.sh)");
  const std::size_t weight_bytes = (std::size_t{buckets} + dense) * sizeof(float);
  if (size != kModelHeaderBytes + weight_bytes)
    return bad("size " + std::to_string(size) + " bytes, expected " + std::to_string(kModelHeaderBytes + weight_bytes) +
               " (truncated?)");
  if (XXH3_64bits(b + kModelHeaderBytes, weight_bytes) != Get<std::uint64_t>(b, kOffChecksum))
    return bad("checksum mismatch (damaged file)");
  file.num_buckets_ = buckets;
  file.bias_ = Get<double>(b, kOffBias);
  file.decision_threshold_ = Get<double>(b, kOffThreshold);
  if (!(file.decision_threshold_ > 0.0 && file.decision_threshold_ < 1.0)) return bad("bad decision threshold");
  const char* id = reinterpret_cast<const char*>(b + kOffRunId);
  file.run_id_.assign(id, strnlen(id, kRunIdBytes - 1));
  file.weights_ = reinterpret_cast<const float*>(b + kModelHeaderBytes);
  return file;
}

MappedModelFile::MappedModelFile(MappedModelFile&& other) noexcept { *this = std::move(other); }

MappedModelFile& MappedModelFile::operator=(MappedModelFile&& other) noexcept {
  if (this != &other) {
    if (base_) ::munmap(base_, size_);
    base_ = std::exchange(other.base_, nullptr);
    size_ = std::exchange(other.size_, 0);
    num_buckets_ = other.num_buckets_;
    bias_ = other.bias_;
    decision_threshold_ = other.decision_threshold_;
    run_id_ = std::move(other.run_id_);
    weights_ = std::exchange(other.weights_, nullptr);
  }
  return *this;
}

MappedModelFile::~MappedModelFile() {
  if (base_) ::munmap(base_, size_);
}

}  // namespace credence::internal
