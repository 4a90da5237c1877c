// Tests for Document (src/text/document.cc): validation of the input and the
// same-length working copy in which bad bytes are spaces.
#include "credence/document.h"

#include <gtest/gtest.h>

#include <string>

namespace credence {
namespace {

using namespace std::string_literals;

Document Make(std::string bytes) {
  Result<Document> doc = Document::FromBytes(std::move(bytes));
  EXPECT_TRUE(doc.has_value()) << doc.error().ToString();
  return doc ? std::move(*doc) : *Document::FromBytes("x");
}

StatusCode CodeOf(std::string bytes, DocumentOptions options = {}) {
  Result<Document> doc = Document::FromBytes(std::move(bytes), std::move(options));
  return doc ? StatusCode::kOk : doc.error().code();
}

TEST(Document, KeepsPlainTextAsIs) {
  Result<Document> doc = Document::FromBytes("Hello, “world” — naïve café 😀\n", {.url = "https://a.example/x", .title = "T"});
  ASSERT_TRUE(doc.has_value());
  EXPECT_EQ(doc->raw(), "Hello, “world” — naïve café 😀\n");
  EXPECT_EQ(doc->text(), doc->raw());
  EXPECT_EQ(doc->url(), "https://a.example/x");
  EXPECT_EQ(doc->title(), "T");
  EXPECT_EQ(doc->invalid_utf8_bytes(), 0u);
  EXPECT_EQ(doc->nul_bytes(), 0u);
  EXPECT_EQ(doc->control_bytes(), 0u);
}

TEST(Document, ReplacesInvalidUtf8WithSpacesKeepingOffsets) {
  Document doc = Make("ab\xFF" "cd\xC3(ef and more words to stay text");
  EXPECT_EQ(doc.size(), doc.raw().size());
  EXPECT_EQ(doc.text().size(), doc.raw().size());
  EXPECT_EQ(doc.text(), "ab cd (ef and more words to stay text");
  EXPECT_EQ(doc.invalid_utf8_bytes(), 2u);
  EXPECT_EQ(doc.View({5, 7}), " (");
}

TEST(Document, TreatsOverlongSurrogateAndOutOfRangeAsInvalid) {
  std::string bad = "\xC0\xAF" "\xE0\x80\xAF" "\xED\xA0\x80" "\xF4\x90\x80\x80" "\xF8\x88\x80\x80\x80";
  std::string padding(200, 'a');
  Document doc = Make(padding + bad + padding);
  EXPECT_EQ(doc.invalid_utf8_bytes(), bad.size());
  EXPECT_EQ(doc.text(), padding + std::string(bad.size(), ' ') + padding);
}

TEST(Document, ReplacesEachByteOfTruncatedSequence) {
  Document doc = Make("abc\xE2\x80");
  EXPECT_EQ(doc.text(), "abc  ");
  EXPECT_EQ(doc.invalid_utf8_bytes(), 2u);
}

TEST(Document, KeepsLeadingByteOrderMark) {
  Document doc = Make("\xEF\xBB\xBFHello");
  EXPECT_EQ(doc.text(), "\xEF\xBB\xBFHello");
  EXPECT_EQ(doc.invalid_utf8_bytes(), 0u);
}

TEST(Document, CountsNulAndControlBytes) {
  Document doc = Make("a\0b\x01" "c\td\ne\rf\fg\x7Fh and some more text here"s);
  EXPECT_EQ(doc.text(), "a b c\td\ne\rf\fg\x7Fh and some more text here");
  EXPECT_EQ(doc.nul_bytes(), 1u);
  EXPECT_EQ(doc.control_bytes(), 1u);
  EXPECT_EQ(doc.invalid_utf8_bytes(), 0u);
}

TEST(Document, AcceptsShortTextWithTrailingNul) {
  Document doc = Make("Hello\0"s);
  EXPECT_EQ(doc.nul_bytes(), 1u);
  EXPECT_EQ(doc.text(), "Hello ");
}

TEST(Document, SliceGivesReplacementCharacterForInvalidBytes) {
  Document doc = Make("ab\xFF\xFE" "cd\0e and more words"s);
  EXPECT_EQ(doc.Slice({0, 7}), "ab\uFFFD\uFFFDcd ");
  EXPECT_EQ(doc.Slice({2, 3}), "\uFFFD");
  EXPECT_EQ(doc.Slice({4, 6}), "cd");
  EXPECT_EQ(doc.Slice({3, 3}), "");
}

TEST(Document, SliceKeepsValidMultibyteText) {
  Document doc = Make("“naïve” café 😀");
  EXPECT_EQ(doc.Slice({0, doc.size()}), "“naïve” café 😀");
  // A span that cuts a character in two shows the cut bytes as U+FFFD.
  EXPECT_EQ(doc.Slice({0, 1}), "\uFFFD");
}

TEST(Document, RejectsEmptyInput) { EXPECT_EQ(CodeOf(""), StatusCode::kEmptyInput); }

TEST(Document, RejectsWhiteSpaceOnlyInput) {
  EXPECT_EQ(CodeOf(" \n\t\r\f  "), StatusCode::kEmptyInput);
  EXPECT_EQ(CodeOf("\xC2\xA0\xE2\x80\x89\xE3\x80\x80"), StatusCode::kEmptyInput);  // NBSP, thin, ideographic
}

TEST(Document, RejectsLoneByteOrderMark) {
  EXPECT_EQ(CodeOf("\xEF\xBB\xBF"), StatusCode::kEmptyInput);
  EXPECT_EQ(CodeOf("\xEF\xBB\xBF \n"), StatusCode::kEmptyInput);
}

TEST(Document, RejectsInputOfAFewNulBytesAsEmpty) {
  Result<Document> doc = Document::FromBytes(" \0\0 "s);
  ASSERT_FALSE(doc.has_value());
  EXPECT_EQ(doc.error().code(), StatusCode::kEmptyInput);
  EXPECT_NE(doc.error().message().find("NUL"), std::string::npos);
}

TEST(Document, RejectsTooLargeInputNamingBothSizes) {
  Result<Document> doc = Document::FromBytes(std::string(11, 'a'), {.max_bytes = 10});
  ASSERT_FALSE(doc.has_value());
  EXPECT_EQ(doc.error().code(), StatusCode::kTooLarge);
  EXPECT_NE(doc.error().message().find("11"), std::string::npos);
  EXPECT_NE(doc.error().message().find("10"), std::string::npos);
  EXPECT_EQ(CodeOf(std::string(10, 'a'), {.max_bytes = 10}), StatusCode::kOk);
}

TEST(Document, RejectsManyNulBytesAsBinary) {
  std::string bytes(1000, 'a');
  for (std::size_t i = 0; i < bytes.size(); i += 5) bytes[i] = '\0';  // 200 NULs: 20%
  Result<Document> doc = Document::FromBytes(bytes);
  ASSERT_FALSE(doc.has_value());
  EXPECT_EQ(doc.error().code(), StatusCode::kBinaryInput);
  EXPECT_NE(doc.error().message().find("200 of its first 1000 bytes"), std::string::npos) << doc.error().message();
}

TEST(Document, RejectsMostlyInvalidUtf8AsBinary) {
  std::string bytes;
  for (int i = 0; i < 1000; ++i) bytes.push_back(static_cast<char>(i % 2 == 0 ? 0xFF : 'a'));
  Result<Document> doc = Document::FromBytes(bytes);
  ASSERT_FALSE(doc.has_value());
  EXPECT_EQ(doc.error().code(), StatusCode::kBinaryInput);
  EXPECT_NE(doc.error().message().find("not valid UTF-8"), std::string::npos);
}

TEST(Document, RejectsImageHeaderAsBinary) {
  std::string png = "\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0\x5C\x72\xA8\x66\0\0\0\x04sBIT"s;
  EXPECT_EQ(CodeOf(png), StatusCode::kBinaryInput);
}

TEST(Document, AcceptsLatin1TextWithFewInvalidBytes) {
  Document doc = Make("Le caf\xE9 est ferm\xE9 le dimanche, mais il ouvre \xE0 sept heures le lundi.");
  EXPECT_EQ(doc.invalid_utf8_bytes(), 3u);
}

TEST(Document, SniffsOnlyTheStartForBinary) {
  std::string bytes(70 * 1024, 'a');
  bytes.append(10 * 1024, '\0');
  Document doc = Make(bytes);
  EXPECT_EQ(doc.nul_bytes(), 10u * 1024);
  EXPECT_EQ(doc.text().substr(70 * 1024), std::string(10 * 1024, ' '));
}

TEST(Document, RepairsSequencesAcrossTheSniffWindow) {
  // A valid sequence that straddles the 64 KiB mark stays whole.
  std::string bytes(64 * 1024 - 1, 'a');
  bytes += "é\xFFz";
  Document doc = Make(bytes);
  EXPECT_EQ(doc.invalid_utf8_bytes(), 1u);
  EXPECT_EQ(doc.text().substr(64 * 1024 - 1), "é z");
}

TEST(Document, WorkingCopyIsValidUtf8ForRandomBytes) {
  std::string bytes;
  uint32_t x = 12345;
  for (int i = 0; i < 20000; ++i) {
    x = x * 1103515245 + 12345;
    bytes.push_back(static_cast<char>(i % 9 == 0 ? (x >> 16) & 0xFF : 'a' + (x >> 16) % 26));
  }
  Document doc = Make(bytes);
  ASSERT_EQ(doc.text().size(), bytes.size());
  // Every repaired byte is a space, every other byte is unchanged, and the
  // counts add up.
  std::size_t changed = 0;
  for (std::size_t i = 0; i < bytes.size(); ++i)
    if (doc.text()[i] != bytes[i]) {
      EXPECT_EQ(doc.text()[i], ' ');
      ++changed;
    }
  EXPECT_EQ(changed, doc.invalid_utf8_bytes() + doc.nul_bytes() + doc.control_bytes());
  // Round trip: the working copy is clean, so it comes back unchanged.
  Document again = Make(std::string(doc.text()));
  EXPECT_EQ(again.text(), doc.text());
  EXPECT_EQ(again.invalid_utf8_bytes(), 0u);
}

}  // namespace
}  // namespace credence
