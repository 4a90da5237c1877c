// Tests for ExtractHtml (src/html/html_article.cc): the rendered text, the
// spans into it, body shapes, links made absolute, removed runs merged.
#include <gtest/gtest.h>

#include <string>

#include "credence/html.h"

namespace credence {
namespace {

std::string Slice(const HtmlArticle& a, Span s) { return a.text.substr(s.start, s.size()); }

const char* kLongSentence =
    " said the mayor, who has led the town for a decade, adding that the work, paid for by the state, "
    "would take two years and close one lane at a time.";

std::string Page() {
  std::string html =
      "<!doctype html><html lang='en-GB'><head><title>Bridge to close | The Daily Example</title>"
      "<meta property='og:site_name' content='The Daily Example'>"
      "<link rel='canonical' href='https://example.org/news/bridge'></head><body>"
      "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
      "<nav><a href='/a'>A</a> <a href='/b'>B</a></nav>"
      "<article><h1>Bridge to close</h1>";
  html += "<p>The bridge will close in May," + std::string(kLongSentence) + "</p>";
  html += "<p>Engineers <a href='report.pdf'>found cracks</a> last year," + std::string(kLongSentence) + "</p>";
  html += "<blockquote><p>We had no choice," + std::string(kLongSentence) + "</p></blockquote>";
  html += "<ul><li>Detours via <a href='//maps.example.org/x'>the ring road</a></li><li>Buses every 10 minutes</li></ul>";
  html += "<p>Residents can <a href='#comments'>comment</a> or <a href='javascript:void(0)'>print</a>," +
          std::string(kLongSentence) + "</p></article></body></html>";
  return html;
}

TEST(ExtractHtml, SpansPointIntoTheRenderedText) {
  Result<HtmlArticle> a = ExtractHtml(Page());
  ASSERT_TRUE(a) << a.error().ToString();
  ASSERT_TRUE(a->article.headline);
  EXPECT_EQ(Slice(*a, *a->article.headline), "Bridge to close");
  ASSERT_GE(a->article.body.size(), 4u);
  EXPECT_EQ(Slice(*a, a->article.body[0]).rfind("The bridge will close in May,", 0), 0u);
  for (const Span& s : a->article.body) EXPECT_LE(s.end, a->text.size());
  for (const RemovedBlock& r : a->article.removed) EXPECT_LE(r.span.end, a->text.size());
  EXPECT_EQ(a->page.body_shapes.size(), a->article.body.size());
  EXPECT_EQ(a->page.site_name, "The Daily Example");
  EXPECT_EQ(a->page.language, "en-gb");
  EXPECT_EQ(a->page.encoding, "utf-8");
}

TEST(ExtractHtml, BodyBlocksKeepTheirShape) {
  Result<HtmlArticle> a = ExtractHtml(Page());
  ASSERT_TRUE(a);
  std::vector<std::string> shapes;
  for (BlockShape s : a->page.body_shapes) shapes.emplace_back(BlockShapeName(s));
  EXPECT_EQ(shapes, (std::vector<std::string>{"paragraph", "paragraph", "blockquote", "list_item", "list_item",
                                              "paragraph"}));
}

TEST(ExtractHtml, LinksAreMadeAbsoluteAndDeadOnesDropped) {
  Result<HtmlArticle> a = ExtractHtml(Page());
  ASSERT_TRUE(a);
  ASSERT_EQ(a->page.links.size(), 2u);
  EXPECT_EQ(Slice(*a, a->page.links[0].span), "found cracks");
  EXPECT_EQ(a->page.links[0].url, "https://example.org/news/report.pdf");
  EXPECT_EQ(Slice(*a, a->page.links[1].span), "the ring road");
  EXPECT_EQ(a->page.links[1].url, "https://maps.example.org/x");
  // --url wins over the canonical link as the base.
  Result<HtmlArticle> b = ExtractHtml(Page(), {.url = "http://mirror.example.net/x/y.html"});
  ASSERT_TRUE(b);
  EXPECT_EQ(b->page.links[0].url, "http://mirror.example.net/x/report.pdf");
}

TEST(ExtractHtml, RemovedBlocksInARowMerge) {
  Result<HtmlArticle> a = ExtractHtml(Page());
  ASSERT_TRUE(a);
  ASSERT_FALSE(a->article.removed.empty());
  // The two navigation bars are one run of site chrome before the article.
  EXPECT_EQ(Slice(*a, a->article.removed.front().span), "Home News Sport\n\nA B");
  EXPECT_EQ(a->article.removed.front().category, RemovedCategory::kSiteChrome);
}

TEST(ExtractHtml, EmptyAndTextlessPagesAreErrors) {
  EXPECT_EQ(ExtractHtml("").error().code(), StatusCode::kEmptyInput);
  EXPECT_EQ(ExtractHtml("<html><head><title>t</title></head><body><script>x()</script></body></html>").error().code(),
            StatusCode::kEmptyInput);
}

TEST(LooksLikeHtml, TellsPagesFromText) {
  EXPECT_TRUE(LooksLikeHtml("\xEF\xBB\xBF  <!DOCTYPE html><html>"));
  EXPECT_TRUE(LooksLikeHtml("<div><p>a</p><p>b</p></div>"));
  EXPECT_FALSE(LooksLikeHtml("The council met on Monday. It voted to use <p> tags in its minutes."));
  EXPECT_FALSE(LooksLikeHtml(""));
}

}  // namespace
}  // namespace credence
