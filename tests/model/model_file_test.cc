// Tests for the model file: what is written is what is mapped back, and
// every kind of damaged or foreign file is refused rather than misread.
#include "model/model_file.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "model/features.h"
#include "tests/test_support.h"

namespace credence::internal {
namespace {

class ModelFile : public credence::testing::TempDirTest {};

ModelParams SmallParams(std::uint32_t buckets = 64) {
  ModelParams p;
  p.num_buckets = buckets;
  p.num_dense = static_cast<std::uint32_t>(DenseFeatureNames().size());
  p.bias = -0.625;
  p.decision_threshold = 0.42;
  p.run_id = "unit-2026-01-02";
  for (std::uint32_t k = 0; k < p.num_buckets + p.num_dense; ++k)
    p.weights.push_back(static_cast<float>(k % 7) * 0.25f - 0.75f);
  return p;
}

// Writes `params`, then returns the file's bytes.
std::string WrittenBytes(const std::string& path, const ModelParams& params) {
  EXPECT_TRUE(WriteModelFile(path, params).ok());
  return credence::testing::ReadFileOrEmpty(path);
}

void ExpectRefused(const std::string& path, StatusCode code, const std::string& why) {
  Result<MappedModelFile> f = MappedModelFile::Open(path);
  ASSERT_FALSE(f) << why;
  EXPECT_EQ(f.error().code(), code) << why << ": " << f.error().ToString();
}

TEST_F(ModelFile, RoundTrips) {
  const ModelParams p = SmallParams();
  const std::string path = dir_ + "/m.bin";
  ASSERT_TRUE(WriteModelFile(path, p).ok());
  EXPECT_EQ(credence::testing::ReadFileOrEmpty(path).size(), kModelHeaderBytes + p.weights.size() * sizeof(float));
  Result<MappedModelFile> f = MappedModelFile::Open(path);
  ASSERT_TRUE(f) << f.error().ToString();
  EXPECT_EQ(f->num_buckets(), p.num_buckets);
  EXPECT_EQ(f->bias(), p.bias);
  EXPECT_EQ(f->decision_threshold(), p.decision_threshold);
  EXPECT_EQ(f->run_id(), p.run_id);
  for (std::size_t k = 0; k < p.weights.size(); ++k) EXPECT_EQ(f->weights()[k], p.weights[k]) << k;
  // The mapping moves with the object.
  MappedModelFile moved = std::move(*f);
  EXPECT_EQ(moved.weights()[5], p.weights[5]);
  EXPECT_EQ(moved.run_id(), p.run_id);
}

TEST_F(ModelFile, KeepsARunIdOfSixtyThreeBytes) {
  ModelParams p = SmallParams();
  p.run_id = std::string(63, 'r');
  const std::string path = dir_ + "/m.bin";
  ASSERT_TRUE(WriteModelFile(path, p).ok());
  Result<MappedModelFile> f = MappedModelFile::Open(path);
  ASSERT_TRUE(f) << f.error().ToString();
  EXPECT_EQ(f->run_id(), p.run_id);
  EXPECT_EQ(f->decision_threshold(), p.decision_threshold);
}

TEST_F(ModelFile, RefusesRunIdOfSixtyFourBytesOrMore) {
  ModelParams p = SmallParams();
  for (std::size_t n : {64, 65, 200}) {
    p.run_id = std::string(n, 'r');
    Status s = WriteModelFile(dir_ + "/m.bin", p);
    EXPECT_FALSE(s.ok()) << n;
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << n;
  }
}

TEST_F(ModelFile, RefusesToWriteBadSizes) {
  ModelParams p = SmallParams(64);
  p.num_buckets = 48;  // not a power of two, weights sized to match
  p.weights.resize(std::size_t{48} + p.num_dense);
  EXPECT_FALSE(WriteModelFile(dir_ + "/a.bin", p).ok());
  p.num_buckets = 0;
  p.weights.resize(p.num_dense);
  EXPECT_FALSE(WriteModelFile(dir_ + "/b.bin", p).ok());
  ModelParams short_weights = SmallParams(64);
  short_weights.weights.pop_back();
  EXPECT_FALSE(WriteModelFile(dir_ + "/c.bin", short_weights).ok());
}

TEST_F(ModelFile, RefusesMissingFile) {
  ExpectRefused(dir_ + "/no-such-model.bin", StatusCode::kNotFound, "missing");
}

TEST_F(ModelFile, RefusesWrongMagic) {
  std::string bytes = WrittenBytes(dir_ + "/m.bin", SmallParams());
  bytes[0] = 'X';
  ExpectRefused(Write("magic.bin", bytes), StatusCode::kDataError, "magic");
}

TEST_F(ModelFile, RefusesWrongVersion) {
  std::string bytes = WrittenBytes(dir_ + "/m.bin", SmallParams());
  ASSERT_EQ(bytes[8], static_cast<char>(kModelFormatVersion));
  bytes[8] = static_cast<char>(kModelFormatVersion + 1);
  ExpectRefused(Write("version.bin", bytes), StatusCode::kDataError, "version");
}

TEST_F(ModelFile, RefusesTruncatedFile) {
  const std::string bytes = WrittenBytes(dir_ + "/m.bin", SmallParams());
  ExpectRefused(Write("short.bin", bytes.substr(0, bytes.size() - 4)), StatusCode::kDataError, "one weight short");
  ExpectRefused(Write("header.bin", bytes.substr(0, 100)), StatusCode::kDataError, "header cut");
  ExpectRefused(Write("empty.bin", ""), StatusCode::kDataError, "empty");
  ExpectRefused(Write("long.bin", bytes + "xxxx"), StatusCode::kDataError, "trailing bytes");
}

TEST_F(ModelFile, RefusesFlippedWeightByte) {
  std::string bytes = WrittenBytes(dir_ + "/m.bin", SmallParams());
  bytes[kModelHeaderBytes + 13] ^= 0x01;
  ExpectRefused(Write("flipped.bin", bytes), StatusCode::kDataError, "checksum");
}

TEST_F(ModelFile, RefusesWrongDenseCount) {
  ModelParams p = SmallParams();
  p.num_dense += 1;
  p.weights.push_back(0.5f);
  ASSERT_TRUE(WriteModelFile(dir_ + "/dense.bin", p).ok());
  ExpectRefused(dir_ + "/dense.bin", StatusCode::kDataError, "dense count");
}

TEST_F(ModelFile, RefusesNonPowerOfTwoBucketsInHeader) {
  std::string bytes = WrittenBytes(dir_ + "/m.bin", SmallParams(64));
  const std::uint32_t buckets = 63;  // offset 12 holds the bucket count
  std::memcpy(bytes.data() + 12, &buckets, sizeof buckets);
  ExpectRefused(Write("buckets.bin", bytes), StatusCode::kDataError, "buckets");
}

TEST_F(ModelFile, RefusesThresholdOutsideZeroOne) {
  ModelParams p = SmallParams();
  p.decision_threshold = 1.5;
  ASSERT_TRUE(WriteModelFile(dir_ + "/t.bin", p).ok());
  ExpectRefused(dir_ + "/t.bin", StatusCode::kDataError, "threshold");
}

TEST_F(ModelFile, WriteReplacesAnExistingFile) {
  const std::string path = dir_ + "/m.bin";
  ModelParams p = SmallParams();
  ASSERT_TRUE(WriteModelFile(path, p).ok());
  p.bias = 3.5;
  ASSERT_TRUE(WriteModelFile(path, p).ok());
  Result<MappedModelFile> f = MappedModelFile::Open(path);
  ASSERT_TRUE(f) << f.error().ToString();
  EXPECT_EQ(f->bias(), 3.5);
}

TEST_F(ModelFile, WriteIntoMissingFolderFails) {
  Status s = WriteModelFile(dir_ + "/no/such/dir/m.bin", SmallParams());
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kIoError);
}

}  // namespace
}  // namespace credence::internal
