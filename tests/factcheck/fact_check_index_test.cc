// Tests for the fact-check index file (src/factcheck/fact_check_index.cc)
// and the matcher over it: written, mapped and searched; damaged files are
// kDataError; BM25 ranks the record that shares the rare words first.
#include "factcheck/fact_check_index.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "factcheck/fact_check_matcher.h"
#include "factcheck/retrieval_terms.h"
#include "tests/test_support.h"

namespace credence::internal {
namespace {

class FactCheckIndexTest : public testing::TempDirTest {
 protected:
  std::vector<FactCheck> Records() {
    return {
        {.id = "ferry", .claim = "The ferry tax doubled in 2024.", .title = "Did the Ferry Tax Double?", .verdict = "False"},
        {.id = "quay", .claim = "The quay closes every night at nine.", .verdict = "True"},
        {.id = "gulls", .claim = "Gulls were banned from the harbour by the council.", .title = "Harbour Gull Ban?"},
    };
  }
};

TEST_F(FactCheckIndexTest, WritesOpensAndSearches) {
  const std::string path = dir_ + "/f.idx";
  ASSERT_TRUE(WriteFactCheckIndex(path, Records()).ok());
  Result<FactCheckIndex> index = FactCheckIndex::Open(path);
  ASSERT_TRUE(index) << index.error().ToString();
  EXPECT_EQ(index->size(), 3u);
  EXPECT_EQ(index->Claim(0), "The ferry tax doubled in 2024.");
  EXPECT_EQ(index->Title(0), "Did the Ferry Tax Double?");
  EXPECT_EQ(index->Title(1), "");
  std::vector<Bm25Hit> hits = index->Search(RetrievalTerms("Council bans gulls from the harbour"), 5);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].doc, 2u);
  EXPECT_GT(hits[0].score, 0.0);
  for (const Bm25Hit& h : hits) EXPECT_NE(h.doc, 1u);  // no term in common
  EXPECT_TRUE(index->Search(RetrievalTerms("unrelated words entirely"), 5).empty());
  EXPECT_TRUE(index->Search({}, 5).empty());
  Result<FactCheck> record = index->Record(0);
  ASSERT_TRUE(record);
  EXPECT_EQ(record->id, "ferry");
  EXPECT_EQ(record->verdict, "False");
  EXPECT_EQ(index->AllRecords().size(), 3u);
}

TEST_F(FactCheckIndexTest, AnEmptyCollectionIsAnEmptyIndex) {
  const std::string path = dir_ + "/empty.idx";
  ASSERT_TRUE(WriteFactCheckIndex(path, {}).ok());
  Result<FactCheckIndex> index = FactCheckIndex::Open(path);
  ASSERT_TRUE(index) << index.error().ToString();
  EXPECT_EQ(index->size(), 0u);
  EXPECT_TRUE(index->Search(RetrievalTerms("ferry tax"), 5).empty());
}

TEST_F(FactCheckIndexTest, RefusesDamagedFiles) {
  const std::string path = dir_ + "/f.idx";
  ASSERT_TRUE(WriteFactCheckIndex(path, Records()).ok());
  const std::string bytes = testing::ReadFileOrEmpty(path);
  EXPECT_EQ(FactCheckIndex::Open(dir_ + "/missing.idx").error().code(), StatusCode::kNotFound);
  EXPECT_EQ(FactCheckIndex::Open(dir_).error().code(), StatusCode::kIoError);
  EXPECT_EQ(FactCheckIndex::Open(Write("short.idx", bytes.substr(0, 20))).error().code(), StatusCode::kDataError);
  EXPECT_EQ(FactCheckIndex::Open(Write("cut.idx", bytes.substr(0, bytes.size() - 3))).error().code(), StatusCode::kDataError);
  std::string flipped = bytes;
  flipped[bytes.size() / 2] ^= 0x40;
  EXPECT_EQ(FactCheckIndex::Open(Write("flipped.idx", flipped)).error().code(), StatusCode::kDataError);
  std::string magic = bytes;
  magic[0] = 'X';
  Result<FactCheckIndex> wrong = FactCheckIndex::Open(Write("magic.idx", magic));
  ASSERT_FALSE(wrong);
  EXPECT_NE(wrong.error().message().find("wrong magic"), std::string::npos);
  std::string huge = bytes;
  huge[16] = '\xff', huge[17] = '\xff', huge[18] = '\xff', huge[23] = '\x7f';  // num_terms
  EXPECT_EQ(FactCheckIndex::Open(Write("huge.idx", huge)).error().code(), StatusCode::kDataError);
}

TEST_F(FactCheckIndexTest, MatcherWithoutRerankerKeepsBm25Order) {
  const std::string path = dir_ + "/f.idx";
  ASSERT_TRUE(WriteFactCheckIndex(path, Records()).ok());
  Result<FactCheckMatcher> m = FactCheckMatcher::Open(path, "");
  ASSERT_TRUE(m) << m.error().ToString();
  EXPECT_FALSE(m->has_reranker());
  std::vector<FactCheckMatch> matches = m->Match("Did the ferry tax really double in 2024?", 2, 0.9);
  ASSERT_FALSE(matches.empty());
  EXPECT_EQ(matches[0].fact_check.id, "ferry");
  EXPECT_EQ(FactCheckMatcher::Open(path, dir_ + "/no-model.bin").error().code(), StatusCode::kNotFound);
}

TEST_F(FactCheckIndexTest, ShippedRerankerOrdersTheCheckingClaimFirst) {
  const std::string path = dir_ + "/f.idx";
  ASSERT_TRUE(WriteFactCheckIndex(path, Records()).ok());
  Result<FactCheckMatcher> m =
      FactCheckMatcher::Open(path, std::string(CREDENCE_SOURCE_DIR) + "/data/credence-factcheck-reranker.bin");
  ASSERT_TRUE(m) << m.error().ToString();
  std::vector<FactCheckMatch> matches = m->Match("BREAKING: the ferry tax has doubled in 2024! #FerryTax", 3, 0.0);
  ASSERT_FALSE(matches.empty());
  EXPECT_EQ(matches[0].fact_check.id, "ferry");
  EXPECT_GT(matches[0].score, 0.0);
  EXPECT_LE(matches[0].score, 1.0);
  for (std::size_t i = 1; i < matches.size(); ++i) EXPECT_LE(matches[i].score, matches[i - 1].score);
}

}  // namespace
}  // namespace credence::internal
