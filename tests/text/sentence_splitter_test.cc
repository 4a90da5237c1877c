// Tests for SplitSentences (src/text/sentence_splitter.cc), on paragraphs
// tokenized with Tokenize.
#include "text/sentence_splitter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/tokenizer.h"

namespace credence::internal {
namespace {

using V = std::vector<std::string>;

// Returns the sentences of `text`, taken as one paragraph, as strings.
V Split(std::string_view text) {
  std::vector<Token> tokens;
  Span paragraph{0, text.size()};
  Tokenize(text, paragraph, &tokens);
  std::vector<Sentence> sentences;
  SplitSentences(text, paragraph, tokens, 0, tokens.size(), &sentences);
  V out;
  for (const Sentence& s : sentences) out.emplace_back(text.substr(s.span.start, s.span.size()));
  return out;
}

TEST(SentenceSplitter, SplitsAtTerminalPunctuation) {
  EXPECT_EQ(Split("It rained. Was it cold? Yes! Very."), (V{"It rained.", "Was it cold?", "Yes!", "Very."}));
}

TEST(SentenceSplitter, KeepsRunsOfTerminalsTogether) {
  EXPECT_EQ(Split("What?! No way... Really… Fine."), (V{"What?!", "No way...", "Really…", "Fine."}));
}

TEST(SentenceSplitter, DoesNotSplitBeforeLowerCase) {
  EXPECT_EQ(Split("He paused... then left. Why? because."), (V{"He paused... then left.", "Why? because."}));
}

TEST(SentenceSplitter, SplitsBeforeNumbersQuotesAndBrackets) {
  EXPECT_EQ(Split("He was born in 1975. 20 years later he left. (Nobody knew.) “Why?” she asked."),
            (V{"He was born in 1975.", "20 years later he left.", "(Nobody knew.)", "“Why?” she asked."}));
}

TEST(SentenceSplitter, KeepsClosingQuotesAndBracketsWithTheSentence) {
  EXPECT_EQ(Split("He said “stop.” Then he left."), (V{"He said “stop.”", "Then he left."}));
  EXPECT_EQ(Split("He said \"stop.\" Then he left."), (V{"He said \"stop.\"", "Then he left."}));
  EXPECT_EQ(Split("He left. \"I'm done,\" she said."), (V{"He left.", "\"I'm done,\" she said."}));
}

TEST(SentenceSplitter, KeepsAbbreviationsWhole) {
  EXPECT_EQ(Split("Mr. Smith met Gov. Brown on Jan. 5 at St. Mary's. Sen. Jones came too."),
            (V{"Mr. Smith met Gov. Brown on Jan. 5 at St. Mary's.", "Sen. Jones came too."}));
  EXPECT_EQ(Split("He met Dr. He Jiankui."), (V{"He met Dr. He Jiankui."}));
}

TEST(SentenceSplitter, KeepsDecimalsAndNumberSignsWhole) {
  EXPECT_EQ(Split("Growth was 3.5 percent. It is the No. 1 economy."),
            (V{"Growth was 3.5 percent.", "It is the No. 1 economy."}));
  EXPECT_EQ(Split("Rates rose by .5 points."), (V{"Rates rose by .5 points."}));
}

TEST(SentenceSplitter, KeepsInitialsWhole) {
  EXPECT_EQ(Split("John F. Kennedy and E. J. Dionne met."), (V{"John F. Kennedy and E. J. Dionne met."}));
}

TEST(SentenceSplitter, KeepsAcronymsInsideSentences) {
  EXPECT_EQ(Split("The U.S. Army and the U.N. Security Council met at 5 p.m. Friday."),
            (V{"The U.S. Army and the U.N. Security Council met at 5 p.m. Friday."}));
}

TEST(SentenceSplitter, SplitsAfterAcronymBeforeCommonOpener) {
  EXPECT_EQ(Split("He lives in the U.S. The next day he left."), (V{"He lives in the U.S.", "The next day he left."}));
  EXPECT_EQ(Split("It sells fruit, nuts etc. But not milk."), (V{"It sells fruit, nuts etc.", "But not milk."}));
  EXPECT_EQ(Split("She works for Acme Inc. It makes cars."), (V{"She works for Acme Inc.", "It makes cars."}));
}

TEST(SentenceSplitter, KeepsQuotationThatContinuesTheSentence) {
  EXPECT_EQ(Split("“Stop. Now,” he said. Then he left."), (V{"“Stop. Now,” he said.", "Then he left."}));
  EXPECT_EQ(Split("“Stop! Now!” he shouted."), (V{"“Stop! Now!” he shouted."}));
  EXPECT_EQ(Split("‘Go. Now,’ she said."), (V{"‘Go. Now,’ she said."}));
  EXPECT_EQ(Split("\"Stop. Now,\" he said."), (V{"\"Stop. Now,\" he said."}));
}

TEST(SentenceSplitter, SplitsQuotationThatEndsTheSentence) {
  EXPECT_EQ(Split("She said: “I was there. It was late.” Then she left."),
            (V{"She said: “I was there.", "It was late.”", "Then she left."}));
  EXPECT_EQ(Split("He said: “I was there. It was late”. Then he left."),
            (V{"He said: “I was there.", "It was late”.", "Then he left."}));
}

TEST(SentenceSplitter, SplitsInsideUnclosedQuotation) {
  EXPECT_EQ(Split("“I was there. It was late."), (V{"“I was there.", "It was late."}));
}

TEST(SentenceSplitter, GivesOneSentenceWithoutTerminal) {
  EXPECT_EQ(Split("Breaking news from the capital"), (V{"Breaking news from the capital"}));
  EXPECT_EQ(Split("..."), (V{"..."}));
}

TEST(SentenceSplitter, GivesNoSentenceWithoutTokens) {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  SplitSentences("   ", {0, 3}, tokens, 0, 0, &sentences);
  EXPECT_TRUE(sentences.empty());
}

TEST(SentenceSplitter, CoversTheTokensInOrder) {
  std::string text = "Intro words. ";
  std::size_t para_start = text.size();
  text += "One. Two? “Three,” he said. U.S. The end";
  std::vector<Token> tokens;
  Tokenize(text, {0, para_start}, &tokens);
  std::size_t first = tokens.size();
  Tokenize(text, {para_start, text.size()}, &tokens);
  std::vector<Sentence> sentences;
  SplitSentences(text, {para_start, text.size()}, tokens, first, tokens.size(), &sentences);
  ASSERT_EQ(sentences.size(), 5u);
  std::size_t next = first;
  for (const Sentence& s : sentences) {
    EXPECT_EQ(s.first_token, next);
    EXPECT_LT(s.first_token, s.end_token);
    EXPECT_EQ(s.span.start, tokens[s.first_token].span.start);
    EXPECT_EQ(s.span.end, tokens[s.end_token - 1].span.end);
    next = s.end_token;
  }
  EXPECT_EQ(next, tokens.size());
}

}  // namespace
}  // namespace credence::internal
