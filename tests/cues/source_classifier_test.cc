// Tests for ClassifySource on source phrases written for the test: each
// phrase is tokenized alone, as if it stood mid-sentence.
#include "cues/source_classifier.h"

#include <gtest/gtest.h>

#include <string>

#include "text/tokenizer.h"

namespace credence::internal {
namespace {

SourceClass Classify(const std::string& phrase, bool sentence_initial = false) {
  std::vector<Token> tokens;
  Tokenize(phrase, {0, phrase.size()}, &tokens);
  return ClassifySource(phrase, tokens, 0, tokens.size(), sentence_initial);
}

SourceKind KindOf(const std::string& phrase, bool sentence_initial = false) {
  return Classify(phrase, sentence_initial).kind;
}

TEST(SourceClassifier, PossessiveChainIsReadByItsHead) {
  EXPECT_EQ(KindOf("Bolivia's public defender's office", true), SourceKind::kInstitution);
  EXPECT_EQ(KindOf("Bolivia’s public defender’s office", true), SourceKind::kInstitution);
  EXPECT_EQ(KindOf("the country's health ministry"), SourceKind::kInstitution);
  EXPECT_EQ(KindOf("the mayor's spokesman"), SourceKind::kInstitution);
}

TEST(SourceClassifier, PossessorIsNotTheSourcesName) {
  // "Donald Trump's" says whose lawyer; the lawyer is not named.
  EXPECT_EQ(KindOf("Donald Trump's lawyer"), SourceKind::kAnonymous);
  EXPECT_EQ(KindOf("Bolivia's President Luis Arce"), SourceKind::kNamedPerson);
  EXPECT_EQ(KindOf("McDonald's"), SourceKind::kNamedPerson);
}

TEST(SourceClassifier, CommonNounInstitutions) {
  EXPECT_EQ(KindOf("the company"), SourceKind::kInstitution);
  EXPECT_EQ(KindOf("the league"), SourceKind::kInstitution);
  EXPECT_EQ(KindOf("the campaign"), SourceKind::kInstitution);
  EXPECT_EQ(KindOf("the newspaper"), SourceKind::kMediaOutlet);
}

TEST(SourceClassifier, WeakMarkerYieldsToANamedInstitutionOnly) {
  EXPECT_EQ(KindOf("Pentagon officials"), SourceKind::kInstitution);
  EXPECT_EQ(KindOf("government officials"), SourceKind::kAnonymous);
  EXPECT_EQ(KindOf("Syrian officials"), SourceKind::kAnonymous);
  // A sure marker beats the institution it is close to.
  EXPECT_EQ(KindOf("sources close to the ministry"), SourceKind::kAnonymous);
}

TEST(SourceClassifier, DocumentTakesItsIssuersKind) {
  EXPECT_EQ(KindOf("a Reuters report"), SourceKind::kMediaOutlet);
  EXPECT_EQ(KindOf("a UN report"), SourceKind::kInstitution);
  EXPECT_EQ(KindOf("the Pentagon's statement"), SourceKind::kInstitution);
  EXPECT_EQ(KindOf("a study by Jane Doe"), SourceKind::kNamedPerson);
  EXPECT_EQ(KindOf("the Mueller report"), SourceKind::kNamedPerson);
  EXPECT_EQ(KindOf("Sputnik's report"), SourceKind::kStateAffiliatedOutlet);
  EXPECT_EQ(KindOf("Acme's data", true), SourceKind::kNamedPerson);
  EXPECT_EQ(KindOf("the source's report"), SourceKind::kAnonymous);
}

TEST(SourceClassifier, DocumentWithoutIssuerIsUnattributed) {
  EXPECT_EQ(KindOf("The report from the harbour town", true), SourceKind::kUnattributed);
  EXPECT_EQ(KindOf("the study"), SourceKind::kUnattributed);
  EXPECT_EQ(KindOf("media reports"), SourceKind::kUnattributed);
  EXPECT_EQ(KindOf("the results of the survey"), SourceKind::kUnattributed);
  EXPECT_EQ(KindOf("several of these studies"), SourceKind::kUnattributed);  // a quantifier's "of" is no post-modifier
  EXPECT_EQ(KindOf("some reports"), SourceKind::kUnattributed);
  EXPECT_EQ(KindOf("officials' report"), SourceKind::kAnonymous);
}

TEST(SourceClassifier, PronounsReferBack) {
  SourceClass he = Classify("he");
  EXPECT_EQ(he.refers_back, PronounClass::kPerson);
  EXPECT_EQ(he.kind, SourceKind::kNamedPerson);  // the default when nothing is found
  EXPECT_EQ(Classify("it").refers_back, PronounClass::kThing);
  EXPECT_EQ(Classify("they").kind, SourceKind::kUnattributed);
  EXPECT_EQ(Classify("he himself").refers_back, PronounClass::kPerson);
  // A pronoun's document is its antecedent's; a pronoun's person is not.
  EXPECT_EQ(Classify("his data").refers_back, PronounClass::kPerson);
  EXPECT_EQ(Classify("its statement").refers_back, PronounClass::kThing);
  EXPECT_EQ(Classify("his aides").refers_back, PronounClass::kNone);
  EXPECT_EQ(KindOf("his aides"), SourceKind::kAnonymous);
}

TEST(SourceClassifier, UnnamedPersonIsAnonymous) {
  EXPECT_EQ(KindOf("a witness"), SourceKind::kAnonymous);
  EXPECT_EQ(KindOf("one employee"), SourceKind::kAnonymous);
  EXPECT_EQ(KindOf("people familiar with the matter"), SourceKind::kAnonymous);
}

}  // namespace
}  // namespace credence::internal
