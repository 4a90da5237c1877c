// Tests for FindContent (src/html/content_finder.cc): which blocks of a page
// are the article, its headline, byline and date, and what was removed why.
#include "html/content_finder.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace credence::internal {
namespace {

struct Found {
  std::vector<std::string> body;
  std::string headline, standfirst, byline, date;
  std::vector<std::pair<std::string, RemovedCategory>> removed;
};

Found Find(std::string_view html, PageMetadata meta = {}) {
  Result<HtmlPage> page = ParseHtmlPage(html);
  EXPECT_TRUE(page);
  Found found;
  if (!page) return found;
  const std::vector<BlockRole> roles = FindContent(*page, meta);
  EXPECT_EQ(roles.size(), page->blocks.size());
  for (std::size_t i = 0; i < roles.size(); ++i) {
    const std::string& text = page->blocks[i].text;
    switch (roles[i].kind) {
      case BlockKind::kBody: found.body.push_back(text); break;
      case BlockKind::kHeadline: found.headline = text; break;
      case BlockKind::kStandfirst: found.standfirst = text; break;
      case BlockKind::kByline: found.byline = text; break;
      case BlockKind::kDate: found.date = text; break;
      case BlockKind::kRemoved: found.removed.emplace_back(text, roles[i].category); break;
    }
  }
  return found;
}

std::string Paragraph(int i) {
  return "Paragraph " + std::to_string(i) +
         " of the report says that the council, after a long debate, voted to repair the old bridge, "
         "which carries most of the town's traffic, before the winter floods arrive.";
}

std::string NewsPage() {
  std::string html =
      "<html><head><title>Council votes to repair bridge | The Daily Example</title></head><body>"
      "<nav class='site-nav'><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li>"
      "<li><a href='/sport'>Sport</a></li><li><a href='/weather'>Weather</a></li></ul></nav>"
      "<div class='page'><header><h1>Council votes to repair bridge</h1>"
      "<p class='byline'>By Jane Example</p><p class='dateline'>March 3, 2021</p></header>"
      "<div class='article-body'>";
  for (int i = 1; i <= 6; ++i) html += "<p>" + Paragraph(i) + "</p>";
  html += "<h2>What happens next</h2><p>" + Paragraph(7) + "</p>";
  html += "<p>Advertisement</p>";
  html += "<div class='share-tools'><a href='#'>Share on Facebook</a> <a href='#'>Share on X</a></div>";
  html += "</div><aside class='related-stories'><h3>Related</h3><ul>";
  for (int i = 0; i < 5; ++i)
    html += "<li><a href='/story" + std::to_string(i) + "'>Another story about the town number " +
            std::to_string(i) + "</a></li>";
  html += "</ul></aside><div id='comments'><p>Leave a comment</p></div></div>"
          "<footer><p>\xC2\xA9 2021 The Daily Example. All rights reserved.</p></footer></body></html>";
  return html;
}

TEST(ContentFinder, FindsTheArticleAndItsParts) {
  PageMetadata meta;
  meta.title = "Council votes to repair bridge";
  const Found f = Find(NewsPage(), meta);
  std::vector<std::string> expected;
  for (int i = 1; i <= 6; ++i) expected.push_back(Paragraph(i));
  expected.push_back("What happens next");
  expected.push_back(Paragraph(7));
  EXPECT_EQ(f.body, expected);
  EXPECT_EQ(f.headline, "Council votes to repair bridge");
  EXPECT_EQ(f.byline, "By Jane Example");
  EXPECT_EQ(f.date, "March 3, 2021");
}

TEST(ContentFinder, NamesWhatItRemoved) {
  const Found f = Find(NewsPage());
  auto category_of = [&](const std::string& text) {
    for (const auto& [t, c] : f.removed)
      if (t == text) return std::string(RemovedCategoryName(c));
    return std::string("not removed");
  };
  EXPECT_EQ(category_of("Home"), "site_chrome");
  EXPECT_EQ(category_of("Another story about the town number 2"), "related");
  EXPECT_EQ(category_of("Leave a comment"), "comment_prompt");
  EXPECT_EQ(category_of("Share on Facebook Share on X"), "share");
  EXPECT_EQ(category_of("\xC2\xA9 2021 The Daily Example. All rights reserved."), "copyright");
  EXPECT_NE(category_of("Advertisement"), "not removed");  // a leftover line inside the article
}

TEST(ContentFinder, SiblingParagraphsOutsideTheBestContainerAreKept) {
  // The article's paragraphs are split over two sibling containers.
  std::string html = "<body><div class='main'><div class='part'>";
  for (int i = 1; i <= 4; ++i) html += "<p>" + Paragraph(i) + "</p>";
  html += "</div><div class='part'>";
  for (int i = 5; i <= 7; ++i) html += "<p>" + Paragraph(i) + "</p>";
  html += "</div></div><div class='sidebar'><p>Most read</p></div></body>";
  const Found f = Find(html);
  ASSERT_EQ(f.body.size(), 7u);
  EXPECT_EQ(f.body.back(), Paragraph(7));
}

TEST(ContentFinder, LinkListsInsideTheArticleAreCleanedOut) {
  std::string html = "<body><article>";
  for (int i = 1; i <= 5; ++i) html += "<p>" + Paragraph(i) + "</p>";
  html += "<div><a href='/a'>Read more about bridges</a> <a href='/b'>More on the council</a></div>";
  html += "<p>" + Paragraph(6) + "</p></article></body>";
  const Found f = Find(html);
  ASSERT_EQ(f.body.size(), 6u);
  for (const std::string& b : f.body) EXPECT_EQ(b.find("Read more"), std::string::npos);
}

TEST(ContentFinder, ShortPagesFallBackToFewerRules) {
  // Everything sits in a container named like a comment section: the first
  // pass strips it, the retry without that rule finds the text.
  const Found f = Find("<body><div class='comment-wrapper'><p>" + Paragraph(1) + "</p><p>" + Paragraph(2) +
                       "</p></div></body>");
  EXPECT_EQ(f.body.size(), 2u);
}

TEST(ContentFinder, PageWithoutParagraphsGivesNoBody) {
  const Found f = Find("<body><nav><a href='/'>Home</a></nav><p>Hi</p></body>");
  EXPECT_TRUE(f.body.empty());
}

}  // namespace
}  // namespace credence::internal

namespace credence::internal {
namespace {

TEST(ContentFinder, AnH1OpeningTheArticleIsItsHeadline) {
  // No title metadata, and the h1 sits inside the article's container.
  std::string html = "<body><article><h1>Bridge closes for repairs</h1>";
  for (int i = 1; i <= 4; ++i) html += "<p>" + Paragraph(i) + "</p>";
  html += "</article></body>";
  const Found f = Find(html);
  EXPECT_EQ(f.headline, "Bridge closes for repairs");
  ASSERT_EQ(f.body.size(), 4u);
  EXPECT_EQ(f.body.front(), Paragraph(1));
}

}  // namespace
}  // namespace credence::internal
