// Helpers for the record reader tests: an in-memory ByteStream that hands
// out a few bytes per Read (so parsers meet every chunk boundary) and can
// fail on cue, a loop reading every record, and zlib compression for
// gzip and deflate fixtures.
#pragma once

#include <gtest/gtest.h>
#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "io/record_reader.h"

namespace credence::internal {

class MemoryStream : public ByteStream {
 public:
  // Serves `data` at most `chunk` bytes per Read; from byte `fail_at` on,
  // Read fails as a broken disk would.
  explicit MemoryStream(std::string data, std::size_t chunk = 1 << 16, std::size_t fail_at = std::string::npos)
      : data_(std::move(data)), chunk_(chunk), fail_at_(fail_at) {}

  Result<std::size_t> Read(char* buf, std::size_t n) override {
    if (pos_ >= fail_at_) return Error(StatusCode::kIoError, "simulated read error");
    const std::size_t k = std::min({n, chunk_, data_.size() - pos_, fail_at_ - pos_});
    std::memcpy(buf, data_.data() + pos_, k);
    pos_ += k;
    return k;
  }
  std::uint64_t raw_bytes_read() const override { return pos_; }
  std::uint64_t raw_size() const override { return data_.size(); }

 private:
  std::string data_;
  std::size_t chunk_;
  std::size_t fail_at_;
  std::size_t pos_ = 0;
};

inline std::unique_ptr<ByteStream> MemoryInput(std::string data, std::size_t chunk = 1 << 16) {
  return std::make_unique<MemoryStream>(std::move(data), chunk);
}

// Returns every record of `reader`; a failing Next, or more than
// `max_records` records (a reader that never ends), fails the test.
inline std::vector<BatchRecord> ReadAllRecords(RecordReader& reader, std::size_t max_records = 100000) {
  std::vector<BatchRecord> records;
  for (;;) {
    BatchRecord record;
    Result<bool> more = reader.Next(&record);
    EXPECT_TRUE(more) << more.error().ToString();
    if (!more || !*more) break;
    records.push_back(std::move(record));
    if (records.size() > max_records) {
      ADD_FAILURE() << "the reader does not end";
      break;
    }
  }
  return records;
}

// Expects `reader` to give one record and then fail with kIoError (its
// stream fails after the first record).
inline void ExpectOneRecordThenReadError(RecordReader& reader) {
  BatchRecord record;
  Result<bool> first = reader.Next(&record);
  ASSERT_TRUE(first);
  EXPECT_TRUE(*first);
  Result<bool> second = reader.Next(&record);
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code(), StatusCode::kIoError);
}

// Compresses `data` with zlib: window_bits 15 + 16 makes gzip, 15 zlib,
// -15 raw deflate.
inline std::string Compress(const std::string& data, int window_bits) {
  z_stream zs{};
  EXPECT_EQ(deflateInit2(&zs, 6, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&zs, static_cast<uLong>(data.size())), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

}  // namespace credence::internal
