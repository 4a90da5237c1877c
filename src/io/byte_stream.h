// ByteStream: a file or standard input read in chunks, gzip (one or many
// members) decompressed on the fly, so that a batch input of any size is
// read with bounded memory. LineReader splits a ByteStream into lines with
// a cap on the line length, so one endless line cannot exhaust memory.
//
//   Result<std::unique_ptr<ByteStream>> in = OpenByteStream("crawl.jsonl.gz");
//   LineReader lines(**in, 64 << 20);
//   std::string line;
//   while (true) {
//     Result<LineStatus> s = lines.Next(&line);
//     if (!s || *s == LineStatus::kEnd) break;
//   }
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "credence/status.h"

namespace credence::internal {

class ByteStream {
 public:
  virtual ~ByteStream() = default;
  // Reads up to `n` bytes into `buf`; returns how many (0 at the end).
  // Fails with kIoError on a read error and kDataError on damaged gzip.
  virtual Result<std::size_t> Read(char* buf, std::size_t n) = 0;
  // Bytes consumed from the underlying file so far (compressed bytes for
  // gzip), for progress against the file's size.
  virtual std::uint64_t raw_bytes_read() const = 0;
  // The file's size in bytes, or 0 when unknown (standard input, a pipe).
  virtual std::uint64_t raw_size() const = 0;
};

// Opens `path` ("-" or "" for standard input). Data starting with the gzip
// magic bytes is decompressed as it is read. Fails with kNotFound or
// kIoError naming the file.
[[nodiscard]] Result<std::unique_ptr<ByteStream>> OpenByteStream(const std::string& path);

// A stream over bytes already in memory (a request body), read as they
// are: no gzip detection.
std::unique_ptr<ByteStream> OpenStringStream(std::string bytes);

enum class LineStatus { kLine, kTooLong, kEnd };

class LineReader {
 public:
  // `max_line` bounds a line's length in bytes (without its newline).
  LineReader(ByteStream& in, std::size_t max_line) : in_(in), max_line_(max_line) {}

  // Reads the next line (without "\n" or "\r\n") into `*line`. Returns
  // kLine; kTooLong when the line was longer than max_line (its start is in
  // `*line`, truncated to max_line bytes, and the rest was skipped: the
  // caller reports it as an error); kEnd at the end of the stream.
  Result<LineStatus> Next(std::string* line);

  // The 1-based number of the line last returned.
  std::uint64_t line_number() const { return line_number_; }

 private:
  bool Fill();  // refills buf_; false at the end (error_ set on failure)
  ByteStream& in_;
  std::size_t max_line_;
  std::string buf_;
  std::size_t pos_ = 0;
  std::uint64_t line_number_ = 0;
  Status error_;
};

}  // namespace credence::internal
