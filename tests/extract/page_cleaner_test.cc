// Tests for ExtractArticleFromText: headline, standfirst, body and every
// category of removed page leftovers, on small texts written for the test.
#include "extract/page_cleaner.h"

#include <gtest/gtest.h>

#include <string>

#include "extract/leftover_rules.h"
#include "data/embedded_data.h"

namespace credence::internal {
namespace {

std::string At(std::string_view text, Span s) { return std::string(text.substr(s.start, s.size())); }

const RemovedBlock* FindRemoved(const Article& a, RemovedCategory c, std::size_t nth = 0) {
  for (const RemovedBlock& r : a.removed)
    if (r.category == c && nth-- == 0) return &r;
  return nullptr;
}

constexpr std::string_view kPage =
    "Home | World | Politics | Sport\n\n"
    "Council votes to close the old bridge\n\n"
    "Engineers say the 1920s structure can no longer carry traffic safely?\n\n"
    "By Jane Doe\n"
    "March 3, 2017\n\n"
    "The city council voted on Tuesday to close the Mill Street bridge after engineers found corrosion.\n\n"
    "Related: Five bridges that need repairs now\n\n"
    "The closure will add twenty minutes to many commutes, officials said.\n\n"
    "Share this:\n"
    "Facebook Twitter Email\n\n"
    "Sign up for our daily newsletter\n\n"
    "The Riverside Courier\n\n"
    "Please donate to keep local news alive. Your support helps us keep reporting.\n\n"
    "12 comments\n\n"
    "© 2017 Riverside Courier. All rights reserved.\n";

TEST(PageCleaner, FindsHeadlineStandfirstBylineAndDate) {
  Article a = ExtractArticleFromText(kPage, "");
  ASSERT_TRUE(a.headline);
  EXPECT_EQ(At(kPage, *a.headline), "Council votes to close the old bridge");
  ASSERT_TRUE(a.standfirst);
  EXPECT_EQ(At(kPage, *a.standfirst), "Engineers say the 1920s structure can no longer carry traffic safely?");
  ASSERT_TRUE(a.byline);
  EXPECT_EQ(At(kPage, *a.byline), "Jane Doe");
  ASSERT_TRUE(a.date);
  EXPECT_EQ(At(kPage, *a.date), "March 3, 2017");
}

TEST(PageCleaner, KeepsOnlyBodyParagraphs) {
  Article a = ExtractArticleFromText(kPage, "");
  ASSERT_EQ(a.body.size(), 2u);
  EXPECT_EQ(At(kPage, a.body[0]).substr(0, 16), "The city council");
  EXPECT_EQ(At(kPage, a.body[1]).substr(0, 11), "The closure");
}

TEST(PageCleaner, NamesEachKindOfLeftover) {
  Article a = ExtractArticleFromText(kPage, "");
  ASSERT_NE(FindRemoved(a, RemovedCategory::kSiteChrome), nullptr);
  EXPECT_EQ(At(kPage, FindRemoved(a, RemovedCategory::kSiteChrome)->span), "Home | World | Politics | Sport");
  ASSERT_NE(FindRemoved(a, RemovedCategory::kRelated), nullptr);
  EXPECT_EQ(At(kPage, FindRemoved(a, RemovedCategory::kRelated)->span), "Related: Five bridges that need repairs now");
  ASSERT_NE(FindRemoved(a, RemovedCategory::kShare), nullptr);
  ASSERT_NE(FindRemoved(a, RemovedCategory::kSignature), nullptr);
  EXPECT_EQ(At(kPage, FindRemoved(a, RemovedCategory::kSignature)->span), "The Riverside Courier");
  ASSERT_NE(FindRemoved(a, RemovedCategory::kAppeal), nullptr);
  ASSERT_NE(FindRemoved(a, RemovedCategory::kCommentPrompt), nullptr);
  EXPECT_EQ(At(kPage, FindRemoved(a, RemovedCategory::kCommentPrompt)->span), "12 comments");
  ASSERT_NE(FindRemoved(a, RemovedCategory::kCopyright), nullptr);
}

TEST(PageCleaner, MergesShareLinesIntoOneBlock) {
  Article a = ExtractArticleFromText(kPage, "");
  const RemovedBlock* share = FindRemoved(a, RemovedCategory::kShare);
  ASSERT_NE(share, nullptr);
  EXPECT_EQ(At(kPage, share->span), "Share this:\nFacebook Twitter Email\n\nSign up for our daily newsletter");
}

TEST(PageCleaner, ParsesVoteWidgetNumbers) {
  std::string text =
      "A long enough paragraph of article text that ends the story here.\n\n"
      "Another paragraph so that the widget follows real body text.\n\n"
      "What do you think?\n\n1.2k points\nUpvote Downvote\n\nTotal votes: 1,300\n\nUpvotes: 1,250\n\n"
      "Upvotes percentage: 96.15%\n\nDownvotes: 50\n\nDownvotes percentage: 3.85%\n";
  Article a = ExtractArticleFromText(text, "");
  const RemovedBlock* w = FindRemoved(a, RemovedCategory::kWidget);
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(At(text, w->span).substr(0, 18), "What do you think?");
  EXPECT_DOUBLE_EQ(*w->widget.points, 1200);
  EXPECT_DOUBLE_EQ(*w->widget.total, 1300);
  EXPECT_DOUBLE_EQ(*w->widget.up, 1250);
  EXPECT_DOUBLE_EQ(*w->widget.down, 50);
  EXPECT_DOUBLE_EQ(*w->widget.up_percent, 96.15);
  EXPECT_DOUBLE_EQ(*w->widget.down_percent, 3.85);
}

TEST(PageCleaner, BodyOnlyTextHasNoHeadline) {
  std::string text =
      "The minister said on Monday that the budget would be balanced by 2020, a claim economists disputed.\n\n"
      "Related to this, the opposition asked for an independent review of the figures before the vote.\n\n"
      "The vote is expected next week.";
  Article a = ExtractArticleFromText(text, "");
  EXPECT_FALSE(a.headline);
  EXPECT_EQ(a.body.size(), 3u);  // "Related to this, ..." is a sentence, not a teaser
  EXPECT_TRUE(a.removed.empty());
}

TEST(PageCleaner, GivenTitleMarksMatchingLine) {
  std::string text = "Storm Hits Coast\n\nThe storm reached the coast at dawn, officials said.\n\nMore rain is due.";
  Article a = ExtractArticleFromText(text, "Storm hits coast");
  ASSERT_TRUE(a.headline);
  EXPECT_EQ(At(text, *a.headline), "Storm Hits Coast");
  EXPECT_EQ(a.given_title, "Storm hits coast");
}

TEST(PageCleaner, AppealSpanningSeveralLinesIsOneBlock) {
  std::string text =
      "Body paragraph one tells the story in full sentences.\n\nBody paragraph two ends it.\n\n"
      "Will you help us expose the truth?\n\nAs a reader you know how rare honest reporting is.\n\n"
      "Please support our work with a donation today.\n";
  Article a = ExtractArticleFromText(text, "");
  const RemovedBlock* appeal = FindRemoved(a, RemovedCategory::kAppeal);
  ASSERT_NE(appeal, nullptr);
  EXPECT_EQ(At(text, appeal->span).substr(0, 12), "Will you hel");
  EXPECT_EQ(text.substr(appeal->span.end - 9, 9), "on today.");
  EXPECT_EQ(FindRemoved(a, RemovedCategory::kAppeal, 1), nullptr);
}

TEST(PageCleaner, HugeSingleLineIsBody) {
  std::string text(5 << 20, 'a');
  for (std::size_t i = 7; i < text.size(); i += 8) text[i] = ' ';
  Article a = ExtractArticleFromText(text, "");
  ASSERT_EQ(a.body.size(), 1u);
  EXPECT_EQ(a.body[0].size(), text.size() - 1);  // the trailing space is trimmed
}

TEST(LeftoverRules, BundledTableParses) {
  std::optional<std::string_view> table = EmbeddedFile("page_leftovers.tsv");
  ASSERT_TRUE(table);
  Result<LeftoverRules> rules = LeftoverRules::Parse(*table);
  ASSERT_TRUE(rules) << rules.error().ToString();
}

TEST(LeftoverRules, RejectsMalformedRows) {
  EXPECT_FALSE(LeftoverRules::Parse("share\texact"));
  EXPECT_FALSE(LeftoverRules::Parse("nonsense\texact\tx"));
  EXPECT_FALSE(LeftoverRules::Parse("share\tregex\t(unclosed"));
  EXPECT_FALSE(LeftoverRules::Parse("share\tfuzzy\tx"));
}

}  // namespace
}  // namespace credence::internal

namespace credence::internal {
namespace {

// Regressions found in the review of removals on FakeNewsNet (docs/leftovers-review.md).
TEST(PageCleaner, KeepsYearHeadingsAndNumberedListItems) {
  std::string text =
      "The band's history runs back decades, and its members have changed often.\n\n"
      "1998–2000\n\n"
      "The first line-up recorded two albums in those years and toured widely.\n\n"
      "6. Vote.\n\n"
      "The last step is to cast a ballot before the deadline on Tuesday.\n";
  Article a = ExtractArticleFromText(text, "");
  EXPECT_TRUE(a.removed.empty());
  EXPECT_EQ(a.body.size(), 5u);
}

}  // namespace
}  // namespace credence::internal
