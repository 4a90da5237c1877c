// Tests for CompactJson (src/io/compact_json.cc): byte for byte what
// nlohmann's compact dump writes, on every escape, numbers of each kind,
// nesting, invalid UTF-8 (replaced, through nlohmann) and whole reports.
#include "io/compact_json.h"

#include <gtest/gtest.h>

#include <limits>
#include <string>

#include "io/json_report_writer.h"
#include "tests/analyzer_support.h"
#include "tests/test_support.h"

namespace credence::internal {
namespace {

using Json = nlohmann::ordered_json;

std::string NlohmannDump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

TEST(CompactJsonTest, EqualsNlohmannOnEveryKindOfValue) {
  std::string controls;
  for (int c = 0; c < 0x20; ++c) controls.push_back(static_cast<char>(c));
  const Json values[] = {
      nullptr, true, false, 0, -1, std::numeric_limits<std::int64_t>::min(),
      std::numeric_limits<std::uint64_t>::max(), 0.5, 1.0, -2.25e-7, 1e300, 0.1 + 0.2,
      "", "plain", "quote \" backslash \\ slash /", controls, "caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d \xf0\x9f\x98\x80",
      "\x7f del", "bad \xff byte", "truncated \xe2\x80", "surrogate \xed\xa0\x80", "overlong \xc0\xaf",
      Json::array(), Json::object(), Json::array({1, "two", nullptr, Json::array({3.5})}),
      Json{{"b", 1}, {"a", Json{{"nested \"key\"", "v\n"}}}, {"bad\xfe key", 2}},
  };
  for (const Json& v : values) EXPECT_EQ(CompactJson(v), NlohmannDump(v)) << NlohmannDump(v);
}

TEST(CompactJsonTest, EqualsNlohmannOnWholeReports) {
  for (const std::string name : {"demo-article.txt", "demo-article.html"}) {
    testing::Analyzed a = testing::Analyze(testing::ReadFileOrEmpty(std::string(CREDENCE_SOURCE_DIR) + "/examples/" + name));
    ASSERT_FALSE(a.doc.raw().empty());
    const Json report = ReportToJson(a.doc, a.report);
    EXPECT_EQ(CompactJson(report), NlohmannDump(report)) << name;
  }
  testing::Analyzed bad = testing::Analyze(std::string("Broken \xff\xfe bytes and a NUL \0 here, said Bob.", 44));
  const Json report = ReportToJson(bad.doc, bad.report);
  EXPECT_EQ(CompactJson(report), NlohmannDump(report));
}

}  // namespace
}  // namespace credence::internal
