// One pass over the code points. Every look-ahead is bounded (a joiner and
// the code point after it, four digits after a comma, "No." and the spaces
// after it), and the only re-reading is the acronym probe, run on words of at
// most 8 bytes that are followed by a period: the pass stays linear even on
// a 50 MB line of one letter.
#include "text/tokenizer.h"

#include <algorithm>

#include "text/abbreviations.h"
#include "text/utf8.h"

namespace credence::internal {
namespace {

struct Char {
  CodePoint cp;
  CharClass cls;
};

// The text of the span, cut at the span's end so that decoding never reads
// past it.
class Cursor {
 public:
  explicit Cursor(std::string_view s) : s_(s) {}
  std::size_t size() const { return s_.size(); }
  Char At(std::size_t i) const {
    CodePoint cp = DecodeAt(s_, i);
    return {cp, ClassOf(cp.value)};
  }
  bool IsByte(std::size_t i, char c) const { return i < s_.size() && s_[i] == c; }
  std::string_view Sub(std::size_t start, std::size_t end) const { return s_.substr(start, end - start); }

 private:
  std::string_view s_;
};

bool InWord(CharClass c) {
  return c == CharClass::kLetter || c == CharClass::kDigit || c == CharClass::kMark || c == CharClass::kJoiner;
}

// Returns the end of the word whose letters and digits run from i.
std::size_t ScanWord(const Cursor& s, std::size_t i) {
  while (i < s.size()) {
    Char c = s.At(i);
    if (InWord(c.cls)) {
      i += c.cp.length;
      continue;
    }
    bool apostrophe = IsApostrophe(c.cp.value);
    if (!apostrophe && !IsHyphen(c.cp.value)) break;
    std::size_t j = i + c.cp.length;
    if (j >= s.size()) break;
    Char next = s.At(j);
    // don't, O'Brien; well-known, COVID-19. A trailing joiner (the players'
    // union, "pro-") stays a token of its own.
    if (next.cls != CharClass::kLetter && (apostrophe || next.cls != CharClass::kDigit)) break;
    i = j + next.cp.length;
  }
  return i;
}

// Returns the end of a dotted acronym starting at i (U.S., e.g., Ph.D.:
// groups of one or two letters, each followed by a period, at least two of
// them), or 0 when there is none.
std::size_t ScanAcronym(const Cursor& s, std::size_t i) {
  int groups = 0;
  for (;;) {
    std::size_t k = i;
    int letters = 0;
    while (k < s.size() && letters < 3) {
      Char c = s.At(k);
      if (c.cls != CharClass::kLetter) break;
      k += c.cp.length;
      ++letters;
    }
    if (letters == 0 || letters == 3 || !s.IsByte(k, '.')) break;
    i = k + 1;
    ++groups;
  }
  return groups >= 2 ? i : 0;
}

// True when "No" is followed by a period and a number: No. 10 Downing Street.
bool IsNumberSign(const Cursor& s, std::size_t start, std::size_t end) {
  if (s.Sub(start, end) != "No") return false;
  std::size_t j = end + 1;
  while (j < s.size() && s.IsByte(j, ' ')) ++j;
  return j < s.size() && s.At(j).cls == CharClass::kDigit;
}

// True when the word s[start, end), followed by a period, keeps the period.
bool KeepsPeriod(const Cursor& s, std::size_t start, std::size_t end) {
  Char first = s.At(start);
  if (start + first.cp.length == end && IsUpper(first.cp.value)) return true;  // an initial: John F.
  return IsAbbreviation(s.Sub(start, end)) || IsNumberSign(s, start, end);
}

// Returns the end of the number whose first digit is at i, and whether it
// is digits only (so that "20th" can become a word).
std::size_t ScanNumber(const Cursor& s, std::size_t i, bool* digits_only) {
  *digits_only = true;
  while (i < s.size()) {
    Char c = s.At(i);
    if (c.cls == CharClass::kDigit) {
      i += c.cp.length;
      continue;
    }
    if (c.cp.value != '.' && c.cp.value != ',') break;
    std::size_t j = i + 1;
    std::size_t digits = 0;
    std::size_t k = j;
    while (k < s.size() && digits < 4) {
      Char d = s.At(k);
      if (d.cls != CharClass::kDigit) break;
      k += d.cp.length;
      ++digits;
    }
    // 3.5 and 1.2.3 take any digits; a thousands comma exactly three, so
    // that "scores of 3,4" stays three tokens.
    if (digits == 0 || (c.cp.value == ',' && digits != 3)) break;
    *digits_only = false;
    i = k;
  }
  return i;
}

// True when a letter follows at i, directly or after a hyphen or apostrophe:
// plain digits there are the start of a word such as "20th" or "24-year-old".
bool StartsWordTail(const Cursor& s, std::size_t i) {
  if (i >= s.size()) return false;
  Char c = s.At(i);
  if (c.cls == CharClass::kLetter) return true;
  if (!IsHyphen(c.cp.value) && !IsApostrophe(c.cp.value)) return false;
  std::size_t j = i + c.cp.length;
  return j < s.size() && s.At(j).cls == CharClass::kLetter;
}

// Returns the end of the symbol at i, with the marks, skin-tone modifiers,
// ZWJ sequences and flag pairs that draw as one glyph with it.
std::size_t ScanSymbol(const Cursor& s, std::size_t i) {
  Char first = s.At(i);
  i += first.cp.length;
  auto regional = [](int32_t cp) { return cp >= 0x1F1E6 && cp <= 0x1F1FF; };
  if (regional(first.cp.value) && i < s.size() && regional(s.At(i).cp.value)) i += s.At(i).cp.length;
  while (i < s.size()) {
    Char c = s.At(i);
    if (c.cls == CharClass::kMark || (c.cp.value >= 0x1F3FB && c.cp.value <= 0x1F3FF)) {
      i += c.cp.length;
    } else if (c.cp.value == 0x200D && i + c.cp.length < s.size() &&
               s.At(i + c.cp.length).cls == CharClass::kSymbol) {
      i += c.cp.length;
      i += s.At(i).cp.length;
    } else {
      break;
    }
  }
  return i;
}

}  // namespace

void Tokenize(std::string_view text, Span span, std::vector<Token>* tokens) {
  const Cursor s(text.substr(0, std::min(span.end, text.size())));
  std::size_t i = span.start;
  while (i < s.size()) {
    Char c = s.At(i);
    const std::size_t start = i;
    TokenKind kind;
    switch (c.cls) {
      case CharClass::kSpace:
      case CharClass::kJoiner:  // outside a word an invisible mark is a gap
        i += c.cp.length;
        continue;
      case CharClass::kLetter:
        kind = TokenKind::kWord;
        i = ScanWord(s, i);
        if (!s.IsByte(i, '.')) break;
        // Only a short word before a period can open an acronym: the probe
        // stays off the path of ordinary words.
        if (std::size_t e = i - start <= 8 ? ScanAcronym(s, start) : 0; e != 0) {
          i = e;
          // U.S.-led: a hyphenated word may follow the acronym's last period.
          if (i < s.size() && IsHyphen(s.At(i).cp.value)) {
            std::size_t after = ScanWord(s, i);
            if (after > i + s.At(i).cp.length) i = after;
          }
        } else if (KeepsPeriod(s, start, i)) {
          ++i;
        }
        break;
      case CharClass::kDigit: {
        kind = TokenKind::kNumber;
        bool digits_only = false;
        i = ScanNumber(s, i, &digits_only);
        if (digits_only && StartsWordTail(s, i)) {
          kind = TokenKind::kWord;  // 20th, 1990s, 5G, 24-year-old
          i = ScanWord(s, i);
          break;
        }
        if (s.IsByte(i, '%')) ++i;
        break;
      }
      case CharClass::kPunct:
        kind = TokenKind::kPunct;
        i += c.cp.length;
        break;
      case CharClass::kMark:
      case CharClass::kSymbol:
      default:
        kind = TokenKind::kSymbol;
        i = ScanSymbol(s, i);
        break;
    }
    tokens->push_back({{start, i}, kind});
  }
}

}  // namespace credence::internal
