// Tests for BuildStructure (src/text/structure_builder.cc).
#include "text/structure_builder.h"

#include <gtest/gtest.h>

#include <string>

#include "credence/document.h"

namespace credence::internal {
namespace {

using namespace std::string_literals;

// Checks the invariants every Structure keeps: tokens in bounds, non-empty,
// non-overlapping and increasing; sentences and paragraphs indexing them.
void ExpectConsistent(std::string_view text, const Structure& s) {
  std::size_t last_end = 0;
  for (const Token& t : s.tokens) {
    ASSERT_LT(t.span.start, t.span.end);
    ASSERT_LE(last_end, t.span.start);
    ASSERT_LE(t.span.end, text.size());
    last_end = t.span.end;
  }
  std::size_t next_sentence = 0;
  for (const Paragraph& p : s.paragraphs) {
    ASSERT_EQ(p.first_sentence, next_sentence);
    ASSERT_LE(p.first_sentence, p.end_sentence);
    ASSERT_LE(p.span.end, text.size());
    for (std::size_t i = p.first_sentence; i < p.end_sentence; ++i) {
      const Sentence& sentence = s.sentences[i];
      ASSERT_TRUE(p.span.Contains(sentence.span));
      ASSERT_LT(sentence.first_token, sentence.end_token);
      ASSERT_LE(sentence.end_token, s.tokens.size());
    }
    next_sentence = p.end_sentence;
  }
  ASSERT_EQ(next_sentence, s.sentences.size());
}

TEST(StructureBuilder, MakesParagraphsInInputOrderWithRoles) {
  std::string text = "Big News Today\nA short summary.\nFirst para. Second sentence.\nLast para.";
  Article article;
  article.body = {{32, 60}, {61, text.size()}};
  article.headline = Span{0, 14};
  article.standfirst = Span{15, 31};
  Structure s = BuildStructure(text, article);
  ExpectConsistent(text, s);
  ASSERT_EQ(s.paragraphs.size(), 4u);
  EXPECT_EQ(s.paragraphs[0].role, ParagraphRole::kHeadline);
  EXPECT_EQ(s.paragraphs[1].role, ParagraphRole::kStandfirst);
  EXPECT_EQ(s.paragraphs[2].role, ParagraphRole::kBody);
  EXPECT_EQ(s.paragraphs[3].role, ParagraphRole::kBody);
  EXPECT_EQ(text.substr(s.paragraphs[2].span.start, s.paragraphs[2].span.size()), "First para. Second sentence.");
  EXPECT_EQ(s.paragraphs[2].end_sentence - s.paragraphs[2].first_sentence, 2u);
  EXPECT_EQ(s.sentences.size(), 5u);
}

TEST(StructureBuilder, OrdersBlocksByStartOffset) {
  std::string text = "Body first. Then a headline";
  Article article;
  article.headline = Span{12, text.size()};
  article.body = {{0, 11}};
  Structure s = BuildStructure(text, article);
  ExpectConsistent(text, s);
  ASSERT_EQ(s.paragraphs.size(), 2u);
  EXPECT_EQ(s.paragraphs[0].role, ParagraphRole::kBody);
  EXPECT_EQ(s.paragraphs[1].role, ParagraphRole::kHeadline);
}

TEST(StructureBuilder, CutsOverlappingAndOutOfRangeBlocks) {
  std::string text = "One two three. Four five.";
  Article article;
  article.headline = Span{0, 13};
  article.body = {{4, 20}, {8, 12}, {15, 999}};
  Structure s = BuildStructure(text, article);
  ExpectConsistent(text, s);
  ASSERT_EQ(s.paragraphs.size(), 4u);
  EXPECT_TRUE(s.paragraphs[2].span.empty());
  EXPECT_EQ(s.paragraphs[2].first_sentence, s.paragraphs[2].end_sentence);
  EXPECT_EQ(s.paragraphs[3].span.end, text.size());
}

TEST(StructureBuilder, GivesEmptyBlocksNoSentences) {
  std::string text = "Words here.   ";
  Article article;
  article.body = {{0, 11}, {11, 14}};
  Structure s = BuildStructure(text, article);
  ExpectConsistent(text, s);
  ASSERT_EQ(s.paragraphs.size(), 2u);
  EXPECT_EQ(s.paragraphs[1].first_sentence, s.paragraphs[1].end_sentence);
}

TEST(StructureBuilder, GivesNothingForAnEmptyArticle) {
  Structure s = BuildStructure("Some text.", Article{});
  EXPECT_TRUE(s.paragraphs.empty());
  EXPECT_TRUE(s.sentences.empty());
  EXPECT_TRUE(s.tokens.empty());
}

TEST(StructureBuilder, StaysInBoundsOnRepairedInput) {
  std::string bytes = "Caf\xE9 owner Mr. O\xE2\x80\x99" "Brien said\0 \xF0\x9F\x98 it\xE2\x80\xA6 “No. 1,” he said.\n"
                      "The U.S. The end\xC3"s;
  bytes.append("\n\xFF\xFE Third line here.");
  Result<Document> doc = Document::FromBytes(bytes);
  ASSERT_TRUE(doc.has_value()) << doc.error().ToString();
  std::string_view text = doc->text();
  Article article;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i)
    if (i == text.size() || text[i] == '\n') {
      article.body.push_back({start, i});
      start = i + 1;
    }
  Structure s = BuildStructure(text, article);
  ExpectConsistent(text, s);
  ASSERT_EQ(s.paragraphs.size(), 3u);
  EXPECT_EQ(s.paragraphs[1].end_sentence - s.paragraphs[1].first_sentence, 2u);  // "The U.S." | "The end"
}

}  // namespace
}  // namespace credence::internal
