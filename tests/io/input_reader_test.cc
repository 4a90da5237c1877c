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
