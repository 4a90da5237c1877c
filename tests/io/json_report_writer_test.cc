// Tests for src/io/json_report_writer.cc and report_section_writer.cc: key
// order, span objects, nulls, widget numbers, rounding, valid UTF-8 output
// for repaired input, the text against the tree made from it, and `only`.
#include "io/json_report_writer.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "credence/analyzer.h"
#include "pipeline/analyze_input.h"
#include "tests/io/report_fixture.h"
#include "tests/test_support.h"

namespace credence::internal {
namespace {

using Json = nlohmann::ordered_json;
using testing::FixtureDocument;
using testing::FixtureReport;
using testing::Keys;
using testing::kFixtureText;

TEST(JsonReportWriter, TopLevelKeysInDocumentedOrder) {
  Document doc = FixtureDocument();
  Json j = ReportToJson(doc, FixtureReport());
  EXPECT_EQ(Keys(j), (std::vector<std::string>{"schema_version", "credence_version", "input", "verdict", "site", "page",
                                               "article", "removed", "structure", "quotes", "attributions", "cues", "techniques", "claims", "headline", "fact_checks",
                                            "warnings"}));
  EXPECT_TRUE(j["verdict"].is_null());  // the fixture report has no model's verdict
  EXPECT_TRUE(j["site"].is_null());
  EXPECT_TRUE(j["page"].is_null());  // text input: no page
  EXPECT_EQ(j["schema_version"], kReportSchemaVersion);
  EXPECT_EQ(j["credence_version"], CREDENCE_VERSION);
}

TEST(JsonReportWriter, InputCountsAndNulls) {
  Document doc = FixtureDocument();
  Json in = ReportToJson(doc, FixtureReport())["input"];
  EXPECT_EQ(Keys(in), (std::vector<std::string>{"bytes", "url", "title", "invalid_utf8_bytes", "nul_bytes",
                                                "control_bytes"}));
  EXPECT_EQ(in["bytes"], kFixtureText.size());
  EXPECT_EQ(in["url"], "https://example.com/a");
  EXPECT_TRUE(in["title"].is_null());
  EXPECT_EQ(in["nul_bytes"], 0);
}

TEST(JsonReportWriter, SpansAreStartEndText) {
  Document doc = FixtureDocument();
  Json a = ReportToJson(doc, FixtureReport())["article"];
  EXPECT_EQ(Keys(a), (std::vector<std::string>{"headline", "standfirst", "byline", "date", "given_title", "body"}));
  EXPECT_EQ(Keys(a["headline"]), (std::vector<std::string>{"start", "end", "text"}));
  EXPECT_EQ(a["headline"]["text"], "US colluded with ISIS");
  EXPECT_EQ(a["headline"]["start"], kFixtureText.find("US colluded"));
  EXPECT_TRUE(a["standfirst"].is_null());
  EXPECT_TRUE(a["byline"].is_null());
  EXPECT_TRUE(a["given_title"].is_null());
  ASSERT_EQ(a["body"].size(), 2u);
  EXPECT_EQ(a["body"][1]["text"], "It may be so.");
}

TEST(JsonReportWriter, RemovedBlocksCarryWidgetNumbersOnlyWhenPresent) {
  Document doc = FixtureDocument();
  Json removed = ReportToJson(doc, FixtureReport())["removed"];
  ASSERT_EQ(removed.size(), 2u);
  EXPECT_EQ(removed[0]["category"], "site_chrome");
  EXPECT_EQ(removed[0]["rule"], "stray_category_line");
  EXPECT_EQ(removed[0]["text"], "in ,");
  EXPECT_FALSE(removed[0].contains("widget"));
  EXPECT_EQ(removed[1]["category"], "widget");
  EXPECT_EQ(Keys(removed[1]["widget"]), (std::vector<std::string>{"points", "up_percent"}));
  EXPECT_TRUE(removed[1]["widget"]["points"].is_number_integer());
  EXPECT_DOUBLE_EQ(removed[1]["widget"]["up_percent"].get<double>(), 92.207792);
}

TEST(JsonReportWriter, StructureHasRolesSentencesAndCounts) {
  Document doc = FixtureDocument();
  Json st = ReportToJson(doc, FixtureReport())["structure"];
  ASSERT_EQ(st["paragraphs"].size(), 3u);
  EXPECT_EQ(st["paragraphs"][0]["role"], "headline");
  EXPECT_EQ(st["paragraphs"][1]["role"], "body");
  EXPECT_EQ(st["paragraphs"][0]["sentences"][0]["text"], "US colluded with ISIS");
  EXPECT_EQ(st["counts"]["paragraphs"], 3);
  EXPECT_EQ(st["counts"]["sentences"], 3);
  EXPECT_EQ(st["counts"]["tokens"], 3);
  EXPECT_EQ(st["counts"]["words"], 2);
}

TEST(JsonReportWriter, QuotesAndAttributionsLinkByIndex) {
  Document doc = FixtureDocument();
  Json j = ReportToJson(doc, FixtureReport());
  EXPECT_EQ(j["quotes"][0]["inner"]["text"], "helicopters flew,");
  EXPECT_EQ(j["quotes"][0]["speaker"]["text"], "Jane Doe");
  EXPECT_EQ(j["quotes"][0]["attribution"], 1);
  EXPECT_TRUE(j["quotes"][1]["speaker"].is_null());
  EXPECT_TRUE(j["quotes"][1]["attribution"].is_null());
  Json a = j["attributions"][0];
  EXPECT_EQ(Keys(a), (std::vector<std::string>{"start", "end", "text", "verb", "source", "source_kind", "outlet",
                                                "link"}));
  EXPECT_EQ(a["source_kind"], "state_affiliated_outlet");
  EXPECT_EQ(a["outlet"], "Sputnik (Russia)");
  EXPECT_TRUE(j["attributions"][0]["link"].is_null());  // text input: no links
  EXPECT_TRUE(j["attributions"][1]["outlet"].is_null());
}

TEST(JsonReportWriter, CuesUseCatalogueNamesAndRoundStrength) {
  Document doc = FixtureDocument();
  Json cues = ReportToJson(doc, FixtureReport())["cues"];
  ASSERT_EQ(cues.size(), 2u);
  EXPECT_EQ(Keys(cues[0]), (std::vector<std::string>{"id", "description", "strength", "detail", "evidence"}));
  EXPECT_EQ(cues[0]["id"], "hedging");
  EXPECT_EQ(cues[0]["description"], std::string(GetCueInfo(CueId::kHedging).description));
  EXPECT_DOUBLE_EQ(cues[0]["strength"].get<double>(), 0.123);
  EXPECT_EQ(cues[0]["evidence"][0]["text"], "may");
}

TEST(JsonReportWriter, SiteCountsRatersAndNamesEachRatingsRater) {
  Document doc = FixtureDocument();
  Report r = FixtureReport();
  r.site = SummarizeRatings("example.com", {{.list = "mbfc_acl2020", .date = "2020-07", .rating = "reliable"},
                                            {.list = "mbfcext", .date = "2026-08-19", .rating = "unreliable"},
                                            {.list = "opensources", .date = "2017-04", .rating = "unreliable"}});
  const Json site = ReportToJson(doc, r)["site"];
  EXPECT_EQ(Keys(site), (std::vector<std::string>{"domain", "consensus", "raters_unreliable", "raters_rated", "raters",
                                                  "lists_unreliable", "lists_rated", "ratings"}));
  EXPECT_EQ(site["consensus"], "unreliable");
  EXPECT_EQ(site["raters_unreliable"], 2);
  EXPECT_EQ(site["raters_rated"], 2);
  EXPECT_EQ(site["lists_unreliable"], 2);
  EXPECT_EQ(site["lists_rated"], 3);
  ASSERT_EQ(site["raters"].size(), 2u);
  const Json& mbfc = site["raters"][0];
  EXPECT_EQ(Keys(mbfc), (std::vector<std::string>{"rater", "name", "rating", "list", "date", "snapshots", "first_date",
                                                  "last_date"}));
  EXPECT_EQ(mbfc["rater"], "mbfc");
  EXPECT_EQ(mbfc["name"], "Media Bias/Fact Check");
  EXPECT_EQ(mbfc["rating"], "unreliable");
  EXPECT_EQ(mbfc["list"], "mbfcext");
  EXPECT_EQ(mbfc["date"], "2026-08-19");
  EXPECT_EQ(mbfc["snapshots"], 2);
  EXPECT_EQ(mbfc["first_date"], "2020-07");
  EXPECT_EQ(mbfc["last_date"], "2026-08-19");
  EXPECT_EQ(site["raters"][1]["rater"], "opensources");
  ASSERT_EQ(site["ratings"].size(), 3u);
  EXPECT_EQ(Keys(site["ratings"][0]),
            (std::vector<std::string>{"list", "rater", "date", "rating", "factuality", "bias", "detail"}));
  EXPECT_EQ(site["ratings"][0]["rater"], "mbfc");
  EXPECT_EQ(site["ratings"][1]["rater"], "mbfc");
  EXPECT_EQ(site["ratings"][2]["rater"], "opensources");
}

TEST(JsonReportWriter, PrettyAndCompactParseToTheSameValue) {
  Document doc = FixtureDocument();
  Report report = FixtureReport();
  std::string pretty = WriteJsonReport(doc, report, true);
  std::string compact = WriteJsonReport(doc, report, false);
  EXPECT_NE(pretty.find("\n  \"credence_version\""), std::string::npos);
  EXPECT_EQ(compact.find('\n'), compact.size() - 1);
  EXPECT_EQ(Json::parse(pretty), Json::parse(compact));
}

TEST(JsonReportWriter, RepairedBytesAndBadTitleStillGiveValidUtf8) {
  constexpr char kBytes[] = "Caf\xC3 ok\xFF\xFE and NUL\0 here.";
  std::string bytes(kBytes, sizeof kBytes - 1);
  Result<Document> doc = Document::FromBytes(bytes, {.title = "bad \xC0 title"});
  ASSERT_TRUE(doc) << doc.error().ToString();
  Report report;
  report.article.body = {Span{0, bytes.size()}};
  report.article.given_title = doc->title();
  std::string out = WriteJsonReport(*doc, report, false);
  Json j = Json::parse(out);  // throws, failing the test, on invalid UTF-8
  std::string text = j["article"]["body"][0]["text"];
  EXPECT_NE(text.find("\xEF\xBF\xBD"), std::string::npos);
  EXPECT_EQ(j["input"]["title"], "bad \xEF\xBF\xBD title");
  EXPECT_EQ(j["input"]["nul_bytes"], 1);
  EXPECT_EQ(j["input"]["invalid_utf8_bytes"], 3);
}

// The demo articles, text and HTML, analyzed with the shipped model and a
// url that the source lists rate, so that every section has content.
std::vector<AnalyzedInput> DemoReports() {
  static const Result<Analyzer> analyzer = Analyzer::Create({});
  EXPECT_TRUE(analyzer) << analyzer.error().ToString();
  std::vector<AnalyzedInput> reports;
  if (!analyzer) return reports;
  for (const std::string name : {"demo-article.txt", "demo-article.html"}) {
    std::string bytes = testing::ReadFileOrEmpty(std::string(CREDENCE_SOURCE_DIR) + "/examples/" + name);
    Result<AnalyzedInput> done = AnalyzeInput(*analyzer, std::move(bytes), {.url = "https://theduran.com/a"});
    EXPECT_TRUE(done) << name << ": " << done.error().ToString();
    if (done) reports.push_back(std::move(*done));
  }
  return reports;
}

TEST(JsonReportWriter, TextParsesToTheTreeAndIsNlohmannsCompactDumpOfIt) {
  const std::vector<AnalyzedInput> reports = DemoReports();
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_FALSE(reports[1].report.page == std::nullopt);  // the HTML page
  for (const AnalyzedInput& a : reports) {
    EXPECT_TRUE(a.report.verdict && a.report.site);
    const std::string text = ReportJsonText(a.document, a.report);
    const Json tree = ReportToJson(a.document, a.report);
    EXPECT_EQ(Json::parse(text), tree);
    EXPECT_EQ(tree.dump(-1, ' ', false, Json::error_handler_t::replace), text);
    EXPECT_EQ(WriteJsonReport(a.document, a.report, false), text + "\n");
  }
  const Document doc = FixtureDocument();
  const std::string text = ReportJsonText(doc, FixtureReport());
  EXPECT_EQ(ReportToJson(doc, FixtureReport()).dump(), text);
}

TEST(JsonReportWriter, OnlyWritesTheNamedKeysInDocumentedOrder) {
  const Document doc = FixtureDocument();
  const Json j = Json::parse(ReportJsonText(doc, FixtureReport(), {"cues", "input", "no_such_key"}));
  EXPECT_EQ(Keys(j), (std::vector<std::string>{"input", "cues"}));
  EXPECT_EQ(j["cues"], ReportToJson(doc, FixtureReport())["cues"]);
  EXPECT_EQ(ReportToJson(doc, FixtureReport(), {"cues", "input"}), j);
  EXPECT_EQ(ReportJsonText(doc, FixtureReport(), {"no_such_key"}), "{}");
}

TEST(JsonReportWriter, SpansThatCutACharacterShowAsSlice) {
  const Document doc = FixtureDocument();  // valid UTF-8: nothing repaired
  const std::size_t quote = kFixtureText.find("\xE2\x80\x9C");
  Report report;
  report.article.body = {Span{quote, quote + 2}, Span{quote + 1, quote + 6}, Span{quote, quote}};
  const Json body = Json::parse(ReportJsonText(doc, report))["article"]["body"];
  ASSERT_EQ(body.size(), 3u);
  for (std::size_t i = 0; i < body.size(); ++i) EXPECT_EQ(body[i]["text"], doc.Slice(report.article.body[i])) << i;
  EXPECT_EQ(body[0]["text"], "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(body[2]["text"], "");
}

}  // namespace
}  // namespace credence::internal
