// Reads a file or standard input whole, through a ByteStream (which names
// read errors with errno and decompresses gzip), checking the size limit as
// the bytes arrive: a pipe or /dev/zero has no size to check up front, and
// gzip data's size is known only once decompressed.
#include "io/input_reader.h"

#include <algorithm>
#include <memory>
#include <string>

#include "io/byte_stream.h"

namespace credence::internal {
namespace {

constexpr std::size_t kChunkBytes = std::size_t{1} << 16;

std::string Describe(const std::string& path) { return path.empty() || path == "-" ? "standard input" : path; }

// Returns " (64 MiB)" for a whole number of MiB or KiB, else "".
std::string InUnits(std::size_t n) {
  constexpr std::size_t kMiB = std::size_t{1} << 20;
  constexpr std::size_t kKiB = std::size_t{1} << 10;
  if (n >= kMiB && n % kMiB == 0) return " (" + std::to_string(n / kMiB) + " MiB)";
  if (n >= kKiB && n % kKiB == 0) return " (" + std::to_string(n / kKiB) + " KiB)";
  return "";
}

tl::unexpected<Status> TooLarge(const std::string& path, std::size_t max_bytes) {
  return Error(StatusCode::kTooLarge, Describe(path) + " is larger than the limit of " + std::to_string(max_bytes) +
                                          " bytes" + InUnits(max_bytes) +
                                          "; raise the limit to read it (--max-bytes, e.g. 1G)");
}

}  // namespace

Result<std::string> ReadInput(const std::string& path_or_dash, std::size_t max_bytes) {
  Result<std::unique_ptr<ByteStream>> in = OpenByteStream(path_or_dash);
  if (!in) return tl::unexpected(in.error());
  // A regular file says its size: refuse it before reading a byte (a gzip
  // file by its compressed size, which its data's size almost never falls
  // below).
  const std::uint64_t size = (*in)->raw_size();
  if (size > max_bytes) return TooLarge(path_or_dash, max_bytes);
  std::string out;
  out.reserve(static_cast<std::size_t>(size));
  std::size_t total = 0;
  for (;;) {
    // Ask for at most one byte past the limit: enough to know it is exceeded.
    const std::size_t left = max_bytes - std::min(total, max_bytes);
    const std::size_t want = left >= kChunkBytes ? kChunkBytes : left + 1;
    out.resize(total + want);
    Result<std::size_t> got = (*in)->Read(out.data() + total, want);
    if (!got) return tl::unexpected(got.error());
    if (*got == 0) break;
    total += *got;
    if (total > max_bytes) return TooLarge(path_or_dash, max_bytes);
  }
  out.resize(total);
  return out;
}

}  // namespace credence::internal
