// One pass over the code points. A word or number ends at the first code
// point that cannot continue it; inner joiners (' ’ - . ,) are kept only
// when a letter or digit follows them, so trailing punctuation stays a
// token of its own.
#include "text/tokenizer.h"

#include "text/abbreviations.h"
#include "text/utf8.h"

namespace credence::internal {
namespace {

bool IsWordChar(int32_t cp) { return IsLetter(cp) || IsDigit(cp); }

// Returns true when the word text[start, end) followed by '.' keeps the period:
// dotted acronyms (U.S, e.g) and known abbreviations (Mr, Jan).
bool KeepsPeriod(std::string_view text, std::size_t start, std::size_t end) {
  std::string_view word = text.substr(start, end - start);
  if (word.find('.') != std::string_view::npos) return true;  // U.S → U.S.
  if (word.size() == 1 && IsUpper(static_cast<unsigned char>(word[0]))) return true;  // initials: John F.
  return IsAbbreviation(word);
}

}  // namespace

void Tokenize(std::string_view text, Span span, std::vector<Token>* tokens) {
  std::size_t i = span.start;
  while (i < span.end) {
    CodePoint cp = DecodeAt(text, i);
    if (IsSpace(cp.value)) {
      i += cp.length;
      continue;
    }
    std::size_t start = i;
    if (IsWordChar(cp.value)) {
      bool has_letter = IsLetter(cp.value);
      bool numeric_joiners_only = !has_letter;
      i += cp.length;
      while (i < span.end) {
        CodePoint c = DecodeAt(text, i);
        if (IsWordChar(c.value)) {
          has_letter |= IsLetter(c.value);
          i += c.length;
          continue;
        }
        bool joiner = IsApostrophe(c.value) || c.value == '-' || c.value == '.' || c.value == ',';
        if (!joiner || i + c.length >= span.end) break;
        CodePoint next = DecodeAt(text, i + c.length);
        if (!IsWordChar(next.value)) break;
        // A comma joins digits only (1,000); a period inside a word only for acronyms (U.S).
        if (c.value == ',' && !(numeric_joiners_only && IsDigit(next.value))) break;
        if (c.value == '.' && has_letter && !(i - start <= 3 && IsLetter(next.value) &&
                                              i + c.length + next.length < span.end &&
                                              DecodeAt(text, i + c.length + next.length).value == '.'))
          break;
        if (IsApostrophe(c.value) || c.value == '-') numeric_joiners_only = false;
        i += c.length;
      }
      TokenKind kind = has_letter ? TokenKind::kWord : TokenKind::kNumber;
      if (kind == TokenKind::kWord && i < span.end && text[i] == '.' && KeepsPeriod(text, start, i)) ++i;
      if (kind == TokenKind::kNumber && i < span.end && text[i] == '%') ++i;
      tokens->push_back({{start, i}, kind});
      continue;
    }
    i += cp.length;
    tokens->push_back({{start, i}, IsPunct(cp.value) ? TokenKind::kPunct : TokenKind::kSymbol});
  }
}

}  // namespace credence::internal
