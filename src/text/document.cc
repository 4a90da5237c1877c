// Document construction: validation (empty, binary, too large) and the
// same-length repair of invalid UTF-8, NUL and control bytes, so that byte
// offsets into the working copy are byte offsets into the input.
#include "credence/document.h"

#include <cstdint>

namespace credence {
namespace {

constexpr std::size_t kBinarySniffBytes = 64 * 1024;
constexpr double kMaxControlShare = 0.10;
constexpr double kMaxInvalidShare = 0.30;

bool IsKeptControl(uint8_t c) { return c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Returns the length of the valid UTF-8 sequence at s[i], or 0 when the
// bytes there are not one (overlong forms, surrogates, > U+10FFFF included).
std::size_t ValidSequenceLength(std::string_view s, std::size_t i) {
  auto b0 = static_cast<uint8_t>(s[i]);
  if (b0 < 0x80) return 1;
  std::size_t len;
  uint32_t min;
  if (b0 >= 0xC2 && b0 <= 0xDF) len = 2, min = 0x80;
  else if (b0 >= 0xE0 && b0 <= 0xEF) len = 3, min = 0x800;
  else if (b0 >= 0xF0 && b0 <= 0xF4) len = 4, min = 0x10000;
  else return 0;
  if (i + len > s.size()) return 0;
  uint32_t cp = b0 & (0x7F >> len);
  for (std::size_t k = 1; k < len; ++k) {
    auto b = static_cast<uint8_t>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

bool IsWhiteSpaceOnly(std::string_view s) {
  std::size_t i = 0;
  if (s.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  for (; i < s.size(); ++i) {
    auto c = static_cast<uint8_t>(s[i]);
    if (c == ' ' || IsKeptControl(c) || c == '\v') continue;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<uint8_t>(s[i + 1]) == 0xA0) {
      ++i;
      continue;
    }
    return false;
  }
  return true;
}

}  // namespace

Result<Document> Document::FromBytes(std::string bytes, DocumentOptions options) {
  if (bytes.size() > options.max_bytes)
    return Error(StatusCode::kTooLarge, "input is " + std::to_string(bytes.size()) + " bytes, above the limit of " +
                                            std::to_string(options.max_bytes) + " bytes");
  if (IsWhiteSpaceOnly(bytes))
    return Error(StatusCode::kEmptyInput, bytes.empty() ? "input is empty" : "input holds only white space");

  Document doc;
  doc.text_ = bytes;
  std::size_t sniff_controls = 0;
  std::size_t sniff_invalid = 0;
  std::size_t sniff_end = std::min(bytes.size(), kBinarySniffBytes);
  for (std::size_t i = 0; i < bytes.size();) {
    auto c = static_cast<uint8_t>(bytes[i]);
    if (c < 0x20 && !IsKeptControl(c)) {
      doc.text_[i] = ' ';
      (c == 0 ? doc.nul_bytes_ : doc.control_bytes_)++;
      if (i < sniff_end) ++sniff_controls;
      ++i;
      continue;
    }
    if (c == 0x7F) {
      doc.text_[i] = ' ';
      ++doc.control_bytes_;
      ++i;
      continue;
    }
    std::size_t len = ValidSequenceLength(bytes, i);
    if (len == 0) {
      doc.text_[i] = ' ';
      ++doc.invalid_utf8_bytes_;
      if (i < sniff_end) ++sniff_invalid;
      ++i;
      continue;
    }
    i += len;
  }
  double n = static_cast<double>(sniff_end);
  if (sniff_controls > kMaxControlShare * n || sniff_invalid > kMaxInvalidShare * n)
    return Error(StatusCode::kBinaryInput,
                 "input looks like binary data, not text: in its first " + std::to_string(sniff_end) + " bytes, " +
                     std::to_string(sniff_controls) + " are NUL or control bytes and " + std::to_string(sniff_invalid) +
                     " are not valid UTF-8");
  doc.raw_ = std::move(bytes);
  doc.url_ = std::move(options.url);
  doc.title_ = std::move(options.title);
  return doc;
}

std::string Document::Slice(Span span) const {
  std::string out;
  out.reserve(span.size());
  std::string_view raw(raw_);
  for (std::size_t i = span.start; i < span.end;) {
    auto c = static_cast<uint8_t>(raw[i]);
    if ((c < 0x20 && !IsKeptControl(c)) || c == 0x7F) {
      out.push_back(' ');
      ++i;
      continue;
    }
    std::size_t len = ValidSequenceLength(raw, i);
    if (len == 0 || i + len > span.end) {
      out.append("\xEF\xBF\xBD");
      ++i;
      continue;
    }
    out.append(raw.substr(i, len));
    i += len;
  }
  return out;
}

}  // namespace credence
