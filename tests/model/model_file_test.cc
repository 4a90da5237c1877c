// Tests for the model file: what is written is what is read back (weights
// rounded to float16), and every kind of damaged or foreign file is refused
// rather than misread.
#include "model/model_file.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <string>

#include <xxhash.h>

#include "tests/test_support.h"

namespace credence::internal {
namespace {

class ModelFileTest : public credence::testing::TempDirTest {};

const FeatureSetId kUnitFeatures{"unit", {"dense:a", "dense:b", "dense:c"}};

ModelHead SmallHead(std::uint32_t buckets, std::string name = "positive") {
  ModelHead h;
  h.name = std::move(name);
  h.bias = -0.625;
  h.decision_threshold = 0.42;
  for (std::uint32_t k = 0; k < buckets + kUnitFeatures.dense_names.size(); ++k)
    h.weights.push_back(static_cast<float>(k % 7) * 0.25f - 0.75f);
  return h;
}

ModelParams SmallParams(std::uint32_t buckets = 64) {
  return ModelParams{.feature_set = kUnitFeatures.name,
                     .dense_names = kUnitFeatures.dense_names,
                     .num_buckets = buckets,
                     .run_id = "unit-2026-01-02",
                     .heads = {SmallHead(buckets)}};
}

// Writes `params`, then returns the file's bytes.
std::string WrittenBytes(const std::string& path, const ModelParams& params) {
  EXPECT_TRUE(WriteModelFile(path, params).ok());
  return credence::testing::ReadFileOrEmpty(path);
}

void ExpectRefused(const std::string& path, StatusCode code, const std::string& why,
                   const FeatureSetId& expected = kUnitFeatures) {
  Result<ModelFile> f = ModelFile::Open(path, expected);
  ASSERT_FALSE(f) << why;
  EXPECT_EQ(f.error().code(), code) << why << ": " << f.error().ToString();
}

TEST_F(ModelFileTest, RoundTrips) {
  ModelParams p = SmallParams();
  p.heads.push_back(SmallHead(64, "Loaded_Language"));
  p.heads.back().bias = 1.25;
  p.heads.back().decision_threshold = 0.3;
  p.heads.back().weights[3] = 0.1f;  // not exact in float16
  const std::string path = dir_ + "/m.bin";
  ASSERT_TRUE(WriteModelFile(path, p).ok());
  const std::size_t per_head = 64 + kUnitFeatures.dense_names.size();
  EXPECT_EQ(credence::testing::ReadFileOrEmpty(path).size(),
            kModelHeaderBytes + 2 * (per_head * 2 + kModelHeadEntryBytes));
  Result<ModelFile> f = ModelFile::Open(path, kUnitFeatures);
  ASSERT_TRUE(f) << f.error().ToString();
  EXPECT_EQ(f->num_buckets(), p.num_buckets);
  EXPECT_EQ(f->num_dense(), 3u);
  EXPECT_EQ(f->feature_set(), "unit");
  EXPECT_EQ(f->run_id(), p.run_id);
  EXPECT_EQ(f->id(), "v2/b64/unit-2026-01-02");
  ASSERT_EQ(f->heads().size(), 2u);
  for (std::size_t h = 0; h < 2; ++h) {
    EXPECT_EQ(f->head(h).name, p.heads[h].name);
    EXPECT_EQ(f->head(h).bias, p.heads[h].bias);
    EXPECT_EQ(f->head(h).decision_threshold, p.heads[h].decision_threshold);
    ASSERT_EQ(f->head(h).weights.size(), per_head);
    for (std::size_t k = 0; k < per_head; ++k) EXPECT_EQ(f->head(h).weights[k], RoundToHalf(p.heads[h].weights[k])) << k;
  }
  EXPECT_NEAR(f->head(1).weights[3], 0.1f, 0.1f / 2048);
  EXPECT_NE(f->head(1).weights[3], 0.1f);
}

TEST(RoundToHalf, RoundsToNearestEvenAndKeepsExactValues) {
  for (float exact : {0.0f, 1.0f, -2.5f, 0.25f, 1024.0f, -0.000061035156f /* 2^-14 */, 65504.0f})
    EXPECT_EQ(RoundToHalf(exact), exact) << exact;
  // Near 1 a half's step is 2^-10: half a step rounds to the even neighbour.
  EXPECT_EQ(RoundToHalf(1.0f + 1.0f / 2048), 1.0f);                // half-way: down to even
  EXPECT_EQ(RoundToHalf(1.0f + 3.0f / 2048), 1.0f + 2.0f / 1024);  // half-way: up to even
  EXPECT_EQ(RoundToHalf(1.0f + 3.0f / 4096), 1.0f + 1.0f / 1024);  // nearer the next step
  EXPECT_EQ(RoundToHalf(std::ldexp(1.0f, -24)), std::ldexp(1.0f, -24));  // smallest subnormal
  EXPECT_EQ(RoundToHalf(std::ldexp(1.0f, -26)), 0.0f);
  EXPECT_EQ(RoundToHalf(1e9f), 65504.0f);  // saturates
  EXPECT_EQ(RoundToHalf(-1e9f), -65504.0f);
  for (float v = -8.0f; v < 8.0f; v += 0.0137f) EXPECT_NEAR(RoundToHalf(v), v, std::abs(v) / 2048 + 1e-7f) << v;
}

TEST_F(ModelFileTest, RefusesAModelOfAnotherFeatureSet) {
  const std::string path = dir_ + "/m.bin";
  ASSERT_TRUE(WriteModelFile(path, SmallParams()).ok());
  ExpectRefused(path, StatusCode::kDataError, "other name", {"claims", kUnitFeatures.dense_names});
  ExpectRefused(path, StatusCode::kDataError, "other dense names", {"unit", {"dense:a", "dense:b", "dense:x"}});
  ExpectRefused(path, StatusCode::kDataError, "fewer dense features", {"unit", {"dense:a", "dense:b"}});
  Result<ModelFile> f = ModelFile::Open(path, {"claims", kUnitFeatures.dense_names});
  ASSERT_FALSE(f);
  EXPECT_NE(f.error().message().find("a 'unit' model where a 'claims' model was expected"), std::string::npos);
}

TEST_F(ModelFileTest, RefusesNonFiniteWeights) {
  ModelParams p = SmallParams();
  p.heads[0].weights[2] = std::nanf("");
  EXPECT_FALSE(WriteModelFile(dir_ + "/nan.bin", p).ok());
  std::string bytes = WrittenBytes(dir_ + "/m.bin", SmallParams());
  const std::uint16_t inf = 0x7c00;
  std::memcpy(bytes.data() + kModelHeaderBytes + 4, &inf, sizeof inf);
  // With its checksum made right (offset 40), only the weight's check can refuse it.
  const std::uint64_t checksum = XXH3_64bits(bytes.data() + kModelHeaderBytes, bytes.size() - kModelHeaderBytes);
  std::memcpy(bytes.data() + 40, &checksum, sizeof checksum);
  Result<ModelFile> f = ModelFile::Open(Write("inf.bin", bytes), kUnitFeatures);
  ASSERT_FALSE(f);
  EXPECT_NE(f.error().message().find("not finite"), std::string::npos) << f.error().ToString();
}

TEST_F(ModelFileTest, KeepsTheExtendThresholdAndRefusesOneAboveTheDecisionThreshold) {
  ModelParams p = SmallParams();
  p.heads[0].extend_threshold = 0.125;
  ASSERT_TRUE(WriteModelFile(dir_ + "/e.bin", p).ok());
  Result<ModelFile> f = ModelFile::Open(dir_ + "/e.bin", kUnitFeatures);
  ASSERT_TRUE(f) << f.error().ToString();
  EXPECT_EQ(f->head(0).extend_threshold, 0.125);
  p.heads[0].extend_threshold = 0.9;  // above 0.42
  ASSERT_TRUE(WriteModelFile(dir_ + "/bad.bin", p).ok());
  ExpectRefused(dir_ + "/bad.bin", StatusCode::kDataError, "extend threshold");
}

TEST_F(ModelFileTest, FromParamsIsWhatLoadingTheFileGives) {
  ModelParams p = SmallParams();
  p.heads[0].weights[5] = 0.1f;
  ASSERT_TRUE(WriteModelFile(dir_ + "/m.bin", p).ok());
  Result<ModelFile> loaded = ModelFile::Open(dir_ + "/m.bin", kUnitFeatures);
  ASSERT_TRUE(loaded);
  const ModelFile made = ModelFile::FromParams(p);
  EXPECT_EQ(made.id(), loaded->id());
  EXPECT_EQ(made.head(0).weights, loaded->head(0).weights);
  EXPECT_EQ(made.head(0).bias, loaded->head(0).bias);
}

TEST_F(ModelFileTest, KeepsARunIdOfSixtyThreeBytes) {
  ModelParams p = SmallParams();
  p.run_id = std::string(63, 'r');
  const std::string path = dir_ + "/m.bin";
  ASSERT_TRUE(WriteModelFile(path, p).ok());
  Result<ModelFile> f = ModelFile::Open(path, kUnitFeatures);
  ASSERT_TRUE(f) << f.error().ToString();
  EXPECT_EQ(f->run_id(), p.run_id);
  EXPECT_EQ(f->head(0).decision_threshold, p.heads[0].decision_threshold);
}

TEST_F(ModelFileTest, RefusesRunIdOfSixtyFourBytesOrMore) {
  ModelParams p = SmallParams();
  for (std::size_t n : {64, 65, 200}) {
    p.run_id = std::string(n, 'r');
    Status s = WriteModelFile(dir_ + "/m.bin", p);
    EXPECT_FALSE(s.ok()) << n;
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << n;
  }
}

TEST_F(ModelFileTest, RefusesToWriteBadSizes) {
  ModelParams p = SmallParams(64);
  p.num_buckets = 48;  // not a power of two, weights sized to match
  p.heads[0].weights.resize(std::size_t{48} + 3);
  EXPECT_FALSE(WriteModelFile(dir_ + "/a.bin", p).ok());
  p.num_buckets = 0;
  p.heads[0].weights.resize(3);
  EXPECT_FALSE(WriteModelFile(dir_ + "/b.bin", p).ok());
  ModelParams short_weights = SmallParams(64);
  short_weights.heads[0].weights.pop_back();
  EXPECT_FALSE(WriteModelFile(dir_ + "/c.bin", short_weights).ok());
  ModelParams no_heads = SmallParams(64);
  no_heads.heads.clear();
  EXPECT_FALSE(WriteModelFile(dir_ + "/d.bin", no_heads).ok());
  ModelParams long_name = SmallParams(64);
  long_name.heads[0].name = std::string(40, 'n');
  EXPECT_FALSE(WriteModelFile(dir_ + "/e.bin", long_name).ok());
  ModelParams no_set = SmallParams(64);
  no_set.feature_set = "";
  EXPECT_FALSE(WriteModelFile(dir_ + "/f.bin", no_set).ok());
}

TEST_F(ModelFileTest, RefusesMissingFile) {
  ExpectRefused(dir_ + "/no-such-model.bin", StatusCode::kNotFound, "missing");
}

TEST_F(ModelFileTest, RefusesWrongMagic) {
  std::string bytes = WrittenBytes(dir_ + "/m.bin", SmallParams());
  bytes[0] = 'X';
  ExpectRefused(Write("magic.bin", bytes), StatusCode::kDataError, "magic");
}

TEST_F(ModelFileTest, RefusesWrongVersion) {
  std::string bytes = WrittenBytes(dir_ + "/m.bin", SmallParams());
  ASSERT_EQ(bytes[8], static_cast<char>(kModelFormatVersion));
  bytes[8] = static_cast<char>(kModelFormatVersion + 1);
  ExpectRefused(Write("version.bin", bytes), StatusCode::kDataError, "version");
}

TEST_F(ModelFileTest, RefusesTruncatedFile) {
  const std::string bytes = WrittenBytes(dir_ + "/m.bin", SmallParams());
  ExpectRefused(Write("short.bin", bytes.substr(0, bytes.size() - 2)), StatusCode::kDataError, "two bytes short");
  ExpectRefused(Write("header.bin", bytes.substr(0, 100)), StatusCode::kDataError, "header cut");
  ExpectRefused(Write("table.bin", bytes.substr(0, bytes.size() - kModelHeadEntryBytes)), StatusCode::kDataError,
                "head table cut");
  ExpectRefused(Write("empty.bin", ""), StatusCode::kDataError, "empty");
  ExpectRefused(Write("long.bin", bytes + "xxxx"), StatusCode::kDataError, "trailing bytes");
}

TEST_F(ModelFileTest, RefusesFlippedWeightByte) {
  std::string bytes = WrittenBytes(dir_ + "/m.bin", SmallParams());
  bytes[kModelHeaderBytes + 13] ^= 0x01;
  ExpectRefused(Write("flipped.bin", bytes), StatusCode::kDataError, "checksum");
}

TEST_F(ModelFileTest, RefusesWrongDenseCount) {
  ModelParams p = SmallParams();
  p.dense_names.push_back("dense:d");
  p.heads[0].weights.push_back(0.5f);
  ASSERT_TRUE(WriteModelFile(dir_ + "/dense.bin", p).ok());
  ExpectRefused(dir_ + "/dense.bin", StatusCode::kDataError, "dense count");
}

TEST_F(ModelFileTest, RefusesNonPowerOfTwoBucketsInHeader) {
  std::string bytes = WrittenBytes(dir_ + "/m.bin", SmallParams(64));
  const std::uint32_t buckets = 63;  // offset 12 holds the bucket count
  std::memcpy(bytes.data() + 12, &buckets, sizeof buckets);
  ExpectRefused(Write("buckets.bin", bytes), StatusCode::kDataError, "buckets");
}

TEST_F(ModelFileTest, RefusesThresholdOutsideZeroOne) {
  ModelParams p = SmallParams();
  p.heads[0].decision_threshold = 1.5;
  ASSERT_TRUE(WriteModelFile(dir_ + "/t.bin", p).ok());
  ExpectRefused(dir_ + "/t.bin", StatusCode::kDataError, "threshold");
}

TEST_F(ModelFileTest, WriteReplacesAnExistingFile) {
  const std::string path = dir_ + "/m.bin";
  ModelParams p = SmallParams();
  ASSERT_TRUE(WriteModelFile(path, p).ok());
  p.heads[0].bias = 3.5;
  ASSERT_TRUE(WriteModelFile(path, p).ok());
  Result<ModelFile> f = ModelFile::Open(path, kUnitFeatures);
  ASSERT_TRUE(f) << f.error().ToString();
  EXPECT_EQ(f->head(0).bias, 3.5);
}

TEST_F(ModelFileTest, WriteIntoMissingFolderFails) {
  Status s = WriteModelFile(dir_ + "/no/such/dir/m.bin", SmallParams());
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kIoError);
}

}  // namespace
}  // namespace credence::internal
