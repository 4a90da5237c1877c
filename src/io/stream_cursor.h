// StreamCursor: a ByteStream read through one buffer that the CSV and WARC
// record parsers scan in place. It counts the bytes consumed (a WARC
// record's offset) and reads lines, copies or skips a given number of bytes
// while holding about one chunk, so no record has to fit in memory to be
// passed over.
//
//   StreamCursor cursor(*stream);
//   std::string line;
//   Result<LineStatus> s = cursor.ReadLine(1 << 16, &line);
//   Result<std::uint64_t> got = cursor.Take(length, &block);  // nullptr skips
//
// A cursor is used by one thread at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "credence/status.h"
#include "io/byte_stream.h"

namespace credence::internal {

class StreamCursor {
 public:
  // Reads from `in`, which must outlive the cursor.
  explicit StreamCursor(ByteStream& in) : in_(in) {}
  StreamCursor(const StreamCursor&) = delete;
  StreamCursor& operator=(const StreamCursor&) = delete;

  // Returns the bytes read but not yet consumed; empty until Fill. The view
  // is valid until the next Fill.
  std::string_view buffered() const { return std::string_view(buf_.data() + pos_, end_ - pos_); }

  // Consumes the first `n` buffered bytes.
  // REQUIRES: n <= buffered().size()
  void Consume(std::size_t n);

  // Reads more bytes after the buffered ones; returns false at the end of
  // the stream. Fails when the stream does.
  [[nodiscard]] Result<bool> Fill();

  // Returns the number of bytes consumed since the start of the stream.
  std::uint64_t offset() const { return base_ + pos_; }

  // Reads the next line into `*line`, without its "\n" or "\r\n". Returns
  // kTooLong when it was longer than `max_line` (the first max_line bytes
  // are in `*line`, the rest was consumed unseen), kEnd at the end.
  [[nodiscard]] Result<LineStatus> ReadLine(std::size_t max_line, std::string* line);

  // Consumes the next `n` bytes, appending them to `*out` unless `out` is
  // null; returns how many there were (fewer than `n` at the end).
  [[nodiscard]] Result<std::uint64_t> Take(std::uint64_t n, std::string* out);

 private:
  ByteStream& in_;
  std::string buf_;  // buffered bytes are [pos_, end_)
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
  std::uint64_t base_ = 0;  // stream offset of buf_[0]
};

}  // namespace credence::internal
