// Tests for FindAttributions and FindQuotes / LinkQuoteSpeakers on small
// texts written for the test.
#include "cues/attribution_finder.h"

#include <gtest/gtest.h>

#include <string>

#include "cues/quote_finder.h"
#include "text/structure_builder.h"

namespace credence::internal {
namespace {

struct Analysed {
  std::string text;
  Structure structure;
  std::vector<Attribution> attributions;
  std::vector<Quote> quotes;
  std::string At(Span s) const { return text.substr(s.start, s.size()); }
  const Attribution* Find(std::string_view phrase) const {
    for (const Attribution& a : attributions)
      if (At(a.span) == phrase) return &a;
    return nullptr;
  }
};

// Treats every line of `text` as a body paragraph.
Analysed Analyse(std::string text) {
  Analysed a{std::move(text), {}, {}, {}};
  Article article;
  std::size_t pos = 0;
  while (pos < a.text.size()) {
    std::size_t nl = a.text.find('\n', pos);
    std::size_t end = nl == std::string::npos ? a.text.size() : nl;
    if (end > pos) article.body.push_back({pos, end});
    pos = end + 1;
  }
  a.structure = BuildStructure(a.text, article);
  a.attributions = FindAttributions(a.text, a.structure);
  a.quotes = FindQuotes(a.text, a.structure);
  LinkQuoteSpeakers(a.text, a.attributions, a.quotes);
  return a;
}

TEST(AttributionFinder, SubjectVerbWithAuxiliary) {
  Analysed a = Analyse("Reuters has reported that the talks failed.");
  const Attribution* at = a.Find("Reuters has reported");
  ASSERT_NE(at, nullptr);
  EXPECT_EQ(a.At(at->verb), "has reported");
  EXPECT_EQ(a.At(*at->source), "Reuters");
  EXPECT_EQ(at->kind, SourceKind::kMediaOutlet);
}

TEST(AttributionFinder, StateAffiliatedOutlet) {
  Analysed a = Analyse("Earlier, RT claimed that the video was fake.");
  const Attribution* at = a.Find("RT claimed");
  ASSERT_NE(at, nullptr);
  EXPECT_EQ(at->kind, SourceKind::kStateAffiliatedOutlet);
  EXPECT_FALSE(at->outlet.empty());
}

TEST(AttributionFinder, AccordingToAnonymousSource) {
  Analysed a = Analyse("According to people familiar with the matter, the deal is off.");
  const Attribution* at = a.Find("According to people familiar with the matter");
  ASSERT_NE(at, nullptr);
  EXPECT_EQ(at->kind, SourceKind::kAnonymous);
}

TEST(AttributionFinder, NamedPersonAfterQuote) {
  Analysed a = Analyse("“We will rebuild,” said Maria Lopez, the mayor.");
  const Attribution* at = a.Find("said Maria Lopez");
  ASSERT_NE(at, nullptr);
  EXPECT_EQ(at->kind, SourceKind::kNamedPerson);
  ASSERT_EQ(a.quotes.size(), 1u);
  ASSERT_TRUE(a.quotes[0].speaker);
  EXPECT_EQ(a.At(*a.quotes[0].speaker), "Maria Lopez");
}

TEST(AttributionFinder, Institution) {
  Analysed a = Analyse("The Pentagon said the strike hit its target.");
  const Attribution* at = a.Find("The Pentagon said");
  ASSERT_NE(at, nullptr);
  EXPECT_EQ(at->kind, SourceKind::kInstitution);
}

TEST(AttributionFinder, AgentlessPassive) {
  Analysed a = Analyse("It is claimed that the files were destroyed.");
  const Attribution* at = a.Find("It is claimed");
  ASSERT_NE(at, nullptr);
  EXPECT_EQ(at->kind, SourceKind::kUnattributed);
  EXPECT_FALSE(at->source);
}

TEST(AttributionFinder, NounReportsIsNotAVerb) {
  Analysed a = Analyse("Police reports show a rise in thefts. The claims were denied.");
  EXPECT_EQ(a.Find("Police reports"), nullptr);
  EXPECT_EQ(a.Find("The claims"), nullptr);
}

TEST(QuoteFinder, MultiParagraphQuoteWithoutReopeningMark) {
  Analysed a = Analyse("The officer said,\n“It began at night.\nTwo days later, it was over”.\nThe end.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.At(a.quotes[0].inner), "It began at night.\nTwo days later, it was over");
  ASSERT_TRUE(a.quotes[0].speaker);
  EXPECT_EQ(a.At(*a.quotes[0].speaker), "The officer");
}

TEST(QuoteFinder, StraightQuotesPairWithinParagraph) {
  Analysed a = Analyse("He called it \"a disaster\" and left. She was 5'11\" tall.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.At(a.quotes[0].inner), "a disaster");
}

TEST(QuoteFinder, UnclosedQuoteIsDropped) {
  Analysed a = Analyse("“This never closes.\nNext paragraph.\nAnother.\nAnd another.\nStill open.\nDone.");
  EXPECT_TRUE(a.quotes.empty());
}

}  // namespace
}  // namespace credence::internal
