// Tests for the JSONL lines of src/io/batch_output.cc: the record's keys in
// front of the report, chosen fields in the order asked for, and error
// lines with a repaired message.
#include "io/batch_output.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "io/json_report_writer.h"
#include "tests/io/report_fixture.h"

namespace credence::internal {
namespace {

using Json = nlohmann::ordered_json;

BatchRecord Record() {
  BatchRecord record;
  record.source = "in.jsonl";
  record.position = 7;
  record.id = "a\"1";
  return record;
}

TEST(BatchOutput, FullLineIsTheRecordKeysThenTheReport) {
  const Document doc = testing::FixtureDocument();
  const Report report = testing::FixtureReport();
  const std::string line = ReportLine(Record(), doc, report, {});
  const std::string report_text = ReportJsonText(doc, report);
  EXPECT_EQ(line, R"({"id":"a\"1","source":"in.jsonl","position":7,)" + report_text.substr(1) + "\n");
}

TEST(BatchOutput, ChosenFieldsComeInTheOrderAskedFor) {
  const Document doc = testing::FixtureDocument();
  const Report report = testing::FixtureReport();
  const std::string line = ReportLine(Record(), doc, report, {.fields = {"cues", "label", "id", "input", "label"}});
  const Json j = Json::parse(line);
  EXPECT_EQ(testing::Keys(j), (std::vector<std::string>{"id", "source", "position", "cues", "label", "input"}));
  EXPECT_TRUE(j["label"].is_null());  // the fixture has no verdict
  EXPECT_EQ(j["cues"], ReportToJson(doc, report)["cues"]);
  EXPECT_EQ(j["input"], ReportToJson(doc, report)["input"]);
}

TEST(BatchOutput, ReportKeyGivenTwiceIsWrittenOnceWithItsValue) {
  const Document doc = testing::FixtureDocument();
  const Report report = testing::FixtureReport();
  const Json j = Json::parse(ReportLine(Record(), doc, report, {.fields = {"cues", "cues"}}));
  EXPECT_EQ(testing::Keys(j), (std::vector<std::string>{"id", "source", "position", "cues"}));
  EXPECT_EQ(j["cues"], ReportToJson(doc, report)["cues"]);
}

TEST(BatchOutput, FieldListsAreTrimmedAndSkipEmptyNames) {
  EXPECT_EQ(ParseFieldList("label, probability ,cues"), (std::vector<std::string>{"label", "probability", "cues"}));
  EXPECT_EQ(ParseFieldList(",, label,,  ,"), (std::vector<std::string>{"label"}));
  EXPECT_TRUE(ParseFieldList("").empty());
  EXPECT_TRUE(ParseFieldList("   ").empty());
  // A name given twice is kept once: JSON output would otherwise repeat (and void) the key.
  EXPECT_EQ(ParseFieldList("cues, label,cues"), (std::vector<std::string>{"cues", "label"}));
}

TEST(BatchOutput, ErrorLineCarriesKindAndRepairedMessage) {
  const std::string line = ErrorLine(Record(), "bad_record", "broken \xff here", {});
  EXPECT_EQ(line, "{\"id\":\"a\\\"1\",\"source\":\"in.jsonl\",\"position\":7,"
                  "\"error\":{\"kind\":\"bad_record\",\"message\":\"broken \xEF\xBF\xBD here\"}}\n");
}

}  // namespace
}  // namespace credence::internal
