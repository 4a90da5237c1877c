// Tests for ParseAnalyzeRequest (src/server/analyze_request.cc): what a
// POST /v1/analyze body may hold, and the message for each thing it may not.
#include "server/analyze_request.h"

#include <gtest/gtest.h>

#include <string>

namespace credence::internal {
namespace {

std::string ErrorOf(std::string_view body) {
  Result<AnalyzeRequest> r = ParseAnalyzeRequest(body, 1000);
  EXPECT_FALSE(r) << body;
  return r ? "" : r.error().message();
}

TEST(AnalyzeRequestTest, ReadsTextOrHtmlWithUrlAndTitle) {
  Result<AnalyzeRequest> text = ParseAnalyzeRequest(R"({"text": "Hi.", "url": "https://a.example/", "title": null})", 1000);
  ASSERT_TRUE(text) << text.error().ToString();
  EXPECT_EQ(text->body, "Hi.");
  EXPECT_EQ(text->options.kind, InputKind::kText);
  EXPECT_EQ(text->options.url, "https://a.example/");
  EXPECT_EQ(text->options.title, "");
  EXPECT_EQ(text->options.max_bytes, 1000u);
  Result<AnalyzeRequest> html = ParseAnalyzeRequest(R"({"html": "<p>x</p>", "title": "T"})", 1000);
  ASSERT_TRUE(html);
  EXPECT_EQ(html->options.kind, InputKind::kHtml);
  EXPECT_EQ(html->options.title, "T");
}

TEST(AnalyzeRequestTest, NamesWhatIsWrong) {
  EXPECT_EQ(ErrorOf("{\"text\": \"\xff\"}"), "the request body is not valid UTF-8");
  EXPECT_EQ(ErrorOf("{\"text\": "), "the request body is not valid JSON");
  EXPECT_EQ(ErrorOf(""), "the request body is not valid JSON");
  EXPECT_EQ(ErrorOf("[1]"), "the request body must be a JSON object with \"text\" or \"html\"");
  EXPECT_EQ(ErrorOf(R"({"txt": "a"})"), "unknown field \"txt\" (expected text or html, url, title)");
  EXPECT_EQ(ErrorOf(R"({"text": 5})"), "field \"text\" must be a string");
  EXPECT_EQ(ErrorOf(R"({"text": "a", "url": 3})"), "field \"url\" must be a string");
  EXPECT_EQ(ErrorOf(R"({"text": "a", "html": "b"})"), "give exactly one of \"text\" and \"html\"");
  EXPECT_EQ(ErrorOf(R"({"url": "https://a.example/"})"), "give exactly one of \"text\" and \"html\"");
}

}  // namespace
}  // namespace credence::internal
