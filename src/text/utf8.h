// Small UTF-8 helpers over a Document's working copy (valid UTF-8 by
// construction): decoding one code point, classifying it with utf8proc, and
// folding words for look-ups in word lists.
//
//   CodePoint cp = DecodeAt(text, i);
//   if (IsLetter(cp.value)) i += cp.length;
//
// All functions are pure and thread-safe.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace credence::internal {

struct CodePoint {
  int32_t value = 0;
  std::size_t length = 1;  // bytes
};

// Decodes a multi-byte sequence; see DecodeAt.
CodePoint DecodeMultiByte(std::string_view s, std::size_t i);

// Returns the length (1-4) of the well-formed UTF-8 sequence at s[i], or 0
// when the bytes there are not one (overlong, surrogate, > U+10FFFF, cut).
std::size_t ValidUtf8SequenceLength(std::string_view s, std::size_t i);

// Returns whether all of `s` is well-formed UTF-8.
bool IsValidUtf8(std::string_view s);

// Returns `s` with each byte of an invalid UTF-8 sequence replaced by U+FFFD.
std::string ValidUtf8(std::string_view s);

// Returns the code point at s[i] and its length in bytes. Does not check
// for overlong forms or surrogates (the working copy has none); a byte that
// cannot start a sequence, or a sequence cut short by the end of `s`, decodes
// as U+FFFD of length 1, so decoding never reads past `s`.
// REQUIRES: i < s.size().
inline CodePoint DecodeAt(std::string_view s, std::size_t i) {
  auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return {b0, 1};
  return DecodeMultiByte(s, i);
}

// What the tokenizer needs to know about a code point.
enum class CharClass : uint8_t {
  kSpace,   // white space (incl. U+00A0, U+2009, U+FEFF, U+200B), C0/C1 controls
  kLetter,  // Unicode L*
  kDigit,   // Unicode Nd
  kMark,    // Unicode M* (combining marks, variation selectors)
  kJoiner,  // invisible format characters that may sit inside a word:
            // soft hyphen, ZWJ, ZWNJ, bidi marks
  kPunct,   // Unicode P*: . , ; : ! ? " ' ( ) - – — … “ ” ‘ ’ % & # @ ...
  kSymbol,  // everything else: $ € + = emoji, other numbers (½ ²), unassigned
};

// The classes of the 128 ASCII code points.
constexpr std::array<CharClass, 128> MakeAsciiCharClasses() {
  std::array<CharClass, 128> t{};
  for (int c = 0; c < 128; ++c) {
    CharClass k = CharClass::kPunct;
    if (c <= ' ' || c == 0x7F) k = CharClass::kSpace;
    else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) k = CharClass::kLetter;
    else if (c >= '0' && c <= '9') k = CharClass::kDigit;
    // These are Unicode symbols (Sc, Sm, Sk), not punctuation.
    else if (c == '$' || c == '+' || c == '<' || c == '=' || c == '>' || c == '^' || c == '`' || c == '|' || c == '~')
      k = CharClass::kSymbol;
    t[static_cast<std::size_t>(c)] = k;
  }
  return t;
}
inline constexpr std::array<CharClass, 128> kAsciiCharClasses = MakeAsciiCharClasses();

// Returns the class of a code point >= 0x80 (utf8proc's category).
CharClass ClassOfNonAscii(int32_t cp);

// Returns the class of `cp`. ASCII, most of news text, takes a table look-up.
inline CharClass ClassOf(int32_t cp) {
  if (cp >= 0 && cp < 0x80) return kAsciiCharClasses[static_cast<std::size_t>(cp)];
  return ClassOfNonAscii(cp);
}

inline bool IsLetter(int32_t cp) { return ClassOf(cp) == CharClass::kLetter; }
inline bool IsDigit(int32_t cp) { return ClassOf(cp) == CharClass::kDigit; }
// White space, including U+00A0 and the other Unicode spaces.
inline bool IsSpace(int32_t cp) { return ClassOf(cp) == CharClass::kSpace; }
inline bool IsPunct(int32_t cp) { return ClassOf(cp) == CharClass::kPunct; }
// Upper-case or title-case letters.
bool IsUpper(int32_t cp);
bool IsLower(int32_t cp);

// Apostrophes inside words: ' and U+2019.
inline bool IsApostrophe(int32_t cp) { return cp == '\'' || cp == 0x2019; }
// Hyphens inside words: '-', U+2010 HYPHEN, U+2011 NON-BREAKING HYPHEN.
inline bool IsHyphen(int32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }

// Appends the UTF-8 encoding of `cp` to *out.
void AppendUtf8(int32_t cp, std::string* out);

// Returns `s` with every code point lower-cased (utf8proc_tolower).
std::string ToLower(std::string_view s);

// Returns `word` lower-cased, with the curly apostrophes and quotes ’ ‘ ‛
// folded to ' and “ ” „ ‟ to ", so that "Don’t" and "don't" find the same
// entry in a word list.
std::string NormalizeForLookup(std::string_view word);

}  // namespace credence::internal
