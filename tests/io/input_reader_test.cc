// Tests for src/io/input_reader.cc: files and standard input read exactly,
// and each failure (missing, directory, unreadable, too large) named.
#include "io/input_reader.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "tests/test_support.h"

namespace credence::internal {
namespace {

class InputReaderTest : public credence::testing::TempDirTest {
 protected:
  // Runs ReadInput("-") with standard input taken from `path`.
  Result<std::string> ReadStdinFrom(const std::string& path, std::size_t max_bytes) {
    int saved = ::dup(STDIN_FILENO);
    int fd = ::open(path.c_str(), O_RDONLY);
    EXPECT_GE(fd, 0);
    ::dup2(fd, STDIN_FILENO);
    ::close(fd);
    Result<std::string> r = ReadInput("-", max_bytes);
    ::dup2(saved, STDIN_FILENO);
    ::close(saved);
    return r;
  }
};

TEST_F(InputReaderTest, ReadsFileBytesExactly) {
  constexpr char kBytes[] = "line one\r\nNUL\0here \xFF\xFE end";
  std::string bytes(kBytes, sizeof kBytes - 1);
  Result<std::string> r = ReadInput(Write("a.txt", bytes), 1 << 20);
  ASSERT_TRUE(r) << r.error().ToString();
  EXPECT_EQ(*r, bytes);
}

TEST_F(InputReaderTest, ReadsFileLargerThanOneChunk) {
  std::string bytes(300000, 'x');
  for (std::size_t i = 0; i < bytes.size(); i += 7) bytes[i] = static_cast<char>('a' + i % 26);
  Result<std::string> r = ReadInput(Write("big.txt", bytes), bytes.size());
  ASSERT_TRUE(r) << r.error().ToString();
  EXPECT_EQ(*r, bytes);
}

TEST_F(InputReaderTest, ReadsEmptyFile) {
  Result<std::string> r = ReadInput(Write("empty.txt", ""), 10);
  ASSERT_TRUE(r);
  EXPECT_EQ(*r, "");
}

TEST_F(InputReaderTest, MissingFileIsNotFoundAndNamed) {
  std::string path = dir_ + "/no-such-file.txt";
  Result<std::string> r = ReadInput(path, 10);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), StatusCode::kNotFound);
  EXPECT_NE(r.error().message().find(path), std::string::npos);
}

TEST_F(InputReaderTest, DirectoryIsIoError) {
  Result<std::string> r = ReadInput(dir_, 10);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), StatusCode::kIoError);
  EXPECT_NE(r.error().message().find(dir_), std::string::npos);
  EXPECT_NE(r.error().message().find("directory"), std::string::npos) << r.error().message();
}

TEST_F(InputReaderTest, UnreadableFileIsIoError) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads any file";
  std::string path = Write("secret.txt", "text");
  ASSERT_EQ(::chmod(path.c_str(), 0), 0);
  Result<std::string> r = ReadInput(path, 10);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), StatusCode::kIoError);
  EXPECT_NE(r.error().message().find(path), std::string::npos);
}

TEST_F(InputReaderTest, ReadErrorIsIoError) {
  // Linux: /proc/self/mem opens, but reading its unmapped first page fails with EIO, even for root.
  if (::access("/proc/self/mem", F_OK) != 0) GTEST_SKIP() << "no /proc/self/mem";
  Result<std::string> r = ReadInput("/proc/self/mem", 10);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), StatusCode::kIoError);
  EXPECT_NE(r.error().message().find("/proc/self/mem"), std::string::npos) << r.error().message();
}

TEST_F(InputReaderTest, FileAtTheLimitIsRead) {
  Result<std::string> r = ReadInput(Write("ten.txt", "0123456789"), 10);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->size(), 10u);
}

TEST_F(InputReaderTest, FileOverTheLimitIsTooLarge) {
  Result<std::string> r = ReadInput(Write("eleven.txt", "0123456789X"), 10);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), StatusCode::kTooLarge);
  EXPECT_NE(r.error().message().find("10 bytes"), std::string::npos) << r.error().message();
  EXPECT_NE(r.error().message().find("--max-bytes"), std::string::npos) << r.error().message();
}

TEST_F(InputReaderTest, ReadsStandardInput) {
  Result<std::string> r = ReadStdinFrom(Write("in.txt", "from stdin\n"), 100);
  ASSERT_TRUE(r) << r.error().ToString();
  EXPECT_EQ(*r, "from stdin\n");
}

TEST_F(InputReaderTest, EndlessStandardInputStopsAtTheLimit) {
  // /dev/zero never ends: only a reader that counts as it reads returns.
  Result<std::string> r = ReadStdinFrom("/dev/zero", 1 << 20);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), StatusCode::kTooLarge);
  EXPECT_NE(r.error().message().find("standard input"), std::string::npos);
}

}  // namespace
}  // namespace credence::internal

namespace credence::internal {
namespace {

// Gzips `path` in place (to path + ".gz") with the gzip tool; returns the new path.
std::string Gzip(const std::string& path) {
  EXPECT_EQ(std::system(("gzip -kn9 '" + path + "'").c_str()), 0);
  return path + ".gz";
}

TEST_F(InputReaderTest, GzipDataIsDecompressed) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "line " + std::to_string(i) + " of a long page\n";
  const std::string gz = Gzip(Write("page.html", text));
  Result<std::string> r = ReadInput(gz, 1 << 30);
  ASSERT_TRUE(r) << r.error().ToString();
  EXPECT_EQ(*r, text);
  // Two members in a row read as one text, as gunzip does.
  const std::string both = testing::ReadFileOrEmpty(gz) + testing::ReadFileOrEmpty(gz);
  Result<std::string> twice = ReadInput(Write("twice.gz", both), 1 << 30);
  ASSERT_TRUE(twice) << twice.error().ToString();
  EXPECT_EQ(*twice, text + text);
}

TEST_F(InputReaderTest, GzipLimitAppliesToTheDecompressedSize) {
  const std::string gz = Gzip(Write("zeros", std::string(1 << 20, '0')));
  Result<std::string> r = ReadInput(gz, 100000);  // the .gz itself is ~1 KiB
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), StatusCode::kTooLarge);
}

TEST_F(InputReaderTest, DamagedGzipIsNamed) {
  std::string text(50000, 'x');
  for (std::size_t i = 0; i < text.size(); i += 7) text[i] = static_cast<char>('a' + i % 26);
  const std::string gz = testing::ReadFileOrEmpty(Gzip(Write("page", text)));
  Result<std::string> cut = ReadInput(Write("cut.gz", gz.substr(0, gz.size() / 2)), 1 << 30);
  ASSERT_FALSE(cut);
  EXPECT_EQ(cut.error().code(), StatusCode::kDataError);
  EXPECT_NE(cut.error().message().find("gzip"), std::string::npos);
}

}  // namespace
}  // namespace credence::internal
