// Tests for PhraseLexicon (parsing, matching, single-word look-ups) and
// ExtendOverVerbGroup, on small lexicons written for the test.
#include "cues/phrase_lexicon.h"

#include <gtest/gtest.h>

#include <string>

#include "text/tokenizer.h"

namespace credence::internal {
namespace {

PhraseLexicon MustParse(std::string_view contents) {
  Result<PhraseLexicon> lexicon = PhraseLexicon::Parse(contents, "test.txt");
  EXPECT_TRUE(lexicon) << lexicon.error().ToString();
  return lexicon ? std::move(*lexicon) : PhraseLexicon();
}

// Returns each match of `lexicon` over `text` as "phrase=matched text".
std::vector<std::string> Matches(const PhraseLexicon& lexicon, const std::string& text) {
  std::vector<Token> tokens;
  Tokenize(text, {0, text.size()}, &tokens);
  std::vector<PhraseMatch> matches;
  lexicon.FindAll(text, tokens, 0, tokens.size(), &matches);
  std::vector<std::string> out;
  for (const PhraseMatch& m : matches) out.push_back(lexicon.phrase(m.entry) + "=" + text.substr(m.span.start, m.span.size()));
  return out;
}

using Strings = std::vector<std::string>;

TEST(PhraseLexicon, MatchesLongestWithoutOverlap) {
  PhraseLexicon lex = MustParse("it appears\nappears to\nappears\nit would appear\nwould appear\n");
  EXPECT_EQ(Matches(lex, "It would appear that it appears to rain; it appears."),
            (Strings{"it would appear=It would appear", "it appears=it appears", "it appears=it appears"}));
  EXPECT_EQ(Matches(lex, "She appears to agree."), (Strings{"appears to=appears to"}));
}

TEST(PhraseLexicon, IgnoresCaseAndFoldsCurlyApostrophes) {
  PhraseLexicon lex = MustParse("you won't believe\t0.8\n");
  EXPECT_EQ(Matches(lex, "YOU WON\u2019T BELIEVE this"), (Strings{"you won't believe=YOU WON\u2019T BELIEVE"}));
}

TEST(PhraseLexicon, PunctuationInsidePhrasesMustMatch) {
  PhraseLexicon lex = MustParse("(video)\t0.3\nwatch:\t0.4\nsupport us\n");
  EXPECT_EQ(Matches(lex, "Crash (video) Watch: now"), (Strings{"(video)=(video)", "watch:=Watch:"}));
  EXPECT_TRUE(Matches(lex, "watch this; support, us").empty());  // a comma between words breaks the phrase
}

TEST(PhraseLexicon, WildcardMatchesWordsThatBeginWithTheStem) {
  PhraseLexicon lex = MustParse("slam*\ncensor* the truth\n");
  EXPECT_EQ(Matches(lex, "He slammed and slams; they censored the truth. Islam"),
            (Strings{"slam*=slammed", "slam*=slams", "censor* the truth=censored the truth"}));
  EXPECT_EQ(lex.FindWord("slamming"), lex.FindWord("slam"));
  EXPECT_FALSE(lex.ContainsWord("sla"));
}

TEST(PhraseLexicon, MatchesOnlyInsideTheTokenRange) {
  PhraseLexicon lex = MustParse("deep state\n");
  std::string text = "the deep state and the deep state";
  std::vector<Token> tokens;
  Tokenize(text, {0, text.size()}, &tokens);
  std::vector<PhraseMatch> matches;
  lex.FindAll(text, tokens, 0, 2, &matches);  // "the deep": the phrase would run past the end
  EXPECT_TRUE(matches.empty());
  lex.FindAll(text, tokens, 4, tokens.size(), &matches);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].first_token, 5u);
  EXPECT_EQ(matches[0].end_token, 7u);
  EXPECT_EQ(text.substr(matches[0].span.start, matches[0].span.size()), "deep state");

  // The pre-normalised overload finds the same.
  std::vector<PhraseMatch> again;
  lex.FindAll(NormalizeTokens(text, tokens), tokens, 4, tokens.size(), &again);
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].span, matches[0].span);
}

TEST(PhraseLexicon, ReadsWeightsFlagsAndAtPrefix) {
  PhraseLexicon lex = MustParse("# comment\n\nmay\t1\tmodal,lower\nabandon\t-2\n@head News\nreports\t0.5\tnoun\n");
  ASSERT_EQ(lex.size(), 4u);
  EXPECT_EQ(lex.flags(0), kModalFlag | kLowerFlag);
  EXPECT_EQ(lex.Weight("abandon"), -2.0);
  EXPECT_EQ(lex.Weight("abandons"), std::nullopt);
  EXPECT_EQ(lex.phrase(2), "News");
  EXPECT_EQ(lex.flags(2), kHeadFlag);
  EXPECT_EQ(lex.weight(3), 0.5);
  EXPECT_EQ(lex.flags(3), kNounFlag);
  EXPECT_TRUE(lex.ContainsWord("news"));
}

TEST(PhraseLexicon, WeightLookupSkipsMultiWordEntries) {
  PhraseLexicon lex = MustParse("fed up\t-3\nfed\t1\n");
  EXPECT_EQ(lex.Weight("fed"), 1.0);
  PhraseLexicon only_phrase = MustParse("fed up\t-3\n");
  EXPECT_EQ(only_phrase.Weight("fed"), std::nullopt);
}

TEST(PhraseLexicon, MergesHarmlessRepeatsAndRejectsContradictions) {
  PhraseLexicon lex = MustParse("Ministry\nministry\n");
  EXPECT_EQ(lex.size(), 1u);
  Result<PhraseLexicon> bad = PhraseLexicon::Parse("may\t1\tmodal\nMay\t2\n", "hedges.txt");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code(), StatusCode::kDataError);
  EXPECT_NE(bad.error().message().find("hedges.txt line 2"), std::string::npos) << bad.error().message();
  EXPECT_NE(bad.error().message().find("line 1"), std::string::npos);
}

TEST(PhraseLexicon, RejectsMalformedLinesNamingFileAndLine) {
  const char* bad[] = {"word\tnotanumber\n", "word\t1\tnoflag\n", "word\t\n", "word\t1\tmodal\textra\n",
                       "@nosuchflag word\n",  "@head\n",          "a*\n",    "*\n",
                       "word\tinf\n",         "(*\n"};
  for (const char* contents : bad) {
    Result<PhraseLexicon> lexicon = PhraseLexicon::Parse(std::string("# header\n") + contents, "list.txt");
    ASSERT_FALSE(lexicon) << contents;
    EXPECT_EQ(lexicon.error().code(), StatusCode::kDataError);
    EXPECT_NE(lexicon.error().message().find("list.txt line 2"), std::string::npos) << lexicon.error().message();
  }
}

TEST(PhraseLexicon, AcceptsWindowsLineEndingsAndSpaceSeparatedFlags) {
  PhraseLexicon lex = MustParse("lies\t1\tattack\r\nmsm\t1\tmedia attack\r\n");
  ASSERT_EQ(lex.size(), 2u);
  EXPECT_EQ(lex.flags(1), kMediaFlag | kAttackFlag);
}

TEST(PhraseLexicon, BuiltinIsParsedOnce) {
  const PhraseLexicon& a = PhraseLexicon::Builtin("hedges.txt");
  const PhraseLexicon& b = PhraseLexicon::Builtin("hedges.txt");
  EXPECT_EQ(&a, &b);
  EXPECT_GT(a.size(), 50u);
}

TEST(PhraseLexicon, FlagNamesRoundTrip) {
  EXPECT_EQ(FlagFromName("modal"), kModalFlag);
  EXPECT_EQ(FlagFromName("weak"), kWeakFlag);
  EXPECT_EQ(FlagFromName("Modal"), 0u);
}

// Returns the hedge span ExtendOverVerbGroup makes for the first token of
// `text` (the modal).
std::string Extended(const std::string& text) {
  std::vector<Token> tokens;
  Tokenize(text, {0, text.size()}, &tokens);
  Span span = ExtendOverVerbGroup(text, tokens, 1, tokens.size(), tokens[0].span);
  return text.substr(span.start, span.size());
}

TEST(ExtendOverVerbGroup, TakesAuxiliariesAndOneMoreWord) {
  EXPECT_EQ(Extended("may be occurring in Syria."), "may be occurring");
  EXPECT_EQ(Extended("could not have been hit by"), "could not have been hit");
  EXPECT_EQ(Extended("might wipe out"), "might wipe");
  EXPECT_EQ(Extended("may also be involved"), "may also be involved");
  EXPECT_EQ(Extended("may have fled."), "may have fled");
}

TEST(ExtendOverVerbGroup, StopsBeforeANewPhrase) {
  EXPECT_EQ(Extended("may be the case"), "may be");
  EXPECT_EQ(Extended("could the army"), "could");
  EXPECT_EQ(Extended("might."), "might");
  EXPECT_EQ(Extended("may"), "may");
}

}  // namespace
}  // namespace credence::internal
