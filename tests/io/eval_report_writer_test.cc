// Tests for the evaluation report: the HTML page with its SVG charts and
// tables, results.json, and the text table (with "n/a" for a missing AUC).
#include "io/eval_report_writer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/metrics.h"
#include "tests/test_support.h"

namespace credence::internal {
namespace {

class EvalReportWriter : public credence::testing::TempDirTest {};

EvalRow Row(std::string split, std::string trained, std::string tested, std::string subset,
            const std::vector<double>& p, const std::vector<bool>& y) {
  return EvalRow{std::move(split), std::move(trained), std::move(tested), std::move(subset), ComputeMetrics(p, y)};
}

ExperimentResults SmallResults() {
  ExperimentResults r;
  r.rows.push_back(Row("site", "site/train", "site/test", "all", {0.9, 0.2, 0.7, 0.4}, {true, false, true, false}));
  r.rows.push_back(Row("site", "site/train", "site/test", "toy_news", {0.9, 0.2}, {true, false}));
  // One class only: the AUC is NaN.
  r.rows.push_back(Row("random", "random/train", "random/test", "all", {0.8, 0.6, 0.3}, {true, true, true}));
  r.cross.push_back(Row("cross", "toy_news", "toy_blogs", "all", {0.6, 0.5, 0.1}, {true, false, false}));
  r.notes = {"read 9 records", "a note with <angle> & ampersand"};
  return r;
}

std::size_t Count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t pos = haystack.find(needle); pos != std::string::npos; pos = haystack.find(needle, pos + 1)) ++n;
  return n;
}

TEST_F(EvalReportWriter, WritesHtmlWithChartsAndTables) {
  const std::string out = dir_ + "/report/nested";
  ASSERT_TRUE(WriteEvalReport(out, SmallResults()).ok());
  const std::string html = credence::testing::ReadFileOrEmpty(out + "/index.html");
  ASSERT_FALSE(html.empty());
  EXPECT_EQ(html.rfind("<!doctype html>", 0), 0u);
  EXPECT_EQ(Count(html, "<svg"), 2u);  // ROC curves and reliability diagram
  EXPECT_EQ(Count(html, "</svg>"), 2u);
  EXPECT_NE(html.find("<polyline"), std::string::npos);
  EXPECT_NE(html.find("<td>site/train</td><td>site/test</td><td>all</td>"), std::string::npos);
  EXPECT_NE(html.find("<td>site/train</td><td>site/test</td><td>toy_news</td>"), std::string::npos);
  EXPECT_NE(html.find("<td>toy_news</td><td>toy_blogs</td><td>all</td>"), std::string::npos);
  // 3 rows + 1 cross row, plus the two header rows.
  EXPECT_EQ(Count(html, "<tr>"), 6u);
  EXPECT_NE(html.find("<td>n/a</td>"), std::string::npos);
  EXPECT_NE(html.find("a note with &lt;angle&gt; &amp; ampersand"), std::string::npos);
  EXPECT_EQ(html.find("<angle>"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
}

TEST_F(EvalReportWriter, WritesResultsJson) {
  const ExperimentResults results = SmallResults();
  ASSERT_TRUE(WriteEvalReport(dir_, results).ok());
  const std::string text = credence::testing::ReadFileOrEmpty(dir_ + "/results.json");
  nlohmann::json j;
  ASSERT_NO_THROW(j = nlohmann::json::parse(text)) << text.substr(0, 200);
  ASSERT_TRUE(j.is_object());
  ASSERT_TRUE(j["rows"].is_array());
  ASSERT_EQ(j["rows"].size(), 3u);
  ASSERT_EQ(j["cross"].size(), 1u);
  ASSERT_EQ(j["notes"].size(), 2u);
  EXPECT_EQ(j["notes"][1], "a note with <angle> & ampersand");
  const nlohmann::json& first = j["rows"][0];
  EXPECT_EQ(first["split"], "site");
  EXPECT_EQ(first["trained"], "site/train");
  EXPECT_EQ(first["tested"], "site/test");
  EXPECT_EQ(first["subset"], "all");
  EXPECT_EQ(first["count"], 4);
  EXPECT_EQ(first["unreliable"], 2);
  EXPECT_DOUBLE_EQ(first["accuracy"].get<double>(), 1.0);
  EXPECT_DOUBLE_EQ(first["roc_auc"].get<double>(), 1.0);
  EXPECT_TRUE(first["roc"].is_array());
  EXPECT_EQ(first["reliability"].size(), 10u);
  // NaN is not JSON: a one-class row's AUC is null.
  EXPECT_TRUE(j["rows"][2]["roc_auc"].is_null());
  // Cross rows carry no curves.
  EXPECT_FALSE(j["cross"][0].contains("roc"));
  EXPECT_EQ(j["cross"][0]["tested"], "toy_blogs");
}

TEST_F(EvalReportWriter, FailsWhenTheFolderCannotBeMade) {
  const std::string file = Write("plain-file", "x");
  Status s = WriteEvalReport(file + "/sub", SmallResults());
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kIoError);
}

TEST_F(EvalReportWriter, TextTableHasAHeaderAndOneLinePerRow) {
  const ExperimentResults results = SmallResults();
  const std::string text = EvalRowsToText(results.rows);
  std::istringstream in(text);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  ASSERT_EQ(lines.size(), 1 + results.rows.size());
  EXPECT_NE(lines[0].find("trained"), std::string::npos);
  EXPECT_NE(lines[0].find("AUC"), std::string::npos);
  EXPECT_EQ(lines[1].rfind("site/train", 0), 0u) << lines[1];
  EXPECT_NE(lines[2].find("toy_news"), std::string::npos);
  EXPECT_NE(lines[1].find("1.000"), std::string::npos) << lines[1];
  EXPECT_EQ(EvalRowsToText({}).find('\n'), EvalRowsToText({}).size() - 1);
}

TEST_F(EvalReportWriter, TextTablePrintsNotAvailableForNaNAuc) {
  const ExperimentResults results = SmallResults();
  ASSERT_TRUE(std::isnan(results.rows[2].metrics.roc_auc));
  const std::string text = EvalRowsToText({results.rows[2]});
  EXPECT_NE(text.find("n/a"), std::string::npos) << text;
  EXPECT_EQ(text.find("nan"), std::string::npos) << text;
  EXPECT_EQ(EvalRowsToText({results.rows[0]}).find("n/a"), std::string::npos);
}

}  // namespace
}  // namespace credence::internal
