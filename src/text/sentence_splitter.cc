// Sentence boundaries from token shapes alone: fast, and good enough for
// news prose; the hard cases (abbreviations, initials, decimals) are settled
// by the tokenizer, which keeps their periods inside the word.
#include "text/sentence_splitter.h"

#include <string>

#include "text/utf8.h"

namespace credence::internal {
namespace {

bool IsTerminal(std::string_view t) {
  return t == "." || t == "!" || t == "?" || t == "\xE2\x80\xA6";
}

bool IsClosing(std::string_view t) {
  return t == "\"" || t == "'" || t == ")" || t == "]" || t == "\xE2\x80\x9D" || t == "\xE2\x80\x99";
}

bool IsOpening(std::string_view t) {
  return t == "\"" || t == "'" || t == "(" || t == "[" || t == "\xE2\x80\x9C" || t == "\xE2\x80\x98";
}

bool StartsSentence(std::string_view text, const Token& t) {
  std::string_view s = text.substr(t.span.start, t.span.size());
  if (t.kind == TokenKind::kNumber) return true;
  if (t.kind == TokenKind::kPunct) return IsOpening(s) || s == "-" || s == "\xE2\x80\x94";
  CodePoint cp = DecodeAt(s, 0);
  return IsUpper(cp.value) || !IsLetter(cp.value);
}

bool IsCommonOpener(std::string_view w) {
  static const std::string_view kOpeners[] = {"The", "This", "That", "These", "Those", "He", "She", "It", "They",
                                              "We", "I", "But", "And", "In", "A", "An", "On", "At", "His", "Her",
                                              "Their", "Its", "There", "Meanwhile", "However", "After", "When"};
  for (std::string_view o : kOpeners)
    if (o == w) return true;
  return false;
}

// "U.S." at the end of a word token: the period may end the sentence too.
bool EndsWithAcronymPeriod(std::string_view text, const Token& t) {
  std::string_view s = text.substr(t.span.start, t.span.size());
  return t.kind == TokenKind::kWord && s.size() >= 4 && s.back() == '.' &&
         s.find('.') != s.size() - 1;
}

}  // namespace

void SplitSentences(std::string_view text, const std::vector<Token>& tokens, std::size_t first_token,
                    std::size_t end_token, std::vector<Sentence>* sentences) {
  std::size_t start = first_token;
  auto emit = [&](std::size_t end) {
    if (end <= start) return;
    sentences->push_back({{tokens[start].span.start, tokens[end - 1].span.end}, start, end});
    start = end;
  };
  for (std::size_t i = first_token; i < end_token; ++i) {
    std::string_view t = text.substr(tokens[i].span.start, tokens[i].span.size());
    std::size_t boundary = 0;  // index of the first token of the next sentence, or 0
    if (IsTerminal(t) && tokens[i].kind == TokenKind::kPunct) {
      std::size_t j = i + 1;
      while (j < end_token && IsTerminal(text.substr(tokens[j].span.start, tokens[j].span.size()))) ++j;
      while (j < end_token && IsClosing(text.substr(tokens[j].span.start, tokens[j].span.size()))) ++j;
      if (j < end_token && StartsSentence(text, tokens[j])) boundary = j;
      i = j - 1;
    } else if (EndsWithAcronymPeriod(text, tokens[i]) && i + 1 < end_token &&
               IsCommonOpener(text.substr(tokens[i + 1].span.start, tokens[i + 1].span.size()))) {
      boundary = i + 1;
    }
    if (boundary != 0) emit(boundary);
  }
  emit(end_token);
}

}  // namespace credence::internal
