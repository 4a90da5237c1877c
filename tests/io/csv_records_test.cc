// Tests for src/io/csv_records.cc: RFC 4180 quoting read as a stream across
// any chunk boundary, header names and positions, and every kind of broken
// row becoming an error record (or the end) rather than a failure.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "io/record_reader.h"
#include "tests/io/record_test_support.h"

namespace credence::internal {
namespace {

std::vector<BatchRecord> ReadCsv(const std::string& csv, std::size_t max_record = 1 << 20,
                                 const RecordFields& fields = {}, std::size_t chunk = 1 << 16) {
  std::unique_ptr<RecordReader> reader = OpenCsvRecords(MemoryInput(csv, chunk), "daily.csv", fields, max_record);
  return ReadAllRecords(*reader);
}

// The fields a test compares, as one string.
std::string Describe(const BatchRecord& r) {
  return r.source + ":" + std::to_string(r.position) + " id=" + r.id + " url=" + r.url + " title=" + r.title +
         " html=" + (r.html ? "1" : "0") + " body=" + r.body + " error=" + r.error;
}

TEST(CsvRecords, ReadsFieldsNamedByTheHeader) {
  std::vector<BatchRecord> r = ReadCsv(
      "id,url,title,text\n"
      "a1,https://daily.example/harbour,Harbour reopens,The harbour reopened on Monday.\n"
      "a2,https://daily.example/fair,County fair,The fair drew a crowd.\n");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].source, "daily.csv");
  EXPECT_EQ(r[0].position, 2u);
  EXPECT_EQ(r[0].id, "a1");
  EXPECT_EQ(r[0].url, "https://daily.example/harbour");
  EXPECT_EQ(r[0].title, "Harbour reopens");
  EXPECT_EQ(r[0].body, "The harbour reopened on Monday.");
  EXPECT_FALSE(r[0].html);
  EXPECT_FALSE(r[0].detect_html);
  EXPECT_EQ(r[0].error, "");
  EXPECT_EQ(r[1].position, 3u);
  EXPECT_EQ(r[1].id, "a2");
}

TEST(CsvRecords, ReadsQuotesEscapesAndNewlinesInsideQuotes) {
  std::vector<BatchRecord> r = ReadCsv(
      "id,title,text\r\n"
      "q1,\"Mayor: \"\"No comment\"\"\",\"First paragraph.\r\n\r\nSecond, with a comma.\"\r\n"
      "q2,\"\",\"One line\"\r\n");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].position, 2u);
  EXPECT_EQ(r[0].title, "Mayor: \"No comment\"");
  EXPECT_EQ(r[0].body, "First paragraph.\r\n\r\nSecond, with a comma.");
  EXPECT_EQ(r[1].position, 5u);  // the record above spans lines 2 to 4
  EXPECT_EQ(r[1].title, "");
  EXPECT_EQ(r[1].body, "One line");
}

TEST(CsvRecords, EveryChunkSizeGivesTheSameRecords) {
  const std::string csv =
      "\xEF\xBB\xBFid,text,html\r\n"
      "1,\"a \"\"b\"\"\r\nc\",\n"
      "\r\n"
      "2,,<p>The Daily Example</p>\n"
      "3,x\ry,\n"
      "4,\"unterminated";
  std::vector<std::string> expected;
  for (const BatchRecord& b : ReadCsv(csv)) expected.push_back(Describe(b));
  ASSERT_EQ(expected.size(), 4u);
  for (std::size_t chunk : {1, 2, 3, 5, 8, 13}) {
    std::vector<std::string> got;
    for (const BatchRecord& b : ReadCsv(csv, 1 << 20, {}, chunk)) got.push_back(Describe(b));
    EXPECT_EQ(got, expected) << "chunk " << chunk;
  }
}

TEST(CsvRecords, SkipsByteOrderMarkAndMatchesNamesIgnoringCase) {
  std::vector<BatchRecord> r = ReadCsv(
      "\xEF\xBB\xBF"
      "ID, Title ,TEXT\n7,Tide tables,High tide at noon.\n");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].id, "7");
  EXPECT_EQ(r[0].title, "Tide tables");
  EXPECT_EQ(r[0].body, "High tide at noon.");
}

TEST(CsvRecords, SkipsEmptyLinesAndKeepsLineNumbers) {
  std::vector<BatchRecord> r = ReadCsv("\n\nid,text\n\n1,one\r\n\r\n\n2,two");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].position, 5u);
  EXPECT_EQ(r[1].position, 8u);
  EXPECT_EQ(r[1].body, "two");  // the last row needs no newline
}

TEST(CsvRecords, WrongFieldCountIsAnErrorRecordAndReadingGoesOn) {
  std::vector<BatchRecord> r = ReadCsv("id,title,text\n1,Only two\n2,A,B,C\n3,Fine,Body\n");
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].position, 2u);
  EXPECT_EQ(r[0].error, "expected 3 fields (as in the header), found 2");
  EXPECT_EQ(r[1].error, "expected 3 fields (as in the header), found 4");
  EXPECT_EQ(r[2].error, "");
  EXPECT_EQ(r[2].body, "Body");
}

TEST(CsvRecords, OversizedRecordIsAnErrorRecordAndTheNextOneReads) {
  std::string huge = "\"";
  for (int i = 0; i < 2000; ++i) huge += "Paragraph " + std::to_string(i) + ", \"\"quoted\"\".\n";
  huge += "\"";
  std::vector<BatchRecord> r = ReadCsv("id,text\nbig," + huge + "\nsmall,Short body\n", 1000, {}, 7);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].position, 2u);
  EXPECT_EQ(r[0].error, "record larger than the limit of 1000 bytes (--max-bytes)");
  EXPECT_EQ(r[0].body, "");
  EXPECT_EQ(r[1].position, 2003u);
  EXPECT_EQ(r[1].id, "small");
  EXPECT_EQ(r[1].error, "");
}

TEST(CsvRecords, RecordOfExactlyTheLimitIsKept) {
  // "x,0123456789" is 12 bytes: two fields and one separator.
  std::vector<BatchRecord> r = ReadCsv("id,text\nx,0123456789\nx,01234567890\n", 12);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].error, "");
  EXPECT_NE(r[1].error, "");
}

TEST(CsvRecords, UnterminatedQuoteIsAnErrorRecordThenTheEnd) {
  std::vector<BatchRecord> r = ReadCsv("id,text\n1,ok\n2,\"starts here\nand never\nends\n");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[1].position, 3u);
  EXPECT_EQ(r[1].error, "unterminated quoted field: the record runs to the end of the input");
}

TEST(CsvRecords, UsesCustomFieldNames) {
  const RecordFields fields{.id = "guid", .url = "link", .title = "headline", .text = "article", .html = "page"};
  std::vector<BatchRecord> r =
      ReadCsv("headline,guid,link,article,text\nStorm warning,g-9,https://daily.example/storm,Winds rise.,ignored\n",
              1 << 20, fields);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].id, "g-9");
  EXPECT_EQ(r[0].url, "https://daily.example/storm");
  EXPECT_EQ(r[0].title, "Storm warning");
  EXPECT_EQ(r[0].body, "Winds rise.");
}

TEST(CsvRecords, HtmlColumnGivesAnHtmlBody) {
  std::vector<BatchRecord> r = ReadCsv("id,html\nh1,\"<html><body><p>The Daily Example</p></body></html>\"\n");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_TRUE(r[0].html);
  EXPECT_EQ(r[0].body, "<html><body><p>The Daily Example</p></body></html>");
}

TEST(CsvRecords, TextWinsOverHtmlAndAnEmptyBodyIsAnError) {
  std::vector<BatchRecord> r = ReadCsv("id,text,html\n1,Plain words,<p>markup</p>\n2,,<p>markup</p>\n3,,\n");
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].body, "Plain words");
  EXPECT_FALSE(r[0].html);
  EXPECT_EQ(r[1].body, "<p>markup</p>");
  EXPECT_TRUE(r[1].html);
  EXPECT_EQ(r[2].error, "no \"text\" or \"html\" field with content");
}

TEST(CsvRecords, HeaderWithoutBodyColumnGivesOneErrorThenTheEnd) {
  std::vector<BatchRecord> r = ReadCsv("\nid,title,summary\n1,a,b\n2,c,d\n");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].position, 2u);
  EXPECT_EQ(r[0].error, "no \"text\" or \"html\" column in the header");
}

TEST(CsvRecords, EmptyInputOrHeaderAloneHasNoRecords) {
  EXPECT_TRUE(ReadCsv("").empty());
  EXPECT_TRUE(ReadCsv("\xEF\xBB\xBF").empty());
  EXPECT_TRUE(ReadCsv("\r\n\n").empty());
  EXPECT_TRUE(ReadCsv("id,text\r\n").empty());
}

TEST(CsvRecords, KeepsStrayQuotesAndLoneCarriageReturnsAsData) {
  std::vector<BatchRecord> r = ReadCsv("id,text\n1,5\" screen\n2,\"closed\" then more\n3,a\rb\n");
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].body, "5\" screen");
  EXPECT_EQ(r[1].body, "closed then more");
  EXPECT_EQ(r[2].body, "a\rb");
}

TEST(CsvRecords, ReadErrorFailsNext) {
  std::unique_ptr<RecordReader> reader =
      OpenCsvRecords(std::make_unique<MemoryStream>("id,text\n1,one\n2,two\n", 4, 16), "daily.csv", {}, 1 << 20);
  ExpectOneRecordThenReadError(*reader);
}

TEST(CsvRecords, ReportsProgressFromTheStream) {
  const std::string csv = "id,text\n1,one\n";
  std::unique_ptr<RecordReader> reader = OpenCsvRecords(MemoryInput(csv), "daily.csv", {}, 1 << 20);
  EXPECT_EQ(reader->size(), csv.size());
  ReadAllRecords(*reader);
  EXPECT_EQ(reader->bytes_read(), csv.size());
}

TEST(CsvRecords, HostileBytesGiveErrorRecordsOrTheEnd) {
  std::mt19937 rng(20240611);
  constexpr char kAlphabet[] = "ab,\"\r\n\xEF\xBB\xBF\0 ";
  const std::string alphabet(kAlphabet, sizeof kAlphabet - 1);
  for (int round = 0; round < 300; ++round) {
    std::string bytes;
    const std::size_t n = rng() % 400;
    for (std::size_t i = 0; i < n; ++i) {
      bytes += round % 2 == 0 ? static_cast<char>(rng()) : alphabet[rng() % alphabet.size()];
    }
    std::vector<BatchRecord> r = ReadCsv("text," + bytes, 64, {}, 1 + rng() % 9);
    for (const BatchRecord& b : r) EXPECT_TRUE(b.body.size() <= 64) << Describe(b);
  }
}

}  // namespace
}  // namespace credence::internal
