// Small UTF-8 helpers over the Document's working copy (which is valid
// UTF-8 by construction): decoding one code point, classifying it with
// utf8proc, and folding words for look-ups in word lists.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace credence::internal {

struct CodePoint {
  int32_t value = 0;
  std::size_t length = 1;  // bytes
};

// Decodes the code point at s[i]. An invalid byte decodes as itself with length 1.
// REQUIRES: i < s.size().
CodePoint DecodeAt(std::string_view s, std::size_t i);

bool IsLetter(int32_t cp);
bool IsDigit(int32_t cp);
bool IsUpper(int32_t cp);
bool IsLower(int32_t cp);
// White space, including U+00A0 and the other Unicode spaces.
bool IsSpace(int32_t cp);
bool IsPunct(int32_t cp);
// Apostrophes inside words: ' and U+2019.
inline bool IsApostrophe(int32_t cp) { return cp == '\'' || cp == 0x2019; }

// Returns `word` lower-cased, with ’ ‘ folded to ' and “ ” to ", for
// look-ups in word lists.
std::string NormalizeForLookup(std::string_view word);

}  // namespace credence::internal
