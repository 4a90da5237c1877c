// Tests for OpenByteStream and LineReader (src/io/byte_stream.cc): plain and
// gzipped files (several members too) read alike, damaged gzip named, long
// lines cut with a status, CRLF and a last line without a newline.
#include "io/byte_stream.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "tests/test_support.h"

namespace credence::internal {
namespace {

class ByteStreamTest : public credence::testing::TempDirTest {
 protected:
  std::string ReadAll(const std::string& path) {
    Result<std::unique_ptr<ByteStream>> in = OpenByteStream(path);
    EXPECT_TRUE(in) << in.error().ToString();
    std::string out;
    char buf[1000];
    for (;;) {
      Result<std::size_t> got = (*in)->Read(buf, sizeof buf);
      EXPECT_TRUE(got) << got.error().ToString();
      if (!got || *got == 0) break;
      out.append(buf, *got);
    }
    return out;
  }
  std::string Gzip(const std::string& path) {
    EXPECT_EQ(std::system(("gzip -kn '" + path + "'").c_str()), 0);
    return path + ".gz";
  }
};

TEST_F(ByteStreamTest, PlainAndGzipReadAlike) {
  std::string text;
  for (int i = 0; i < 30000; ++i) text += "{\"id\": " + std::to_string(i) + "}\n";
  const std::string plain = Write("a.jsonl", text);
  EXPECT_EQ(ReadAll(plain), text);
  const std::string gz = Gzip(plain);
  EXPECT_EQ(ReadAll(gz), text);
  const std::string twice = testing::ReadFileOrEmpty(gz) + testing::ReadFileOrEmpty(gz);
  EXPECT_EQ(ReadAll(Write("twice.gz", twice)), text + text);
}

TEST_F(ByteStreamTest, DamagedGzipAndMissingFilesAreNamed) {
  std::string text(100000, 'a');
  for (std::size_t i = 0; i < text.size(); i += 5) text[i] = static_cast<char>('a' + i % 23);
  const std::string gz = testing::ReadFileOrEmpty(Gzip(Write("b", text)));
  Result<std::unique_ptr<ByteStream>> in = OpenByteStream(Write("cut.gz", gz.substr(0, gz.size() / 2)));
  ASSERT_TRUE(in);
  char buf[4096];
  Status failure;
  for (;;) {
    Result<std::size_t> got = (*in)->Read(buf, sizeof buf);
    if (!got) {
      failure = got.error();
      break;
    }
    if (*got == 0) break;
  }
  EXPECT_EQ(failure.code(), StatusCode::kDataError);
  EXPECT_EQ(OpenByteStream(dir_ + "/none").error().code(), StatusCode::kNotFound);
  EXPECT_EQ(OpenByteStream(dir_).error().code(), StatusCode::kIoError);
}

TEST_F(ByteStreamTest, LinesAreCutAtTheLimitWithAStatus) {
  Result<std::unique_ptr<ByteStream>> in =
      OpenByteStream(Write("lines", "short\r\n" + std::string(200, 'x') + "\n\nlast"));
  ASSERT_TRUE(in);
  LineReader lines(**in, 100);
  std::string line;
  EXPECT_EQ(*lines.Next(&line), LineStatus::kLine);
  EXPECT_EQ(line, "short");
  EXPECT_EQ(*lines.Next(&line), LineStatus::kTooLong);
  EXPECT_EQ(line.size(), 100u);
  EXPECT_EQ(lines.line_number(), 2u);
  EXPECT_EQ(*lines.Next(&line), LineStatus::kLine);
  EXPECT_EQ(line, "");
  EXPECT_EQ(*lines.Next(&line), LineStatus::kLine);
  EXPECT_EQ(line, "last");
  EXPECT_EQ(lines.line_number(), 4u);
  EXPECT_EQ(*lines.Next(&line), LineStatus::kEnd);
}

}  // namespace
}  // namespace credence::internal
