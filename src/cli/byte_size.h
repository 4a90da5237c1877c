// Parsing byte sizes given on the command line ("64M", "1G", "512K").
#pragma once

#include <string>

namespace credence::internal {

// CLI11 transform for --max-bytes: rewrites "64M" as "67108864", or returns
// why it cannot (CLI11's own AsSizeValue lets "-5" wrap around to 2^64 - 5).
// Suffixes K, M, G, T (also KB, KiB, ...) are powers of 1024.
std::string ByteSizeToDigits(std::string& value);

}  // namespace credence::internal
