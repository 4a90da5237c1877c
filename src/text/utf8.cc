// utf8proc-backed classification. ASCII takes a fast path, since it is most
// of what news text holds.
#include "text/utf8.h"

#include <utf8proc.h>

namespace credence::internal {

CodePoint DecodeAt(std::string_view s, std::size_t i) {
  auto b0 = static_cast<uint8_t>(s[i]);
  if (b0 < 0x80) return {b0, 1};
  utf8proc_int32_t cp = 0;
  utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                        static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
  if (n <= 0) return {b0, 1};
  return {cp, static_cast<std::size_t>(n)};
}

namespace {
utf8proc_category_t Category(int32_t cp) { return utf8proc_category(cp); }
}  // namespace

bool IsLetter(int32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  utf8proc_category_t c = Category(cp);
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME;  // L* and M*: combining marks stay in words
}

bool IsDigit(int32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return Category(cp) == UTF8PROC_CATEGORY_ND;
}

bool IsUpper(int32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return Category(cp) == UTF8PROC_CATEGORY_LU || Category(cp) == UTF8PROC_CATEGORY_LT;
}

bool IsLower(int32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return Category(cp) == UTF8PROC_CATEGORY_LL;
}

bool IsSpace(int32_t cp) {
  if (cp < 0x80) return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v';
  utf8proc_category_t c = Category(cp);
  return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP || cp == 0xFEFF;
}

bool IsPunct(int32_t cp) {
  if (cp < 0x80) return (cp >= '!' && cp <= '/') || (cp >= ':' && cp <= '@') || (cp >= '[' && cp <= '`') ||
                        (cp >= '{' && cp <= '~');
  utf8proc_category_t c = Category(cp);
  return c >= UTF8PROC_CATEGORY_PC && c <= UTF8PROC_CATEGORY_PO;
}

std::string NormalizeForLookup(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  for (std::size_t i = 0; i < word.size();) {
    CodePoint cp = DecodeAt(word, i);
    int32_t v = cp.value;
    if (v == 0x2019 || v == 0x2018) v = '\'';
    else if (v == 0x201C || v == 0x201D) v = '"';
    else if (v < 0x80) v = (v >= 'A' && v <= 'Z') ? v + 32 : v;
    else v = utf8proc_tolower(v);
    if (v < 0x80) {
      out.push_back(static_cast<char>(v));
    } else {
      utf8proc_uint8_t buf[4];
      utf8proc_ssize_t n = utf8proc_encode_char(v, buf);
      out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
    }
    i += cp.length;
  }
  return out;
}

}  // namespace credence::internal
