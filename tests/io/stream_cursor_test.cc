// Tests for src/io/stream_cursor.cc: lines, takes and skips across chunk
// boundaries, with the offset counting every consumed byte.
#include "io/stream_cursor.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/io/record_test_support.h"

namespace credence::internal {
namespace {

TEST(StreamCursor, ReadsLinesAcrossChunks) {
  for (std::size_t chunk : {1, 2, 5, 1 << 16}) {
    MemoryStream in("first\r\nsecond\n\nlast", chunk);
    StreamCursor cursor(in);
    std::string line;
    std::vector<std::string> lines;
    for (;;) {
      Result<LineStatus> s = cursor.ReadLine(100, &line);
      ASSERT_TRUE(s);
      if (*s == LineStatus::kEnd) break;
      EXPECT_EQ(*s, LineStatus::kLine);
      lines.push_back(line);
    }
    EXPECT_EQ(lines, (std::vector<std::string>{"first", "second", "", "last"})) << "chunk " << chunk;
    EXPECT_EQ(cursor.offset(), 19u);
  }
}

TEST(StreamCursor, LongLineIsCutAndTheRestConsumed) {
  MemoryStream in("0123456789\r\nabcdefghijk\nnext\n", 3);
  StreamCursor cursor(in);
  std::string line;
  Result<LineStatus> s = cursor.ReadLine(10, &line);
  ASSERT_TRUE(s);
  EXPECT_EQ(*s, LineStatus::kLine);  // exactly the limit, then "\r\n"
  EXPECT_EQ(line, "0123456789");
  s = cursor.ReadLine(10, &line);
  ASSERT_TRUE(s);
  EXPECT_EQ(*s, LineStatus::kTooLong);
  EXPECT_EQ(line, "abcdefghij");
  s = cursor.ReadLine(10, &line);
  ASSERT_TRUE(s);
  EXPECT_EQ(line, "next");
}

TEST(StreamCursor, TakesAndSkipsCountedBytes) {
  MemoryStream in("headerBLOCKtail", 4);
  StreamCursor cursor(in);
  std::string block;
  Result<std::uint64_t> skipped = cursor.Take(6, nullptr);
  ASSERT_TRUE(skipped);
  EXPECT_EQ(*skipped, 6u);
  Result<std::uint64_t> taken = cursor.Take(5, &block);
  ASSERT_TRUE(taken);
  EXPECT_EQ(block, "BLOCK");
  EXPECT_EQ(cursor.offset(), 11u);
  Result<std::uint64_t> rest = cursor.Take(100, &block);
  ASSERT_TRUE(rest);
  EXPECT_EQ(*rest, 4u);  // fewer at the end
  EXPECT_EQ(block, "BLOCKtail");
}

TEST(StreamCursor, PassesOnReadErrors) {
  MemoryStream in("abcdef\nghi", 2, 4);
  StreamCursor cursor(in);
  std::string line;
  Result<LineStatus> s = cursor.ReadLine(100, &line);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code(), StatusCode::kIoError);
}

}  // namespace
}  // namespace credence::internal
