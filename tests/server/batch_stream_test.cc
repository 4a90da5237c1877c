// Tests for StreamBatch (src/server/batch_stream.cc): the lines of a body
// in, `credence batch`'s lines out in order, and an early stop when the
// writer refuses (a client that went away).
#include "server/batch_stream.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline/record_analysis.h"
#include "tests/analyzer_support.h"

namespace credence::internal {
namespace {

std::string Lines(int n) {
  std::string body;
  for (int i = 0; i < n; ++i)
    body += nlohmann::json{{"id", "r" + std::to_string(i)}, {"text", "The council met on day " + std::to_string(i) + "."}}
                .dump() + "\n";
  return body;
}

TEST(StreamBatch, WritesEveryRecordInInputOrderAsBatchDoes) {
  std::vector<std::string> lines;
  const BatchStreamCounts counts =
      StreamBatch(testing::ModelFreeAnalyzer(), Lines(50) + "{broken\n", {.threads = 3, .max_record = 1 << 20, .format = {}},
                  [&](std::string_view line) {
                    lines.emplace_back(line);
                    return true;
                  });
  EXPECT_EQ(counts.records, 51u);
  EXPECT_EQ(counts.errors, 1u);
  EXPECT_FALSE(counts.cancelled);
  ASSERT_EQ(lines.size(), 51u);
  for (int i = 0; i < 50; ++i) EXPECT_EQ(nlohmann::json::parse(lines[i])["id"], "r" + std::to_string(i));
  EXPECT_EQ(nlohmann::json::parse(lines[50])["error"]["kind"], "bad_record");
  // The same line AnalyzeRecord gives `credence batch` for that record.
  BatchRecord record{.source = "request", .position = 1, .body = Lines(1), .json_pending = true};
  record.body.pop_back();
  EXPECT_EQ(lines[0], AnalyzeRecord(testing::ModelFreeAnalyzer(), std::move(record), RecordFields{}, BatchFormat{}, 1 << 20).line);
}

TEST(StreamBatch, StopsReadingWhenTheWriterRefuses) {
  int written = 0;
  const BatchStreamCounts counts = StreamBatch(testing::ModelFreeAnalyzer(), Lines(2000), {.threads = 2, .max_record = 1 << 20, .format = {}},
                                               [&](std::string_view) { return ++written < 3; });
  EXPECT_TRUE(counts.cancelled);
  EXPECT_EQ(counts.records, 2u);
  EXPECT_EQ(written, 3);  // never called again after refusing
}

}  // namespace
}  // namespace credence::internal
