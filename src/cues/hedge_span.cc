// Why a fixed, tiny grammar: the span only has to show the reader what is
// hedged, and English verb groups after a modal are short and regular. A
// tagger would be slower and no clearer.
#include "cues/hedge_span.h"

#include <initializer_list>
#include <string>

#include "text/utf8.h"

namespace credence::internal {
namespace {

bool OneOf(std::string_view w, std::initializer_list<std::string_view> set) {
  for (std::string_view s : set)
    if (s == w) return true;
  return false;
}

// Adverbs that sit between a modal and its verb: "may also be", "could soon".
bool IsModalAdverb(std::string_view w) {
  return OneOf(w, {"also", "still", "even", "well", "yet", "already", "soon", "never", "now", "just", "actually",
                   "eventually", "ultimately", "potentially", "really", "easily", "possibly", "likely", "only"});
}

// Words that start a new phrase rather than finish the verb group.
bool EndsVerbGroup(std::string_view w) {
  return OneOf(w, {"the", "a", "an", "this", "that", "these", "those", "to", "in", "on", "at", "of", "for", "with",
                   "by", "from", "into", "about", "and", "or", "but", "as", "if", "than", "so", "because", "it",
                   "he", "she", "they", "we", "you", "i", "his", "her", "their", "its", "our", "my", "your",
                   "there", "some", "any", "no", "more", "less", "who", "which", "what", "when", "where", "why"});
}

}  // namespace

Span ExtendOverVerbGroup(std::string_view text, const std::vector<Token>& tokens, std::size_t after,
                         std::size_t end, Span span) {
  auto word = [&](std::size_t i) -> std::string {
    if (i >= end || tokens[i].kind != TokenKind::kWord) return "";
    return NormalizeForLookup(text.substr(tokens[i].span.start, tokens[i].span.size()));
  };
  std::size_t i = after;
  std::size_t last = after;  // one past the last token taken into the span
  if (IsModalAdverb(word(i))) ++i;
  if (word(i) == "not") last = ++i;
  std::string w = word(i);
  if (w == "be" || w == "been") {
    last = ++i;
  } else if (w == "have") {
    last = ++i;
    if (word(i) == "been") last = ++i;
  }
  w = word(i);
  if (!w.empty() && !EndsVerbGroup(w)) last = i + 1;
  if (last == after) return span;
  return {span.start, tokens[last - 1].span.end};
}

}  // namespace credence::internal
