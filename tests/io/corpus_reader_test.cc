// Tests for ReadCorpusFile: good records are read, each bad line becomes an
// error naming its line while the rest of the file is still read, CRLF line
// ends are accepted, and a missing file is kNotFound.
#include "io/corpus_reader.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/test_support.h"

namespace credence::internal {
namespace {

class CorpusReader : public credence::testing::TempDirTest {};

constexpr const char* kGood1 =
    R"({"id":"a1","dataset":"toy","domain":"example.com","url":"https://example.com/a","title":"Dam Opens","text":"The new dam opened on Monday.","label":"reliable"})";
constexpr const char* kGood2 =
    R"({"id":"b2","dataset":"toy","domain":"example.net","text":"Secret cures they hide from you!","label":"unreliable"})";

TEST_F(CorpusReader, ReadsGoodRecords) {
  Result<CorpusFile> f = ReadCorpusFile(Write("c.jsonl", std::string(kGood1) + "\n" + kGood2 + "\n"));
  ASSERT_TRUE(f) << f.error().ToString();
  EXPECT_TRUE(f->errors.empty());
  ASSERT_EQ(f->records.size(), 2u);
  const CorpusRecord& a = f->records[0];
  EXPECT_EQ(a.id, "a1");
  EXPECT_EQ(a.dataset, "toy");
  EXPECT_EQ(a.domain, "example.com");
  EXPECT_EQ(a.url, "https://example.com/a");
  EXPECT_EQ(a.title, "Dam Opens");
  EXPECT_EQ(a.text, "The new dam opened on Monday.");
  EXPECT_FALSE(a.unreliable);
  const CorpusRecord& b = f->records[1];
  EXPECT_EQ(b.id, "b2");
  EXPECT_EQ(b.url, "");
  EXPECT_EQ(b.title, "");
  EXPECT_TRUE(b.unreliable);
}

TEST_F(CorpusReader, NullFieldsCountAsAbsentAndUnicodeEscapesDecode) {
  Result<CorpusFile> f = ReadCorpusFile(Write(
      "c.jsonl", R"({"id":"c3","url":null,"title":null,"text":"Caf\u00e9 closes \"early\"","label":"reliable"})"));
  ASSERT_TRUE(f) << f.error().ToString();
  ASSERT_EQ(f->records.size(), 1u) << (f->errors.empty() ? "" : f->errors[0]);
  EXPECT_EQ(f->records[0].text, "Caf\xC3\xA9 closes \"early\"");
  EXPECT_EQ(f->records[0].url, "");
}

TEST_F(CorpusReader, BadLinesBecomeErrorsWithTheirLineNumbers) {
  const std::string lines[] = {
      kGood1,                                                          // 1
      R"({"id":"x","text":"broken", "label":)",                        // 2: bad JSON
      R"(["id","text"])",                                              // 3: not an object
      R"({"id":"x","text":"No label here."})",                         // 4: missing label
      R"({"id":"x","text":"Odd label.","label":"fake"})",              // 5: invalid label
      R"({"id":"x","text":"","label":"reliable"})",                    // 6: empty text
      R"({"id":"x","text":42,"label":"reliable"})",                    // 7: wrong type
      R"({"id":"x","text":"Numeric label.","label":1})",               // 8: label not a string
      R"({"text":"No id.","label":"reliable"})",                       // 9: missing id
      "",                                                              // 10: blank, skipped
      kGood2,                                                          // 11
  };
  std::string contents;
  for (const std::string& l : lines) contents += l + "\n";
  const std::string path = Write("c.jsonl", contents);
  Result<CorpusFile> f = ReadCorpusFile(path);
  ASSERT_TRUE(f) << f.error().ToString();
  ASSERT_EQ(f->records.size(), 2u);
  EXPECT_EQ(f->records[0].id, "a1");
  EXPECT_EQ(f->records[1].id, "b2");
  ASSERT_EQ(f->errors.size(), 8u);
  for (std::size_t i = 0; i < f->errors.size(); ++i) {
    const std::string want = "line " + std::to_string(i + 2) + ": ";
    EXPECT_NE(f->errors[i].find(want), std::string::npos) << f->errors[i];
    EXPECT_NE(f->errors[i].find(path), std::string::npos) << f->errors[i];
  }
  EXPECT_NE(f->errors[0].find("bad JSON"), std::string::npos) << f->errors[0];
  EXPECT_NE(f->errors[1].find("not a JSON object"), std::string::npos) << f->errors[1];
  EXPECT_NE(f->errors[3].find("label"), std::string::npos) << f->errors[3];
  EXPECT_NE(f->errors[4].find("text"), std::string::npos) << f->errors[4];
  EXPECT_NE(f->errors[5].find("'text' is not a string"), std::string::npos) << f->errors[5];
}

TEST_F(CorpusReader, AcceptsCrlfLineEnds) {
  Result<CorpusFile> f = ReadCorpusFile(
      Write("c.jsonl", std::string(kGood1) + "\r\n\r\n" + kGood2 + "\r\n" + R"({"id":"x"})" + "\r\n"));
  ASSERT_TRUE(f) << f.error().ToString();
  ASSERT_EQ(f->records.size(), 2u);
  EXPECT_EQ(f->records[1].text, "Secret cures they hide from you!");
  ASSERT_EQ(f->errors.size(), 1u);
  EXPECT_NE(f->errors[0].find("line 4: "), std::string::npos) << f->errors[0];
}

TEST_F(CorpusReader, ReadsALastLineWithoutNewline) {
  Result<CorpusFile> f = ReadCorpusFile(Write("c.jsonl", std::string(kGood1) + "\n" + kGood2));
  ASSERT_TRUE(f) << f.error().ToString();
  EXPECT_EQ(f->records.size(), 2u);
}

TEST_F(CorpusReader, EmptyFileHasNoRecords) {
  Result<CorpusFile> f = ReadCorpusFile(Write("c.jsonl", ""));
  ASSERT_TRUE(f) << f.error().ToString();
  EXPECT_TRUE(f->records.empty());
  EXPECT_TRUE(f->errors.empty());
}

TEST_F(CorpusReader, MissingFileIsNotFound) {
  Result<CorpusFile> f = ReadCorpusFile(dir_ + "/no-such-corpus.jsonl");
  ASSERT_FALSE(f);
  EXPECT_EQ(f.error().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace credence::internal
