// Tests for Tokenize (src/text/tokenizer.cc) and the UTF-8 helpers it is
// built on (src/text/utf8.cc).
#include "text/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/utf8.h"

namespace credence::internal {
namespace {

std::vector<Token> Tokens(std::string_view text) {
  std::vector<Token> tokens;
  Tokenize(text, {0, text.size()}, &tokens);
  return tokens;
}

std::vector<std::string> Texts(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : Tokens(text)) out.emplace_back(text.substr(t.span.start, t.span.size()));
  return out;
}

using V = std::vector<std::string>;

// Checks what every token list must satisfy: in bounds, non-empty,
// non-overlapping, increasing.
void ExpectWellFormed(const std::vector<Token>& tokens, Span span) {
  std::size_t last_end = span.start;
  for (const Token& t : tokens) {
    ASSERT_LT(t.span.start, t.span.end);
    ASSERT_LE(last_end, t.span.start);
    ASSERT_LE(t.span.end, span.end);
    last_end = t.span.end;
  }
}

TEST(Tokenizer, SplitsWordsAndPunctuation) {
  EXPECT_EQ(Texts("Hello, world!  Bye."), (V{"Hello", ",", "world", "!", "Bye", "."}));
  std::vector<Token> t = Tokens("Hi, 5 €");
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[0].kind, TokenKind::kWord);
  EXPECT_EQ(t[1].kind, TokenKind::kPunct);
  EXPECT_EQ(t[2].kind, TokenKind::kNumber);
  EXPECT_EQ(t[3].kind, TokenKind::kSymbol);
}

TEST(Tokenizer, KeepsInnerApostrophes) {
  EXPECT_EQ(Texts("don't O'Brien don’t it’s rock'n'roll"), (V{"don't", "O'Brien", "don’t", "it’s", "rock'n'roll"}));
  EXPECT_EQ(Texts("the players' union"), (V{"the", "players", "'", "union"}));
  EXPECT_EQ(Texts("‘Yes’"), (V{"‘", "Yes", "’"}));
}

TEST(Tokenizer, KeepsInnerHyphens) {
  EXPECT_EQ(Texts("Deir ez-Zor, well-known COVID-19"), (V{"Deir", "ez-Zor", ",", "well-known", "COVID-19"}));
  EXPECT_EQ(Texts("pro- and anti--war"), (V{"pro", "-", "and", "anti", "-", "-", "war"}));
}

TEST(Tokenizer, KeepsDottedAcronymsWhole) {
  EXPECT_EQ(Texts("U.S. e.g. a.m. Ph.D. U.N. D.C."), (V{"U.S.", "e.g.", "a.m.", "Ph.D.", "U.N.", "D.C."}));
  EXPECT_EQ(Texts("the U.S.-led force"), (V{"the", "U.S.-led", "force"}));
  EXPECT_EQ(Texts("at 5 p.m.The"), (V{"at", "5", "p.m.", "The"}));
}

TEST(Tokenizer, KeepsPeriodsOfKnownAbbreviations) {
  EXPECT_EQ(Texts("Mr. Jan. Gov. etc. Inc."), (V{"Mr.", "Jan.", "Gov.", "etc.", "Inc."}));
  EXPECT_EQ(Texts("the end."), (V{"the", "end", "."}));
  EXPECT_EQ(Texts("MR. SMITH"), (V{"MR.", "SMITH"}));
}

TEST(Tokenizer, KeepsPeriodsOfInitials) {
  EXPECT_EQ(Texts("John F. Kennedy"), (V{"John", "F.", "Kennedy"}));
  EXPECT_EQ(Texts("a."), (V{"a", "."}));
}

TEST(Tokenizer, KeepsNumberSignPeriodOnlyBeforeANumber) {
  EXPECT_EQ(Texts("No. 10 Downing"), (V{"No.", "10", "Downing"}));
  EXPECT_EQ(Texts("He said No. Then"), (V{"He", "said", "No", ".", "Then"}));
}

TEST(Tokenizer, ReadsNumbers) {
  std::string_view text = "1,000.50 3.5 92.207792% 1975 1,000,000";
  EXPECT_EQ(Texts(text), (V{"1,000.50", "3.5", "92.207792%", "1975", "1,000,000"}));
  for (const Token& t : Tokens(text)) EXPECT_EQ(t.kind, TokenKind::kNumber);
  EXPECT_EQ(Texts("3,4 and 3.5."), (V{"3", ",", "4", "and", "3.5", "."}));
}

TEST(Tokenizer, MakesDigitsGluedToLettersOneWord) {
  std::string_view text = "20th 1990s 5G 24-year-old 1990's";
  EXPECT_EQ(Texts(text), (V{"20th", "1990s", "5G", "24-year-old", "1990's"}));
  for (const Token& t : Tokens(text)) EXPECT_EQ(t.kind, TokenKind::kWord);
  EXPECT_EQ(Texts("2.5bn 2019-20"), (V{"2.5", "bn", "2019", "-", "20"}));
}

TEST(Tokenizer, GivesOneTokenPerPunctuationCodePoint) {
  EXPECT_EQ(Texts("“Hi”—(no)…..."), (V{"“", "Hi", "”", "—", "(", "no", ")", "…", ".", ".", "."}));
  for (const Token& t : Tokens("“”‘’\"'.,;:!?()—–-…")) EXPECT_EQ(t.kind, TokenKind::kPunct);
}

TEST(Tokenizer, KeepsEmojiSequencesAsOneSymbol) {
  std::string_view text = "$5 € 😀 👍🏽 🇬🇧 👨‍👩‍👧 ❤️";
  EXPECT_EQ(Texts(text), (V{"$", "5", "€", "😀", "👍🏽", "🇬🇧", "👨‍👩‍👧", "❤️"}));
  std::vector<Token> t = Tokens(text);
  EXPECT_EQ(t[0].kind, TokenKind::kSymbol);
  EXPECT_EQ(t[7].kind, TokenKind::kSymbol);
}

TEST(Tokenizer, SplitsAtUnicodeSpaces) {
  EXPECT_EQ(Texts("a\u00A0b\u2009c\u3000d\u200Be\uFEFFf"), (V{"a", "b", "c", "d", "e", "f"}));
}

TEST(Tokenizer, ReadsUnicodeWords) {
  EXPECT_EQ(Texts("Zürich naïve Москва 東京 cafe\u0301"), (V{"Zürich", "naïve", "Москва", "東京", "cafe\u0301"}));
  EXPECT_EQ(Texts("credi\u00ADbility"), (V{"credi\u00ADbility"}));
}

TEST(Tokenizer, StaysInsideTheSpan) {
  std::string_view text = "Hello world, again";
  std::vector<Token> tokens;
  Tokenize(text, {3, 14}, &tokens);  // "lo world, a"
  ExpectWellFormed(tokens, {3, 14});
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[0].span, (Span{3, 5}));
  EXPECT_EQ(tokens[3].span, (Span{13, 14}));
  tokens.clear();
  Tokenize(text, {12, 500}, &tokens);  // cut to the text
  ExpectWellFormed(tokens, {12, text.size()});
  ASSERT_EQ(tokens.size(), 1u);
}

TEST(Tokenizer, AppendsToExistingTokens) {
  std::vector<Token> tokens(2);
  Tokenize("a b", {0, 3}, &tokens);
  EXPECT_EQ(tokens.size(), 4u);
}

TEST(Tokenizer, KeepsOffsetsInBoundsOnMessyText) {
  std::string text = "“Don’t!” — he said… U.S.A. 3.5% of 1,00 x.y. ‘q’ e.g.. No.5 , , \t\n   A.B 😀\u0301 \xEF\xBF\xBD";
  text += "a-";
  text += "1.";
  std::vector<Token> tokens = Tokens(text);
  ExpectWellFormed(tokens, {0, text.size()});
  // A span that starts inside a multi-byte character still stays in bounds.
  for (std::size_t start = 0; start < text.size(); ++start) {
    std::vector<Token> part;
    Tokenize(text, {start, text.size()}, &part);
    ExpectWellFormed(part, {start, text.size()});
  }
}

TEST(Tokenizer, TokenizesFiveMegabyteLines) {
  const std::size_t n = 5 << 20;
  std::string one_letter(n, 'a');
  std::vector<Token> tokens = Tokens(one_letter);
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].span, (Span{0, n}));

  std::string words;
  const char* kWords[] = {"the", "U.S.", "said", "3.5%", "don't", "Mr.", "—", "well-known", "“quoted”", "a.b"};
  for (std::size_t i = 0; words.size() < n; ++i) {
    words += kWords[(i * 7 + i / 3) % 10];
    words += ' ';
  }
  tokens = Tokens(words);
  ExpectWellFormed(tokens, {0, words.size()});
  EXPECT_GT(tokens.size(), n / 10);

  std::string dots;
  for (std::size_t i = 0; dots.size() < n; ++i) dots += "a.";
  tokens = Tokens(dots);
  ExpectWellFormed(tokens, {0, dots.size()});
}

TEST(Utf8, DecodesCodePoints) {
  std::string_view s = "aé€😀";
  CodePoint c = DecodeAt(s, 0);
  EXPECT_EQ(c.value, 'a');
  c = DecodeAt(s, 1);
  EXPECT_EQ(c.value, 0xE9);
  EXPECT_EQ(c.length, 2u);
  c = DecodeAt(s, 3);
  EXPECT_EQ(c.value, 0x20AC);
  EXPECT_EQ(c.length, 3u);
  c = DecodeAt(s, 6);
  EXPECT_EQ(c.value, 0x1F600);
  EXPECT_EQ(c.length, 4u);
  // A stray continuation byte or a cut sequence decodes as U+FFFD, length 1.
  EXPECT_EQ(DecodeAt(s, 2).value, 0xFFFD);
  EXPECT_EQ(DecodeAt(s.substr(0, 8), 6).length, 1u);
}

TEST(Utf8, ClassifiesCodePoints) {
  EXPECT_TRUE(IsLetter('a'));
  EXPECT_TRUE(IsLetter(0x0416));  // Ж
  EXPECT_TRUE(IsDigit('7'));
  EXPECT_TRUE(IsDigit(0x0663));  // Arabic-Indic three
  EXPECT_TRUE(IsUpper(0x00C9));  // É
  EXPECT_TRUE(IsLower(0x00E9));  // é
  EXPECT_FALSE(IsUpper(0x6771));  // 東 has no case
  EXPECT_TRUE(IsSpace(0x00A0));
  EXPECT_TRUE(IsSpace(0x2009));
  EXPECT_TRUE(IsSpace('\n'));
  EXPECT_TRUE(IsPunct(0x201C));
  EXPECT_TRUE(IsPunct(0x2014));
  EXPECT_FALSE(IsPunct('$'));
  EXPECT_EQ(ClassOf(0x20AC), CharClass::kSymbol);
}

TEST(Utf8, LowersAndNormalizesForLookup) {
  EXPECT_EQ(ToLower("ÉCOLE Straße ΣΟΦΊΑ"), "école straße σοφία");
  EXPECT_EQ(NormalizeForLookup("Don’t"), "don't");
  EXPECT_EQ(NormalizeForLookup("“FAKE” ‘news’"), "\"fake\" 'news'");
}

}  // namespace
}  // namespace credence::internal
