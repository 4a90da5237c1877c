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

TEST(AttributionFinder, PossessiveChainOfANamedCountryIsAnInstitution) {
  Analysed a = Analyse("Freedonia's public defender's office said the arrests were illegal.");
  const Attribution* at = a.Find("Freedonia's public defender's office said");
  ASSERT_NE(at, nullptr);
  EXPECT_EQ(at->kind, SourceKind::kInstitution);
}

TEST(AttributionFinder, SourceNeverContainsAnEarlierAttributionsVerb) {
  Analysed a = Analyse("Freedonia's foreign ministry said it would respond. The council said on Monday that it would reply.");
  // "it would respond" is the ministry's own words, not a second attribution.
  ASSERT_EQ(a.attributions.size(), 2u);
  EXPECT_EQ(a.At(a.attributions[0].span), "Freedonia's foreign ministry said");
  EXPECT_EQ(a.At(a.attributions[1].span), "The council said");
  for (const Attribution& at : a.attributions) EXPECT_EQ(at.kind, SourceKind::kInstitution);
}

TEST(AttributionFinder, NestedAttributionWithANounSourceIsKept) {
  Analysed a = Analyse("The minister said the company denied everything.");
  const Attribution* nested = a.Find("the company denied");
  ASSERT_NE(nested, nullptr);
  EXPECT_EQ(a.At(*nested->source), "the company");
}

TEST(AttributionFinder, PronounTakesTheKindOfTheSourceBefore) {
  Analysed a = Analyse("A source close to the talks said the deal was off.\nHe added that a vote was unlikely.");
  const Attribution* he = a.Find("He added");
  ASSERT_NE(he, nullptr);
  EXPECT_EQ(he->kind, SourceKind::kAnonymous);
  // With nothing before it, "he" is a person named earlier.
  Analysed alone = Analyse("The storm passed.\nHe added that a vote was unlikely.");
  ASSERT_NE(alone.Find("He added"), nullptr);
  EXPECT_EQ(alone.Find("He added")->kind, SourceKind::kNamedPerson);
}

TEST(AttributionFinder, PronounSkipsAnAntecedentOfTheWrongKind) {
  // "it" is no person: the outlet, not Jane Doe.
  Analysed a = Analyse("Sputnik reported that Jane Doe said the border was shut. It added that trade had stopped.");
  const Attribution* it = a.Find("It added");
  ASSERT_NE(it, nullptr);
  EXPECT_EQ(it->kind, SourceKind::kStateAffiliatedOutlet);
  EXPECT_FALSE(it->outlet.empty());
}

TEST(AttributionFinder, PronounsDocumentIsItsAntecedents) {
  Analysed a = Analyse("The source said the convoy left at night.\nAccording to his data, two trucks came back.");
  const Attribution* data = a.Find("According to his data");
  ASSERT_NE(data, nullptr);
  EXPECT_EQ(data->kind, SourceKind::kAnonymous);
  Analysed named = Analyse("Jane Doe said the convoy left at night.\nAccording to her data, two trucks came back.");
  ASSERT_NE(named.Find("According to her data"), nullptr);
  EXPECT_EQ(named.Find("According to her data")->kind, SourceKind::kNamedPerson);
}

TEST(AttributionFinder, DocumentIsNoAnonymousPerson) {
  Analysed a = Analyse("The report from the valley indicates that the bridge fell. A Reuters report said it was old.");
  const Attribution* report = a.Find("The report from the valley indicates");
  ASSERT_NE(report, nullptr);
  EXPECT_EQ(report->kind, SourceKind::kUnattributed);
  const Attribution* reuters = a.Find("A Reuters report said");
  ASSERT_NE(reuters, nullptr);
  EXPECT_EQ(reuters->kind, SourceKind::kMediaOutlet);
}

TEST(AttributionFinder, PronounEndsTheSource) {
  Analysed a = Analyse("At a press conference he said the plan had failed.");
  const Attribution* at = a.Find("he said");
  ASSERT_NE(at, nullptr);
  EXPECT_EQ(at->kind, SourceKind::kNamedPerson);
}

TEST(AttributionFinder, AdverbBelongsToTheVerb) {
  Analysed a = Analyse("Yesterday Doe correctly noted the error.");
  const Attribution* at = a.Find("Yesterday Doe correctly noted");
  ASSERT_NE(at, nullptr);
  EXPECT_EQ(a.At(at->verb), "correctly noted");
  EXPECT_EQ(at->kind, SourceKind::kNamedPerson);
  Analysed family = Analyse("The family said the boy was safe.");
  ASSERT_NE(family.Find("The family said"), nullptr);
}

TEST(AttributionFinder, ClausesAreNoSources) {
  // The speaker or the reader, a clause before the verb, a preposition's
  // object, a future: none of them names a source.
  Analysed a = Analyse(
      "Let me say this once. Do you think so? I'm not going to say more. Some of us think so. "
      "The government will likely argue the case. It's worth mentioning the cost. The fans can't say why. "
      "Only a few options for concluding the season remain. The fair was cancelled, announced last week. The road is shut, said Monday.");
  for (const Attribution& at : a.attributions) ADD_FAILURE() << a.At(at.span);
}

TEST(AttributionFinder, PassiveSubjectIsNoSource) {
  Analysed a = Analyse("Doe was declared the winner. The voters were told to wait. The station is claiming a delay.");
  EXPECT_EQ(a.Find("Doe was declared"), nullptr);
  EXPECT_EQ(a.Find("The voters were told"), nullptr);
  ASSERT_NE(a.Find("The station is claiming"), nullptr);  // progressive, not passive
}

TEST(AttributionFinder, AspectIsNoReport) {
  Analysed a = Analyse("The outbreak continues to spread. “We are ready,” the coach continued.");
  EXPECT_EQ(a.Find("The outbreak continues"), nullptr);
  ASSERT_NE(a.Find("the coach continued"), nullptr);
}

TEST(AttributionFinder, ObjectAfterTheVerbIsNoInvertedSubject) {
  Analysed a = Analyse("Her aide, a lawyer, told the newspaper the case was closed. Later, warned the judge that he would rule.");
  EXPECT_EQ(a.Find("told the newspaper"), nullptr);
  EXPECT_EQ(a.Find("warned the judge"), nullptr);
  Analysed quoted = Analyse("“We will rebuild,” said Maria Lopez. “It was late,” write Doe and Roe in their book.");
  ASSERT_NE(quoted.Find("said Maria Lopez"), nullptr);
  ASSERT_NE(quoted.Find("write Doe"), nullptr);
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
