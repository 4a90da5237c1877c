// Document construction: validation (empty, too large, binary) and the
// same-length repair of invalid UTF-8, NUL and control bytes, so that byte
// offsets into the working copy are byte offsets into the input.
#include "credence/document.h"

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <cstring>
#include <string>

#include "text/utf8.h"

namespace credence {
namespace {

// Binary sniffing looks at the start only, so that a 50 MB input with a
// broken tail is still text, and the verdict comes before the full pass.
constexpr std::size_t kSniffBytes = 64 * 1024;
// More than 1 in 10 NUL/control bytes, or 3 in 10 invalid UTF-8 bytes, is
// not text (Latin-1 prose has a few percent of invalid bytes at most).
constexpr std::size_t kMaxControlPercent = 10;
constexpr std::size_t kMaxInvalidPercent = 30;
// Below this many suspect bytes nothing is binary: "Hello\0" (a C string's
// terminator) is text with one NUL, not a binary file.
constexpr std::size_t kMinSuspectBytes = 8;

bool IsKeptControl(unsigned char c) { return c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Returns the length of the well-formed UTF-8 sequence at p (Unicode table
// 3-7: no overlong forms, no surrogates, nothing above U+10FFFF), or 0.
std::size_t ValidSequenceLength(const unsigned char* p, std::size_t avail) {
  unsigned char b0 = p[0];
  if (b0 < 0x80) return 1;
  if (b0 < 0xC2) return 0;
  if (b0 < 0xE0) return avail >= 2 && IsContinuation(p[1]) ? 2 : 0;
  unsigned char lo = 0x80, hi = 0xBF;  // the range of the second byte
  if (b0 < 0xF0) {
    if (b0 == 0xE0) lo = 0xA0;  // overlong
    if (b0 == 0xED) hi = 0x9F;  // surrogates
    return avail >= 3 && p[1] >= lo && p[1] <= hi && IsContinuation(p[2]) ? 3 : 0;
  }
  if (b0 > 0xF4) return 0;
  if (b0 == 0xF0) lo = 0x90;  // overlong
  if (b0 == 0xF4) hi = 0x8F;  // above U+10FFFF
  return avail >= 4 && p[1] >= lo && p[1] <= hi && IsContinuation(p[2]) && IsContinuation(p[3]) ? 4 : 0;
}

// True when any of the 8 bytes at p is >= 0x80 or < 0x20: the fast path
// skips printable ASCII eight bytes at a time.
bool NeedsCheck(const unsigned char* p) {
  uint64_t w;
  std::memcpy(&w, p, sizeof w);
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  constexpr uint64_t kSpaces = 0x2020202020202020ULL;
  return ((w | ((w - kSpaces) & ~w)) & kHigh) != 0;
}

struct RepairCounts {
  std::size_t invalid = 0;
  std::size_t nul = 0;
  std::size_t control = 0;
};

// Blanks the bad bytes of raw[begin, end) in `text` and counts them. Returns
// where it stopped: `end`, or up to 3 bytes past it when a valid sequence
// straddles `end`.
std::size_t Repair(std::string_view raw, std::size_t begin, std::size_t end, char* text, RepairCounts* counts) {
  const auto* p = reinterpret_cast<const unsigned char*>(raw.data());
  std::size_t i = begin;
  while (i < end) {
    while (i + 8 <= end && !NeedsCheck(p + i)) i += 8;
    if (i >= end) break;
    unsigned char c = p[i];
    if (c >= 0x20 && c < 0x80) {
      ++i;
    } else if (c < 0x20) {
      if (!IsKeptControl(c)) {
        text[i] = ' ';
        ++(c == 0 ? counts->nul : counts->control);
      }
      ++i;
    } else if (std::size_t len = ValidSequenceLength(p + i, raw.size() - i); len > 0) {
      i += len;
    } else {
      text[i] = ' ';
      ++counts->invalid;
      ++i;
    }
  }
  return i;
}

// True when the working copy holds nothing but white space (a BOM counts).
bool IsBlank(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    internal::CodePoint cp = internal::DecodeAt(text, i);
    internal::CharClass c = internal::ClassOf(cp.value);
    if (c != internal::CharClass::kSpace && c != internal::CharClass::kJoiner) return false;
    i += cp.length;
  }
  return true;
}

std::string Percent(std::size_t part, std::size_t whole) {
  return std::to_string(part * 100 / (whole == 0 ? 1 : whole)) + "%";
}

}  // namespace

Result<Document> Document::FromBytes(std::string bytes, DocumentOptions options) {
  const std::size_t n = bytes.size();
  if (n == 0) return Error(StatusCode::kEmptyInput, "input is empty (0 bytes)");
  if (n > options.max_bytes)
    return Error(StatusCode::kTooLarge, "input is " + std::to_string(n) + " bytes, above the limit of " +
                                            std::to_string(options.max_bytes) + " bytes");

  Document doc;
  doc.raw_ = std::move(bytes);
  doc.text_ = doc.raw_;
  RepairCounts counts;
  const std::size_t sniff_end = std::min(n, kSniffBytes);
  std::size_t next = Repair(doc.raw_, 0, sniff_end, doc.text_.data(), &counts);
  const std::size_t suspect = counts.nul + counts.control;
  if (suspect >= kMinSuspectBytes && suspect * 100 > kMaxControlPercent * sniff_end)
    return Error(StatusCode::kBinaryInput,
                 "input is not text: " + std::to_string(suspect) + " of its first " + std::to_string(sniff_end) +
                     " bytes (" + Percent(suspect, sniff_end) + ") are NUL or control bytes, above the limit of " +
                     std::to_string(kMaxControlPercent) + "%");
  if (counts.invalid >= kMinSuspectBytes && counts.invalid * 100 > kMaxInvalidPercent * sniff_end)
    return Error(StatusCode::kBinaryInput,
                 "input is not text: " + std::to_string(counts.invalid) + " of its first " +
                     std::to_string(sniff_end) + " bytes (" + Percent(counts.invalid, sniff_end) +
                     ") are not valid UTF-8, above the limit of " + std::to_string(kMaxInvalidPercent) + "%");
  Repair(doc.raw_, next, n, doc.text_.data(), &counts);

  if (IsBlank(doc.text_)) {
    std::string what = std::to_string(n) + " bytes";
    if (counts.nul + counts.control + counts.invalid > 0)
      return Error(StatusCode::kEmptyInput, "input holds no text: its " + what +
                                                " are white space, NUL, control or invalid UTF-8 bytes");
    return Error(StatusCode::kEmptyInput, "input holds only white space (" + what + ")");
  }
  doc.invalid_utf8_bytes_ = counts.invalid;
  doc.nul_bytes_ = counts.nul;
  doc.control_bytes_ = counts.control;
  doc.url_ = std::move(options.url);
  doc.title_ = std::move(options.title);
  return doc;
}

std::string Document::Slice(Span span) const {
  assert(span.end <= raw_.size());
  const std::size_t end = std::min(span.end, raw_.size());
  std::string out;
  if (span.start >= end) return out;
  out.reserve(end - span.start + 8);
  const auto* p = reinterpret_cast<const unsigned char*>(raw_.data());
  std::size_t run = span.start;  // start of the bytes not yet copied
  for (std::size_t i = span.start; i < end;) {
    while (i + 8 <= end && !NeedsCheck(p + i)) i += 8;
    if (i >= end) break;
    unsigned char c = p[i];
    std::size_t len = c >= 0x20 && c < 0x80 ? 1 : c < 0x20 ? (IsKeptControl(c) ? 1 : 0)
                                                           : ValidSequenceLength(p + i, end - i);
    if (len > 0) {
      i += len;
      continue;
    }
    // Copy the good bytes before this one in one go, then its replacement.
    out.append(raw_, run, i - run);
    out.append(c < 0x20 ? " " : "\xEF\xBF\xBD");
    run = ++i;
  }
  out.append(raw_, run, end - run);
  return out;
}

}  // namespace credence
