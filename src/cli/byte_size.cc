// The --max-bytes value parser shared by the commands that read input.
#include "cli/byte_size.h"

#include <cctype>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <limits>

namespace credence::internal {

std::string ByteSizeToDigits(std::string& value) {
  const char* p = value.data();
  const char* end = p + value.size();
  std::uint64_t n = 0;
  auto [rest, ec] = std::from_chars(p, end, n);
  if (ec == std::errc::result_out_of_range) return "too large: " + value;
  if (ec != std::errc() || rest == p) return "not a whole number of bytes: " + value;
  std::string unit;
  for (; rest != end; ++rest)
    if (*rest != ' ') unit.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(*rest))));
  int shift = 0;
  if (unit == "" || unit == "b") shift = 0;
  else if (unit == "k" || unit == "kb" || unit == "kib") shift = 10;
  else if (unit == "m" || unit == "mb" || unit == "mib") shift = 20;
  else if (unit == "g" || unit == "gb" || unit == "gib") shift = 30;
  else if (unit == "t" || unit == "tb" || unit == "tib") shift = 40;
  else return "unknown unit \"" + unit + "\" in " + value + " (use K, M, G or T)";
  if (n == 0) return "must be at least 1 byte";
  if (n > (std::numeric_limits<std::size_t>::max() >> shift)) return "too large: " + value;
  value = std::to_string(n << shift);
  return "";
}


}  // namespace credence::internal
