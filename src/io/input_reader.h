// Reading one input (a file, or standard input) into memory with a size
// limit, so that an oversized or endless input is refused early rather than
// read unbounded.
#pragma once

#include <cstddef>
#include <string>

#include "credence/status.h"

namespace credence::internal {

// Returns the bytes of the file at `path_or_dash`, or of standard input when
// it is "-" or "", exactly as stored (binary mode, no newline translation).
// Fails with kNotFound when the file does not exist, kIoError when it cannot
// be read (a directory, no permission, a read error), and kTooLarge as soon
// as more than `max_bytes` bytes have been read; it never holds more than
// `max_bytes` + one chunk in memory. Gzip data (bytes starting 1f 8b) is
// decompressed, with `max_bytes` bounding the decompressed size too; a
// damaged or truncated gzip stream fails with kDataError.
[[nodiscard]] Result<std::string> ReadInput(const std::string& path_or_dash, std::size_t max_bytes);

}  // namespace credence::internal
