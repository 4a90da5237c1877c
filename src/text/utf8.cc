// utf8proc-backed classification of non-ASCII code points (ASCII takes the
// table in utf8.h), decoding, and case folding.
#include "text/utf8.h"

#include <cstring>

#include <utf8proc.h>

namespace credence::internal {

CodePoint DecodeMultiByte(std::string_view s, std::size_t i) {
  auto b0 = static_cast<unsigned char>(s[i]);
  std::size_t len;
  int32_t cp;
  if (b0 >= 0xC0 && b0 < 0xE0) len = 2, cp = b0 & 0x1F;
  else if (b0 >= 0xE0 && b0 < 0xF0) len = 3, cp = b0 & 0x0F;
  else if (b0 >= 0xF0 && b0 < 0xF8) len = 4, cp = b0 & 0x07;
  else return {0xFFFD, 1};  // a stray continuation byte or 0xF8..0xFF
  if (len > s.size() - i) return {0xFFFD, 1};
  for (std::size_t k = 1; k < len; ++k) {
    auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return {0xFFFD, 1};
    cp = (cp << 6) | (b & 0x3F);
  }
  return {cp, len};
}

CharClass ClassOfNonAscii(int32_t cp) {
  switch (cp) {
    case 0x00AD:  // soft hyphen: "credi<U+00AD>bility" is one word
    case 0x200C:  // zero-width non-joiner
    case 0x200D:  // zero-width joiner
    case 0x200E:  // left-to-right mark
    case 0x200F:  // right-to-left mark
      return CharClass::kJoiner;
    case 0x180E:  // Mongolian vowel separator
    case 0x200B:  // zero-width space
    case 0x2060:  // word joiner
    case 0xFEFF:  // byte-order mark / zero-width no-break space
      return CharClass::kSpace;
    default:
      break;
  }
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
      return CharClass::kLetter;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
      return CharClass::kMark;
    case UTF8PROC_CATEGORY_ND:
      return CharClass::kDigit;
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
      return CharClass::kPunct;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:  // C1 controls, incl. U+0085 NEXT LINE
      return CharClass::kSpace;
    case UTF8PROC_CATEGORY_CF:  // other format characters: invisible
      return CharClass::kJoiner;
    default:
      return CharClass::kSymbol;
  }
}

bool IsUpper(int32_t cp) {
  if (cp >= 0 && cp < 0x80) return cp >= 'A' && cp <= 'Z';
  utf8proc_category_t c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool IsLower(int32_t cp) {
  if (cp >= 0 && cp < 0x80) return cp >= 'a' && cp <= 'z';
  return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

void AppendUtf8(int32_t cp, std::string* out) {
  if (cp >= 0 && cp < 0x80) {
    out->push_back(static_cast<char>(cp));
    return;
  }
  utf8proc_uint8_t buf[4];
  utf8proc_ssize_t n = utf8proc_encode_char(cp, buf);
  if (n <= 0) n = utf8proc_encode_char(0xFFFD, buf);  // not a code point
  out->append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

std::string ToLower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      out.push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b));
      ++i;
      continue;
    }
    CodePoint cp = DecodeMultiByte(s, i);
    AppendUtf8(utf8proc_tolower(cp.value), &out);
    i += cp.length;
  }
  return out;
}

std::string NormalizeForLookup(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  for (std::size_t i = 0; i < word.size();) {
    CodePoint cp = DecodeAt(word, i);
    i += cp.length;
    int32_t v = cp.value;
    switch (v) {
      case 0x2018: case 0x2019: case 0x201B:
        out.push_back('\'');
        continue;
      case 0x201C: case 0x201D: case 0x201E: case 0x201F:
        out.push_back('"');
        continue;
      default:
        break;
    }
    if (v < 0x80) {
      out.push_back(static_cast<char>(v >= 'A' && v <= 'Z' ? v + ('a' - 'A') : v));
    } else {
      AppendUtf8(utf8proc_tolower(v), &out);
    }
  }
  return out;
}

std::size_t ValidUtf8SequenceLength(std::string_view s, std::size_t i) {
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

bool IsValidUtf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    // Eight ASCII bytes at a time: most web pages are mostly ASCII.
    if (i + 8 <= s.size()) {
      uint64_t chunk;
      std::memcpy(&chunk, s.data() + i, 8);
      if ((chunk & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    const std::size_t len = ValidUtf8SequenceLength(s, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

std::string ValidUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = ValidUtf8SequenceLength(s, i);
    if (len == 0) {
      out.append("\xEF\xBF\xBD");
      ++i;
    } else {
      out.append(s.substr(i, len));
      i += len;
    }
  }
  return out;
}

}  // namespace credence::internal
