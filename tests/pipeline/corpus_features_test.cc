// Tests for FeaturizeRecords: examples come back in record order with their
// labels, the thread count changes nothing, and a record that is not a
// Document becomes an error without stopping the others.
#include "pipeline/corpus_features.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "credence/analyzer.h"
#include "tests/analyzer_support.h"
#include "credence/document.h"
#include "model/features.h"

namespace credence::internal {
namespace {

constexpr std::uint32_t kBuckets = 1u << 12;

using testing::ModelFreeAnalyzer;

CorpusRecord Record(std::string id, std::string text, bool unreliable, std::string title = "") {
  CorpusRecord r;
  r.id = std::move(id);
  r.dataset = "toy";
  r.domain = "example.com";
  r.url = "https://example.com/" + r.id;
  r.title = std::move(title);
  r.text = std::move(text);
  r.unreliable = unreliable;
  return r;
}

std::vector<CorpusRecord> Records() {
  return {
      Record("r0", "Library Extends Hours\n\nThe town library will stay open until nine on weekdays.\n\nStaff said "
                   "demand had grown.\n",
             false),
      Record("r1", "SHOCKING: they don't want you to know this one trick!!! Share before it is deleted.", true),
      Record("blank", "  \n\t \r\n  ", true),
      Record("r3", "Rail works will close the line between two stations for a week, the operator said.", false,
             "Rail Line Closes For Works"),
      Record("nul", std::string(64, '\0'), false),
      Record("r5", "Experts reportedly say the miracle pill could possibly cure everything, sources claim.", true),
  };
}

// Returns the features of one record computed on its own.
std::vector<FeatureEntry> Alone(const CorpusRecord& r) {
  Result<Document> doc = Document::FromBytes(r.text, {.url = r.url, .title = r.title});
  EXPECT_TRUE(doc) << r.id;
  return ExtractFeatures(doc->text(), ModelFreeAnalyzer().Analyze(*doc), kBuckets).entries;
}

void ExpectSameEntries(const std::vector<FeatureEntry>& a, const std::vector<FeatureEntry>& b, const std::string& what) {
  ASSERT_EQ(a.size(), b.size()) << what;
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].index, b[i].index) << what << " entry " << i;
    EXPECT_EQ(a[i].value, b[i].value) << what << " entry " << i;
  }
}

TEST(CorpusFeatures, KeepsRecordOrderAndLabels) {
  const std::vector<CorpusRecord> records = Records();
  FeaturizedCorpus out = FeaturizeRecords(ModelFreeAnalyzer(), records, kBuckets, 2);
  ASSERT_EQ(out.examples.size(), records.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    EXPECT_EQ(out.examples[i].positive, records[i].unreliable) << records[i].id;
    if (records[i].id == "blank" || records[i].id == "nul") continue;
    ExpectSameEntries(out.examples[i].entries, Alone(records[i]), records[i].id);
  }
}

TEST(CorpusFeatures, SameResultWithOneOrThreeThreads) {
  const std::vector<CorpusRecord> records = Records();
  FeaturizedCorpus one = FeaturizeRecords(ModelFreeAnalyzer(), records, kBuckets, 1);
  FeaturizedCorpus three = FeaturizeRecords(ModelFreeAnalyzer(), records, kBuckets, 3);
  ASSERT_EQ(one.examples.size(), three.examples.size());
  for (std::size_t i = 0; i < one.examples.size(); ++i) {
    EXPECT_EQ(one.examples[i].positive, three.examples[i].positive);
    ExpectSameEntries(one.examples[i].entries, three.examples[i].entries, records[i].id);
  }
  std::vector<std::string> e1 = one.errors, e3 = three.errors;
  std::sort(e1.begin(), e1.end());
  std::sort(e3.begin(), e3.end());
  EXPECT_EQ(e1, e3);
}

TEST(CorpusFeatures, RecordsThatAreNotDocumentsBecomeErrors) {
  const std::vector<CorpusRecord> records = Records();
  FeaturizedCorpus out = FeaturizeRecords(ModelFreeAnalyzer(), records, kBuckets, 3);
  ASSERT_EQ(out.errors.size(), 2u);
  std::vector<std::string> errors = out.errors;
  std::sort(errors.begin(), errors.end());
  EXPECT_EQ(errors[0].rfind("blank: ", 0), 0u) << errors[0];
  EXPECT_EQ(errors[1].rfind("nul: ", 0), 0u) << errors[1];
  EXPECT_TRUE(out.examples[2].entries.empty());
  EXPECT_TRUE(out.examples[4].entries.empty());
  for (std::size_t i : {0, 1, 3, 5}) EXPECT_FALSE(out.examples[i].entries.empty()) << records[i].id;
  // The given title reached the features as headline n-grams.
  Result<Document> doc = Document::FromBytes(records[3].text);
  ASSERT_TRUE(doc);
  const std::vector<FeatureEntry> untitled = ExtractFeatures(doc->text(), ModelFreeAnalyzer().Analyze(*doc), kBuckets).entries;
  EXPECT_GT(out.examples[3].entries.size(), untitled.size());
}

TEST(CorpusFeatures, EmptyInputGivesEmptyOutput) {
  FeaturizedCorpus out = FeaturizeRecords(ModelFreeAnalyzer(), {}, kBuckets, 3);
  EXPECT_TRUE(out.examples.empty());
  EXPECT_TRUE(out.errors.empty());
}

}  // namespace
}  // namespace credence::internal
