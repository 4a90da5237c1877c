// Line splitting for scraped text: every later rule works on these blocks.
#include "extract/line_blocks.h"

#include <cstdint>

namespace credence::internal {
namespace {

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Non-breaking space (C2 A0) and the UTF-8 BOM (EF BB BF) trim like spaces.
std::size_t SpaceLengthAt(std::string_view s, std::size_t i) {
  if (IsAsciiSpace(s[i])) return 1;
  if (i + 1 < s.size() && static_cast<uint8_t>(s[i]) == 0xC2 && static_cast<uint8_t>(s[i + 1]) == 0xA0) return 2;
  if (i + 2 < s.size() && static_cast<uint8_t>(s[i]) == 0xEF && static_cast<uint8_t>(s[i + 1]) == 0xBB &&
      static_cast<uint8_t>(s[i + 2]) == 0xBF)
    return 3;
  return 0;
}

// Returns the byte length of a space-like sequence ending at `end`, or 0.
std::size_t SpaceLengthBefore(std::string_view s, std::size_t end) {
  if (IsAsciiSpace(s[end - 1])) return 1;
  if (end >= 2 && static_cast<uint8_t>(s[end - 2]) == 0xC2 && static_cast<uint8_t>(s[end - 1]) == 0xA0) return 2;
  return 0;
}

}  // namespace

std::string NormalizeLine(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < line.size();) {
    auto c = static_cast<uint8_t>(line[i]);
    std::size_t len = 1;
    char mapped = 0;
    std::string_view rest = line.substr(i);
    if (c == 0xE2 && rest.size() >= 3 && static_cast<uint8_t>(rest[1]) == 0x80) {
      auto c2 = static_cast<uint8_t>(rest[2]);
      len = 3;
      if (c2 == 0x98 || c2 == 0x99) mapped = '\'';
      else if (c2 == 0x9C || c2 == 0x9D) mapped = '"';
      else if (c2 >= 0x90 && c2 <= 0x95) mapped = '-';
      else if (c2 == 0xA6) mapped = '.';
    } else if (c == 0xC2 && rest.size() >= 2 && static_cast<uint8_t>(rest[1]) == 0xA0) {
      len = 2;
      mapped = ' ';
    }
    if (mapped == 0 && len > 1) {  // other three-byte sequence: copy as is
      if (pending_space && !out.empty()) out.push_back(' ');
      pending_space = false;
      out.append(rest.substr(0, len));
      i += len;
      continue;
    }
    char ch = mapped ? mapped : static_cast<char>(c);
    i += len;
    if (ch == ' ' || IsAsciiSpace(ch)) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    out.push_back(ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch);
  }
  while (!out.empty()) {
    char last = out.back();
    if (last == '.' || last == ':' || last == '!' || last == '?' || last == ',' || last == ';' || last == '-' ||
        last == ' ')
      out.pop_back();
    else
      break;
  }
  return out;
}

std::vector<LineBlock> SplitLineBlocks(std::string_view text) {
  std::vector<LineBlock> blocks;
  std::size_t blank = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    std::size_t line_end = nl == std::string_view::npos ? text.size() : nl;
    std::size_t start = pos;
    std::size_t end = line_end;
    while (start < end) {
      std::size_t n = SpaceLengthAt(text, start);
      if (n == 0 || start + n > end) break;
      start += n;
    }
    while (end > start) {
      std::size_t n = SpaceLengthBefore(text, end);
      if (n == 0 || end - n < start) break;
      end -= n;
    }
    if (start == end) {
      ++blank;
    } else {
      LineBlock block;
      block.span = {start, end};
      block.blank_before = blank;
      blank = 0;
      bool in_word = false;
      for (std::size_t i = start; i < end; ++i) {
        auto c = static_cast<uint8_t>(text[i]);
        bool space = c == ' ' || c == '\t';
        if (!space && !in_word) ++block.words;
        in_word = !space;
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ++block.letters;
        else if (c >= 0xC3 && c < 0xE2) ++block.letters;  // Latin-1 supplement and beyond, not punctuation
      }
      if (end - start <= kMaxRuleLineBytes) block.normalized = NormalizeLine(text.substr(start, end - start));
      blocks.push_back(std::move(block));
    }
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return blocks;
}

}  // namespace credence::internal
