// Tests for Analyzer::Analyze on an HTML page (src/pipeline/analyzer.cc with
// src/html): the page's article goes through the same stages as text, so
// the demo article as a web page and as scraped text give the same cues and
// attributions, and every span points into the rendered page.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "credence/html.h"
#include "tests/analyzer_support.h"
#include "tests/test_support.h"

namespace credence {
namespace {

struct HtmlAnalyzed {
  HtmlArticle html;
  Document doc;
  Report report;
};

HtmlAnalyzed AnalyzeHtml(const std::string& bytes) {
  Result<HtmlArticle> html = ExtractHtml(bytes);
  EXPECT_TRUE(html) << html.error().ToString();
  Result<Document> doc = Document::FromBytes(html->text, {.title = html->page.title});
  EXPECT_TRUE(doc) << doc.error().ToString();
  Report report = testing::ModelFreeAnalyzer().Analyze(*doc, *html);
  return {std::move(*html), std::move(*doc), std::move(report)};
}

std::string Example(const std::string& name) {
  return testing::ReadFileOrEmpty(std::string(CREDENCE_SOURCE_DIR) + "/examples/" + name);
}

TEST(HtmlAnalyze, DemoPageFindsWhatTheTextDemoFinds) {
  const std::string page = Example("demo-article.html"), text = Example("demo-article.txt");
  ASSERT_FALSE(page.empty());
  ASSERT_FALSE(text.empty());
  const HtmlAnalyzed from_html = AnalyzeHtml(page);
  const testing::Analyzed from_text = testing::Analyze(text);

  auto cue_ids = [](const Report& r) {
    std::set<std::string> ids;
    for (const Cue& c : r.cues)
      if (c.strength > 0 && c.id != CueId::kMissingBylineOrDate) ids.insert(std::string(GetCueInfo(c.id).name));
    return ids;
  };
  EXPECT_EQ(cue_ids(from_html.report), cue_ids(from_text.report));
  auto attributions = [](const Document& doc, const Report& r) {
    std::set<std::string> out;
    for (const Attribution& a : r.attributions)
      out.insert(doc.Slice(a.span) + " / " + std::string(SourceKindName(a.kind)));
    return out;
  };
  EXPECT_EQ(attributions(from_html.doc, from_html.report), attributions(from_text.doc, from_text.report));
  // The page knows more than the text: its byline, its metadata, its links.
  ASSERT_TRUE(from_html.report.article.byline);
  EXPECT_EQ(from_html.doc.Slice(*from_html.report.article.byline), "By Rick Sample");
  ASSERT_TRUE(from_html.report.page);
  EXPECT_EQ(from_html.report.page->authors, std::vector<std::string>{"Rick Sample"});
  ASSERT_EQ(from_html.report.page->links.size(), 1u);
  EXPECT_EQ(from_html.report.page->links[0].url, "https://xinhua.example/mineral");
  // The link on "Xinhua reported" is the source that attribution cites.
  std::size_t linked = 0;
  for (const Attribution& a : from_html.report.attributions) {
    if (a.link.empty()) continue;
    ++linked;
    EXPECT_EQ(from_html.doc.Slice(a.span), "Xinhua reported");
    EXPECT_EQ(a.link, "https://xinhua.example/mineral");
  }
  EXPECT_EQ(linked, 1u);
}

TEST(HtmlAnalyze, RemovedBlocksKeepCategoriesAndWidgetNumbers) {
  const HtmlAnalyzed a = AnalyzeHtml(Example("demo-article.html"));
  std::set<std::string> categories;
  double total_votes = 0;
  for (const RemovedBlock& r : a.report.article.removed) {
    categories.insert(std::string(RemovedCategoryName(r.category)));
    if (r.widget.total) total_votes = *r.widget.total;
    EXPECT_LE(r.span.end, a.doc.size());
  }
  for (const char* c : {"site_chrome", "share", "related", "caption", "signature", "appeal", "widget",
                        "comment_prompt", "copyright"})
    EXPECT_TRUE(categories.count(c)) << c;
  EXPECT_EQ(total_votes, 14);
  ASSERT_TRUE(a.report.article.standfirst);
  EXPECT_EQ(a.doc.Slice(*a.report.article.standfirst), "Is this the discovery Big Pharma does not want you to see?");
}

}  // namespace
}  // namespace credence
