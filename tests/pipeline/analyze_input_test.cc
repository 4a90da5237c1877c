// Tests for AnalyzeInput (src/pipeline/analyze_input.cc): text or a web page
// chosen as asked or from the first bytes, the page's canonical URL and
// title standing in for missing ones, and failures passed on.
#include "pipeline/analyze_input.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/analyzer_support.h"

namespace credence::internal {
namespace {

const std::string kPage =
    "<!DOCTYPE html><html><head><title>Council Votes On Bridge</title>"
    "<link rel=\"canonical\" href=\"https://theduran.com/bridge\"></head><body><article>"
    "<h1>Council Votes On Bridge</h1><p>The council voted on Tuesday to build the bridge, "
    "according to a statement from the mayor's office.</p><p>Work starts in May.</p></article></body></html>";

TEST(AnalyzeInputTest, DetectsAPageAndUsesItsCanonicalUrlAndTitle) {
  Result<AnalyzedInput> done = AnalyzeInput(testing::ModelFreeAnalyzer(), kPage, {});
  ASSERT_TRUE(done) << done.error().ToString();
  ASSERT_TRUE(done->html.has_value());
  EXPECT_EQ(done->document.url(), "https://theduran.com/bridge");
  EXPECT_EQ(done->document.title(), "Council Votes On Bridge");
  EXPECT_EQ(done->document.raw(), done->html->text);  // spans point into the rendered page
  ASSERT_TRUE(done->report.site.has_value());
  EXPECT_EQ(done->report.site->domain, "theduran.com");
}

TEST(AnalyzeInputTest, GivenUrlAndTitleWinOverThePages) {
  Result<AnalyzedInput> done =
      AnalyzeInput(testing::ModelFreeAnalyzer(), kPage, {.url = "https://example.org/a", .title = "Given"});
  ASSERT_TRUE(done);
  EXPECT_EQ(done->document.url(), "https://example.org/a");
  EXPECT_EQ(done->document.title(), "Given");
}

TEST(AnalyzeInputTest, TextKindReadsMarkupAsText) {
  Result<AnalyzedInput> done = AnalyzeInput(testing::ModelFreeAnalyzer(), kPage, {.kind = InputKind::kText});
  ASSERT_TRUE(done);
  EXPECT_FALSE(done->html.has_value());
  EXPECT_EQ(done->document.raw(), kPage);
}

TEST(AnalyzeInputTest, HtmlKindReadsPlainTextAsAPage) {
  Result<AnalyzedInput> done =
      AnalyzeInput(testing::ModelFreeAnalyzer(), "Just a line of text, said the mayor.", {.kind = InputKind::kHtml});
  ASSERT_TRUE(done) << done.error().ToString();
  EXPECT_TRUE(done->html.has_value());
}

TEST(AnalyzeInputTest, FailuresArePassedOn) {
  Result<AnalyzedInput> empty = AnalyzeInput(testing::ModelFreeAnalyzer(), "  \n", {});
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().code(), StatusCode::kEmptyInput);
  Result<AnalyzedInput> large = AnalyzeInput(testing::ModelFreeAnalyzer(), std::string(100, 'a'), {.max_bytes = 10});
  ASSERT_FALSE(large);
  EXPECT_EQ(large.error().code(), StatusCode::kTooLarge);
  Result<AnalyzedInput> blank_page = AnalyzeInput(testing::ModelFreeAnalyzer(), "<html><body></body></html>", {});
  ASSERT_FALSE(blank_page);
  EXPECT_EQ(blank_page.error().code(), StatusCode::kEmptyInput);
}

}  // namespace
}  // namespace credence::internal
